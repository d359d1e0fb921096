"""Which of a file's fixes `--diff` leaves to a person because its hunk would print a line that
akool prints nowhere else as it stands: a credential-looking value (abridged in the text findings,
--json and SARIF) or what a CI system runs as a command from its log (`##vso[`, `##[`, `::` at a
line's start). A patch must carry the file's own lines, so such a hunk is left out, never
altered, and stderr names the file and line to fix by hand (repro32b)."""

from __future__ import annotations

import re
from collections.abc import Callable

from akool_cli.audit import credentials, rx
from akool_cli.audit.rules import Fix

CONTEXT = 3  # the lines a unified diff's hunk prints on each side of a changed line (difflib's n)
# What a CI log runs as a command: Azure Pipelines' `##vso[` and GitHub Actions' legacy `##[`
# anywhere in a line, GitHub's `::name::` at its start once spaces are trimmed (a diff's context
# line starts with a space: ` ::set-output` is one).
CI_COMMAND = rx.compile(r"##(?:vso)?\[|^\s*::[A-Za-z][\w-]*(?:\s[^\n]*?)?::", re.IGNORECASE)
CREDENTIAL_WHY = "a credential-looking value"
CI_WHY = "a CI log command"


def why_unprinted(line: str, names: bool = False) -> str | None:
    """Why a diff's line is not to be printed as it stands, or None. `names`: a header line
    (`--- a/x`), judged for CI commands only (a name is printed in every output)."""
    if ("##" in line or "::" in line) and CI_COMMAND.search(line):
        return CI_WHY
    if not names and credentials.holds(line):
        return CREDENTIAL_WHY
    return None


def _may_hold_any(text: str) -> bool:
    """Whether any line of the text may be one not to print (most files: none, found at C
    speed once rather than line by line)."""
    return "##" in text or "::" in text or credentials.holds(text)


def printable(text: str, starts: list[int], fixes: list[Fix]) -> tuple[list[Fix], dict[int, str]]:
    """The fixes whose hunks print no such line, and the others' lines (0-based) with why."""
    if not _may_hold_any(text):
        return fixes, {}
    line_of = _lines(text, starts)
    judged: dict[int, str | None] = {}

    def why(number: int) -> str | None:
        if number not in judged:
            line = line_of(number)
            # (a key that only the line before says is one: `value: k` after `- name: x-api-key`)
            before = line_of(number - 1) if number else ""
            judged[number] = why_unprinted(line) or (
                CREDENTIAL_WHY if credentials.keys_in(line, before) else None
            )
        return judged[number]

    kept: list[Fix] = []
    held: dict[int, str] = {}
    for fix in fixes:
        around = {
            near
            for edit in (fix, *fix.also)
            for near in range(
                max(0, edit.line - CONTEXT), min(len(starts), edit.line + CONTEXT + 1)
            )
        }
        reasons = sorted({reason for near in around if (reason := why(near)) is not None})
        if reasons:
            held[fix.line] = " and ".join(reasons)
        else:
            kept.append(fix)
    return kept, held


def diff_printable(diff: bytes) -> str | None:
    """None when no line of a file's finished diff is one not to print, else why (a change the
    fixes made beyond their own lines, such as gofmt's alignment, or a file git counts in other
    lines: the whole file is then left to a person)."""
    whole = diff.decode("utf-8", "replace")
    if not _may_hold_any(whole):
        return None
    for line in whole.split("\n"):
        header = line.startswith(("--- ", "+++ "))
        why = why_unprinted(line[1:] if not header else line, names=header)
        if why is not None:
            return why
    return None


def _lines(text: str, starts: list[int]) -> Callable[[int], str]:
    def line(number: int) -> str:
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        return text[starts[number] : end]

    return line


def note(name: str, held: dict[int, str]) -> str:
    """The stderr line for a file's fixes left out: where (1-based) and why."""
    lines = sorted(held)
    more = f" (and line(s) {', '.join(str(n + 1) for n in lines[1:])})" if len(lines) > 1 else ""
    reasons = " and ".join(sorted(set(held.values())))
    return (
        f"{name}:{lines[0] + 1}{more}: left out of the patch, whose lines would print {reasons} "
        "as it stands; fix it by hand"
    )

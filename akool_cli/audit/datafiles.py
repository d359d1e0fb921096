"""The files of a scan that a curl command of another of its files sends as its body (`curl ...
-d @body.json`, or `-d @-` given it as stdin: `envsubst < body.json | curl`): each is read as that command's here-document would be, so its fields are judged
against the command's endpoint and reported, and patched, at the data file's own lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from akool_cli.audit import rx
from akool_cli.audit.rules import Fix

if TYPE_CHECKING:
    from akool_cli.audit.scan import Finding

# A curl data option given a file (`-d @body.json`, `--data-binary "@req/talk.json"`, `--json
# @b.json`); `-d @-` reads stdin and --data-raw takes `@` as text.
DATA_FILE = rx.compile(
    r"(?<![\w-])(?:-d|--data|--data-binary|--data-ascii|--json)[ \t]+(?P<q>['\"]?)"
    r"@(?P<file>[\w./-]+\.json)(?P=q)(?=[ \t]|\\?$)"
)
# A JSON file a curl command's `-d @-` reads as its stdin: piped in by a command that prints it
# (`envsubst < body.tmpl.json | curl ...`, `cat body.json | curl ...`) or redirected (`curl ...
# -d @- < body.json`).
STDIN_FILE = rx.compile(
    r"\b(?:envsubst|cat)[ \t]+(?:<[ \t]*)?(?P<q>['\"]?)(?P<file>[\w./-]+\.json)(?P=q)[ \t]*\|"
    r"(?=[ \t]*curl\b)|(?<![<\w])<[ \t]*(?P<q2>['\"]?)(?P<file2>[\w./-]+\.json)(?P=q2)(?=[ \t]|\\?$)"
)
STDIN_DATA = rx.compile(r"(?<![\w-])(?:-d|--data|--data-binary|--data-ascii|--json)[ \t]+['\"]?@-")
CONTINUED = rx.compile(r"\\[ \t]*$")
MARK = "AKOOL_AUDIT_BODY"  # the here-document's word (no JSON line is it)

# (a script's path, its shown name, a text): the findings in the text, as the script's
Audit = Callable[[Path, str, str], "list[Finding]"]


def findings(texts: list[tuple[Path, str, str]], audit: Audit) -> list[Finding]:
    """The findings in each data file of `texts` that a curl command in another sends: the
    script is audited up to the command, with the file's text as the command's here-document,
    and what is found in that text is the data file's."""
    data = {path.resolve(): (shown, text) for path, shown, text in texts if path.suffix == ".json"}
    sent: dict[str, list[list[Finding]]] = {}
    for path, shown, text in texts if data else ():
        if "@" not in text or "curl" not in text:
            continue
        lines = text.split("\n")
        for k in range(len(lines)):
            for name, given in _sent_files(lines, k):
                target = data.get((path.parent / name).resolve())
                if target is not None:
                    got = _as_heredoc(audit, (path, shown), lines, (k, given), target)
                    sent.setdefault(target[0], []).append(got)
    return [f for each in sent.values() for f in _once(each)]


def _sent_files(lines: list[str], k: int) -> list[tuple[str, str]]:
    """The data files line k of a script gives a curl command, each with the line as it reads
    with that file's text as the command's here-document (`-d @-`, the stdin's source blanked)."""
    line = lines[k]
    found = [
        (m["file"], line[: m.start("q")] + "@-" + line[m.end() :]) for m in DATA_FILE.finditer(line)
    ]
    if "<" not in line and "cat" not in line:
        return found
    command = _command(lines, k) if STDIN_FILE.search(line) else ""
    for m in STDIN_FILE.finditer(line):
        if "curl" in command and STDIN_DATA.search(command):
            blanked = line[: m.start()] + " " * len(m.group(0)) + line[m.end() :]
            found.append((m["file"] or m["file2"], blanked))
    return found


def _command(lines: list[str], k: int) -> str:
    """The command line k is part of, with the lines its backslashes continue it on."""
    first, last = k, k
    while first > 0 and CONTINUED.search(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and CONTINUED.search(lines[last]):
        last += 1
    return "\n".join(lines[first : last + 1])


def _once(each: list[list[Finding]]) -> list[Finding]:
    """A data file's findings, once each; none patched when several commands send it (a fix
    for one would change what the others send)."""
    unique = {(f.line, f.column, f.rule): f for found in each for f in found}
    shared = len(each) > 1
    return [replace(f, fix=None) if shared else f for f in unique.values()]


def _as_heredoc(
    audit: Audit,
    script: tuple[Path, str],
    lines: list[str],
    at: tuple[int, str],
    target: tuple[str, str],
) -> list[Finding]:
    """The findings of the data file `target` (shown name, text) sent by the curl command of
    line `at[0]` of the script: the script's lines up to the command, its line as `at[1]` gives
    it (the option given `@-`) and the file's lines as the here-document after it."""
    k, given = at
    last = k
    while last + 1 < len(lines) and CONTINUED.search(lines[last]):
        last += 1
    head = [*lines[:k], given, *lines[k + 1 : last + 1]]
    head[-1] = CONTINUED.sub("", head[-1]) + f" <<'{MARK}'"
    body = target[1].split("\n")
    shift = len(head)
    synthetic = "\n".join([*head, *body, MARK])
    kept = []
    for f in audit(script[0], script[1], synthetic):
        if shift < f.line <= shift + len(body):
            fix = f.fix.moved(lambda one: _moved(one, shift)) if f.fix is not None else None
            kept.append(replace(f, file=target[0], line=f.line - shift, fix=fix))
    return kept


def _moved(fix: Fix, shift: int) -> Fix | None:
    """An edit of the here-document's text moved to the data file's line."""
    return replace(fix, line=fix.line - shift) if fix.line >= shift else None

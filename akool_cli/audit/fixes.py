"""`akool audit --diff`: the mechanical fixes the docs justify (a path to the documented path, a host
to openapi.akool.com, a field to its documented name, a value to the documented one), as one
unified diff that `git apply` accepts. Nothing is written: the user applies it."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from akool_cli.audit.rules import Fix
from akool_cli.audit.scan import Finding


@dataclass(frozen=True)
class Patch:
    diff: str  # the unified diff of every file (empty: nothing to fix)
    fixed: int  # findings fixed
    files: int  # files changed


def patch(findings: Iterable[Finding]) -> Patch:
    """One diff for all the findings that carry a fix, file by file."""
    by_file: dict[str, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_file.setdefault(finding.file, []).append(finding.fix)
    parts, fixed = [], 0
    for name in sorted(by_file):
        diff, count = file_diff(name, by_file[name])
        if diff:
            parts.append(diff)
            fixed += count
    return Patch("".join(parts), fixed, len(parts))


def file_diff(name: str, fixes: list[Fix]) -> tuple[str, int]:
    """The diff of one file and how many fixes it applies (overlapping ones: the first only)."""
    try:
        data = Path(name).read_bytes()
    except OSError:
        return "", 0
    text = data.decode("utf-8", "replace")
    before = text.splitlines(keepends=True)
    after = list(before)
    applied = 0
    for line, changes in _by_line(fixes).items():
        if line >= len(after):
            continue
        new = _apply(after[line], changes)
        if new is not None:
            after[line] = new
            applied += len(changes)
    if after == before:
        return "", 0
    shown = _diff_name(name)
    lines = difflib.unified_diff(before, after, f"a/{shown}", f"b/{shown}")
    return "".join(_terminated(lines)), applied


def _by_line(fixes: list[Fix]) -> dict[int, list[Fix]]:
    found: dict[int, list[Fix]] = {}
    for fix in sorted(set(fixes), key=lambda f: (f.line, f.start)):
        taken = found.setdefault(fix.line, [])
        if not any(fix.start < t.end and t.start < fix.end for t in taken):
            taken.append(fix)
    return found


def _apply(line: str, changes: list[Fix]) -> str | None:
    """The line with its changes made right to left, or None when the text is not what the audit
    read (the file changed since): then nothing of it is touched."""
    for fix in sorted(changes, key=lambda f: f.start, reverse=True):
        if line[fix.start : fix.end] != fix.old:
            return None
        line = line[: fix.start] + fix.new + line[fix.end :]
    return line


def _diff_name(name: str) -> str:
    """The path git apply expects: relative to the current folder when the file is under it."""
    relative = os.path.relpath(os.path.abspath(name))
    shown = relative if not relative.startswith("..") else name.lstrip("/")
    return shown.replace(os.sep, "/")


def _terminated(lines: Iterable[str]) -> Iterable[str]:
    """Diff lines, each ending in a newline; a last line without one gets git's marker."""
    for line in lines:
        if line.endswith(("\n", "\r\n")):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"

"""`akool audit --diff`: the mechanical fixes the docs justify (a path to the documented path, a host
to openapi.akool.com, a field to its documented name, a value to the documented one), as one
unified diff that `git apply` accepts. Nothing is written: the user applies it. The diff is made
of the files' own bytes: their encoding (Latin-1 stays Latin-1), line endings (CRLF, a lone CR)
and every byte outside a fix are kept."""

from __future__ import annotations

import difflib
import os
import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from akool_cli.audit import rx, tstypes, unprinted
from akool_cli.audit.rules import Fix
from akool_cli.audit.scan import MAX_FILE_BYTES, Finding
from akool_cli.audit.source import line_starts


@dataclass(frozen=True)
class Patch:
    diff: bytes  # the unified diff of every file, in the files' own bytes (empty: nothing to fix)
    fixed: int  # findings fixed
    files: int  # files changed
    # Where to apply it, or which files it leaves out, when a file is outside the current folder
    # (one line for stderr; "" when `git apply` in the current folder takes it).
    note: str = ""
    held: tuple[str, ...] = ()  # a line for stderr per file whose fixes a person must make


# Characters of a file name that cut a unified diff's ---/+++ header.
UNQUOTED_HEADER_BREAKERS = ("\t", "\n", "\r", '"', "\\")


def patch(findings: Iterable[Finding], applied_here: bool = False) -> Patch:
    """One diff for all the findings that carry a fix, file by file. `applied_here` (--diff):
    every path one that `git apply` takes where the audit runs, or the file left out and said
    (see diff_names); else a file outside the current folder goes by its path without `../`."""
    by_file: dict[str, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_file.setdefault(finding.file, []).append(finding.fix)
    parts, fixed = [], 0
    held: list[str] = []
    shown, note = diff_names(sorted(by_file)) if applied_here else ({n: "" for n in by_file}, "")
    for name in sorted(shown):
        diff, count = file_diff(name, by_file[name], shown[name], held)
        if diff:
            parts.append(diff)
            fixed += count
    left_out = len(shown) < len(by_file)
    note = note if parts or left_out else ""
    return Patch(b"".join(parts), fixed, len(parts), note, tuple(held))


def diff_names(names: list[str]) -> tuple[dict[str, str], str]:
    """The path each file goes by in the diff, and a line for stderr. Under the current folder:
    its path from there, which `git apply` (or `patch -p1`) takes there, also in a repository's
    subfolder. A file outside it (`akool audit --diff ../scripts`) has no such path (git apply
    refuses `../`, and skips what is outside the folder it runs in: break21e #9): in a git
    repository that holds them all, every path is from the repository's top, as `git diff`
    writes them, and the note says to apply it there; else such files are left out and the
    note says to run from a folder that holds them."""
    outside = [n for n in names if _from_here(n).startswith("..") or os.path.isabs(_from_here(n))]
    if not outside:
        return {n: _from_here(n) for n in names}, ""
    top = _git_top(os.getcwd())
    if top is not None and all(_git_top(os.path.dirname(os.path.abspath(n))) == top for n in names):
        where = os.path.relpath(top)
        note = (
            f"the patch names files outside the current folder, by their paths from the "
            f"repository's top ({where}): apply it from there (cd {where} && git apply PATCH)"
        )
        return {n: _posix(os.path.relpath(os.path.abspath(n), top)) for n in names}, note
    listed = ", ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
    note = (
        f"{listed}: left out of the patch: outside the current folder, and no git repository "
        f"holds it with the current folder (git apply takes no path outside the folder it runs "
        f"in); run akool audit --diff from a folder that holds every file"
    )
    return {n: _from_here(n) for n in names if n not in outside}, note


def _from_here(name: str) -> str:
    return _posix(os.path.relpath(os.path.abspath(name)))


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def _git_top(folder: str) -> str | None:
    """The top of the git work tree that holds a folder (where its `.git` is: a folder, or a
    file for a worktree or a submodule), found without running git."""
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def file_diff(
    name: str, fixes: list[Fix], shown_as: str | None = None, held: list[str] | None = None
) -> tuple[bytes, int]:
    """The diff of one file and how many fixes it applies (overlapping ones: the first only);
    `shown_as`: its path in the diff (see diff_names; by default, from the current folder);
    `held`: where a line for stderr goes when fixes are left out for what their hunks would
    print (see unprinted)."""
    read = _patchable(name)
    if read is None:
        return b"", 0
    data, text = read
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # (the audit read the text without it)
    text = text[len(bom) :]
    starts = line_starts(text)
    if tstypes.typescript(name):  # (what the code's own types say a patch must keep)
        fixes = tstypes.renamed_with_literals(text, starts, fixes)
        fixes = tstypes.typed_values_kept(text, starts, fixes)
    fixes, unprinted_lines = unprinted.printable(text, starts, fixes)
    if unprinted_lines and held is not None:
        held.append(unprinted.note(name, unprinted_lines))
    edits = [edit for fix in fixes for edit in (fix, *fix.also)]
    new, made = _apply(text, starts, edits)
    applied = sum(1 for fix in fixes if fix in made)
    if not applied:
        return b"", 0
    if name.endswith(".go") and new.count("\n") == text.count("\n"):  # (gofmt's alignment)
        new = gofmt_aligned(new, {fix.line for fix in made})
    after = (bom + new).encode("utf-8", "surrogateescape")
    diff = _unified(shown_as or _diff_name(name), data, after)
    why = unprinted.diff_printable(diff)
    if why is not None:  # (beyond the fixes' own lines: the whole file to a person)
        if held is not None:
            held.append(unprinted.note(name, {fix.line: why for fix in made}))
        return b"", 0
    return diff, applied


def _patchable(name: str) -> tuple[bytes, str] | None:
    """A file's bytes and its text as the audit read it (each byte it cannot decode one
    character), or None when a patch of it is left to a person (see file_diff)."""
    if any(ch in name for ch in UNQUOTED_HEADER_BREAKERS) or "##vso[" in name.lower():
        # (`##vso[` anywhere in a line is an Azure Pipelines command: a patch printed in a CI
        # log would run it from its ---/+++ header; break21h #8)
        # git writes such a name C-quoted in its headers; unquoted, the header ends at the tab or
        # newline and git apply refuses the whole patch (break21): left to a person.
        return None
    if _through_link(name):
        return None
    try:
        with Path(name).open("rb") as handle:  # the audit read it whole: it is not larger
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_FILE_BYTES:  # it grew since: left to a person
        return None
    # The audit read the text with undecodable bytes replaced; surrogateescape gives one
    # character per byte it cannot decode, so offsets agree unless a broken sequence was longer
    # than one byte (then the file is left to a person rather than guessed at).
    text = data.decode("utf-8", "surrogateescape")
    if len(text) != len(data.decode("utf-8", "replace")):
        return None
    return data, text


def _unified(shown_as: str, data: bytes, after: bytes) -> bytes:
    """The unified diff of a file's bytes before and after, its headers naming it `shown_as`."""
    shown = shown_as.encode("utf-8", "surrogateescape")
    # A name with a space ends in a tab, as git writes it, so that `patch -p1` finds its end
    # (without it, patch took `a/my` for the name and asked which file to patch: break21b L1).
    end = b"\t" if b" " in shown else b""
    lines = difflib.diff_bytes(
        difflib.unified_diff,
        _git_lines(data),
        _git_lines(after),
        b"a/" + shown + end,
        b"b/" + shown + end,
    )
    return b"".join(_terminated(lines))


def _apply(text: str, starts: list[int], fixes: list[Fix]) -> tuple[str, set[Fix]]:
    """The text with its fixes made; a fix whose text is not what the audit read (the file
    changed since), or that overlaps one already taken, is left out. Linear in the fixes (each
    is checked against its neighbours among the spans taken, not against them all, and the text
    is built once: break21h #20, 40,000 fixes cost 144 s)."""
    taken: list[tuple[int, int]] = []  # (start, end) of the spans taken, in order
    news: dict[tuple[int, int], list[str]] = {}
    made: set[Fix] = set()
    for fix in sorted(set(fixes), key=lambda f: (f.line, f.start)):
        if fix.line >= len(starts):
            continue
        start, end = starts[fix.line] + fix.start, starts[fix.line] + fix.end
        if text[start:end] != fix.old or _overlaps(taken, start, end):
            continue
        insort(taken, (start, end))
        news.setdefault((start, end), []).append(fix.new)
        made.add(fix)
    return _built(text, taken, news), made


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start:end overlaps a span taken (`s < end and start < e`). Taken spans never
    overlap one another, so sorted by their starts their ends are in order too: the one to
    check is the last that starts before `end`."""
    before = bisect_left(taken, (end,))
    return before > 0 and taken[before - 1][1] > start


def _built(text: str, taken: list[tuple[int, int]], news: dict[tuple[int, int], list[str]]) -> str:
    """The text with each span taken replaced by its new text (insertions at one place: in
    the order of their texts, as right-to-left replacing put them), built once from its pieces."""
    pieces, at = [], 0
    for span in dict.fromkeys(taken):
        pieces += [text[at : span[0]], *sorted(news[span])]
        at = span[1]
    return "".join([*pieces, text[at:]])


def _git_lines(data: bytes) -> list[bytes]:
    """Lines as git counts them: ended by \\n only (a CR-only file is one line to git)."""
    return re.findall(rb"[^\n]*\n|[^\n]+$", data)


def _diff_name(name: str) -> str:
    """The path git apply expects: relative to the current folder when the file is under it."""
    relative = os.path.relpath(os.path.abspath(name))
    shown = relative if not relative.startswith("..") else name.lstrip("/")
    return shown.replace(os.sep, "/")


def _through_link(name: str) -> bool:
    """Whether the path git would patch passes through a link to a folder (`ext/o.sh` with `ext
    -> ../outside`, named on the command line): git refuses the whole patch ("beyond a symbolic
    link", break21b L9), so the file is left to a person, as a link to a file is."""
    relative = os.path.relpath(os.path.abspath(name))
    parts = () if relative.startswith("..") else Path(relative).parts[:-1]
    if os.path.islink(name):  # (a link to a file outside the folders scanned, read by its name)
        return True
    return any(os.path.islink(os.path.join(*parts[: k + 1])) for k in range(len(parts)))


def _terminated(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Diff lines, each ending in a newline; a last line without one gets git's marker."""
    for line in lines:
        if line.endswith(b"\n"):
            yield line
        else:
            yield line + b"\n\\ No newline at end of file\n"


# A line of a Go composite literal that gofmt aligns: a key (quoted, or a struct's field name),
# its colon, the spaces gofmt pads with, and a value that ends on the line (`"size":   "16:9",`).
GO_KEY_LINE = rx.compile(
    r'^(?P<i>\t+)(?P<k>"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[A-Za-z_]\w*):(?P<p> +)(?P<v>\S.*,\r?)$'
)
GOFMT_SMALL = 40  # (gofmt aligns keys up to this size whatever their ratio: printer's smallSize)


def gofmt_aligned(text: str, changed: set[int]) -> str:
    """A Go file's text with each run of consecutive one-line entries of a literal that holds a
    changed line padded as gofmt pads them: each value one space after the longest key's colon
    (a renamed key kept the old padding: `gofmt -l` would list the patched file). A run with a
    key longer than gofmt's small size is left as it is (gofmt's own rule weighs their ratio)."""
    lines = text.split("\n")
    for line in sorted(changed):
        first = last = line
        if line >= len(lines) or (m := GO_KEY_LINE.match(lines[line])) is None:
            continue
        indent = m["i"]
        while first > 0 and _entry_of(lines[first - 1], indent):
            first -= 1
        while last + 1 < len(lines) and _entry_of(lines[last + 1], indent):
            last += 1
        entries = [GO_KEY_LINE.match(lines[k]) for k in range(first, last + 1)]
        keys = [e["k"] for e in entries if e is not None]
        if max(len(k) for k in keys) > GOFMT_SMALL:
            continue
        width = max(len(k) for k in keys)
        for k, e in zip(range(first, last + 1), entries, strict=True):
            if e is not None:
                lines[k] = f"{indent}{e['k']}:{' ' * (width - len(e['k']) + 1)}{e['v']}"
    return "\n".join(lines)


def _entry_of(line: str, indent: str) -> bool:
    m = GO_KEY_LINE.match(line)
    return m is not None and m["i"] == indent

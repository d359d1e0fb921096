"""GitHub Actions workflows as the shell they run: each `run:` block read as a shell script that
starts with the `env:` its workflow, job and step set (`AKOOL_API: https://...` then `curl
"$AKOOL_API/..."`), `${{ env.X }}` read as `${X}`; the rest of the file is read as before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from akool_cli.audit import source
from akool_cli.audit.embedded import Code, Piece, rewrite

WORKFLOW_SUFFIXES = (".yml", ".yaml")
JOBS = re.compile(r"^jobs:\s*(?:#.*)?$", re.M)
KEY_LINE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[\w-]+):[ \t]*(?P<rest>.*)$")
BLOCK = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
ENTRY = re.compile(r"^[ \t]*(?P<key>[A-Za-z_]\w*):[ \t]*(?P<value>.*?)[ \t]*$")
EXPRESSION = re.compile(r"\$\{\{\s*(?P<e>[^{}]*?)\s*\}\}")
NAMED = re.compile(r"(?:env|secrets|vars|inputs|matrix)\.(?P<n>[A-Za-z_]\w*)$")


@dataclass(frozen=True)
class Env:
    name: str
    value: str
    piece: Piece  # where the value is written
    first: int  # the lines the env applies to: first to last (the mapping that holds it)
    last: int


def is_workflow(name: str, text: str) -> bool:
    return name.lower().endswith(WORKFLOW_SUFFIXES) and JOBS.search(text) is not None


def read(text: str, suffix: str) -> list[Code]:
    """The run blocks as shell, each with the env that applies to it, and the rest of the file
    (run blocks blanked) as it is read without them."""
    lines = source.LINE_BREAK.split(text)
    envs = list(_envs(lines))
    rest = list(lines)
    codes = []
    for line, first, last, column in _runs(lines):
        code = Code(".sh", [], [])
        for env in envs:
            if env.first <= line <= env.last:
                _assignment(code, env)
        for n in range(first, last + 1):
            start = column if n == first else _indent_of_block(lines, first, last)
            _shell_line(code, n, lines[n], start)
            rest[n] = lines[n][:start]
        codes.append(code)
    codes.append(Code(suffix, rest, [(Piece(0, n, 0, len(t)),) for n, t in enumerate(rest)]))
    return codes


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _indent_of_block(lines: list[str], first: int, last: int) -> int:
    return min((_indent(lines[n]) for n in range(first, last + 1) if lines[n].strip()), default=0)


def _block_end(lines: list[str], start: int, key: int) -> int:
    """The last line of the block that the key at column `key` on line `start` opens."""
    last = start
    for n in range(start + 1, len(lines)):
        stripped = lines[n].strip()
        if stripped and _indent(lines[n]) <= key:
            break
        if stripped:
            last = n
    return last


def _runs(lines: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """Each run block: (its key's line, its script's first line and last line, the column its
    first line starts at)."""
    for n, text in enumerate(lines):
        m = KEY_LINE.match(text)
        if m is None or m.group("key") != "run" or not m.group("rest").strip():
            continue
        rest = m.group("rest")
        if BLOCK.match(rest):
            last = _block_end(lines, n, len(m.group("lead")))
            if last > n:
                yield n, n + 1, last, _indent_of_block(lines, n + 1, last)
        elif rest[:1] not in "\"'":  # a plain one-line script
            yield n, n, n, m.start("rest")


def _envs(lines: list[str]) -> Iterator[Env]:
    """The entries of every `env:` mapping, each with the lines it applies to."""
    for n, text in enumerate(lines):
        m = KEY_LINE.match(text)
        if m is None or m.group("key") != "env" or m.group("rest").strip()[:1] not in ("", "#"):
            continue
        key = len(m.group("lead"))
        first = next((k for k in range(n - 1, -1, -1) if _owner(lines[k], key)), 0)
        last = next(
            (k - 1 for k in range(n + 1, len(lines)) if _owner(lines[k], key)), len(lines) - 1
        )
        for k in range(n + 1, _block_end(lines, n, key) + 1):
            yield from _entry(lines[k], k, first if key else 0, last if key else len(lines) - 1)


def _owner(text: str, key: int) -> bool:
    """A line less indented than the keys of the mapping at column `key`: its end or start."""
    return bool(text.strip()) and not text.lstrip().startswith("#") and _indent(text) < key


def _entry(text: str, line: int, first: int, last: int) -> Iterator[Env]:
    m = ENTRY.match(text)
    if m is None:
        return
    value, column = m.group("value"), m.start("value")
    if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0]:
        value, column = value[1:-1], column + 1
    elif " #" in value:
        value = value[: value.index(" #")].rstrip()
    if value and '"' not in value and "\\" not in value:
        yield Env(m.group("key"), value, Piece(0, line, column, len(value)), first, last)


def _assignment(code: Code, env: Env) -> None:
    """`NAME="value"`, the value where the file writes it."""
    head = f'{env.name}="'
    text, pieces = _expressions(env.value, env.piece.line, env.piece.column)
    code.add(head + text + '"', *(replace(p, at=p.at + len(head)) for p in pieces))


def _shell_line(code: Code, line: int, text: str, start: int) -> None:
    shown, pieces = _expressions(text[start:], line, start)
    code.add(shown, *pieces)


def _expressions(text: str, line: int, column: int) -> tuple[str, tuple[Piece, ...]]:
    """The text with each `${{ ... }}` as the shell variable it stands for (`${{ env.X }}`,
    `${{ secrets.X }}`: `${X}`; anything else `${GITHUB_EXPRESSION}`), and the pieces copied."""

    def variable(m: re.Match[str]) -> str:
        named = NAMED.match(m.group("e"))
        return "${" + (named.group("n") if named else "GITHUB_EXPRESSION") + "}"

    return rewrite(text, line, column, EXPRESSION, variable)

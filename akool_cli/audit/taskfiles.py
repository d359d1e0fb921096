"""go-task's Taskfiles read as the shell their tasks run: each `vars:`/`env:` entry (`AKOOL:
https://...`, quoted or not; a `sh:` one left out) as `NAME="value"`, each command of a `cmds:`
list (`- curl ...`, `- cmd: curl ...`) as a line of shell, and go-template's `{{.NAME}}` as
`${NAME}` (as a Makefile's `$(NAME)` is read: makefiles.py); findings map back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import TASKFILE_NAMES

# A block whose entries bind names (`vars:`, `env:`), or a list of commands (`cmds:`).
BLOCK = rx.compile(r"^(?P<i>[ \t]*)(?P<k>vars|env|cmds):[ \t]*$")


def is_taskfile(name: str) -> bool:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower() in TASKFILE_NAMES


# A go-task file under another name (`Taskfile_wrong.yml`, `tasks.yaml`): a YAML file whose top
# level says `version: '3'` and holds `tasks:`, and whose tasks run `cmds:` (a compose file's
# `version` sits beside `services:`; an Ansible play has no top-level `version`).
GO_TASK = (
    rx.compile(r"^version:[ \t]*(?P<q>[\"']?)3(?:\.\d+)*(?P=q)[ \t]*(?:#.*)?$", re.M),
    rx.compile(r"^tasks:[ \t]*$", re.M),
    rx.compile(r"^[ \t]+cmds:[ \t]*$", re.M),
)


def takes(name: str, text: str) -> bool:
    """Whether a file is a Taskfile: by its name, or a YAML file by what it holds (GO_TASK)."""
    if is_taskfile(name):
        return True
    return name.lower().endswith((".yml", ".yaml")) and all(p.search(text) for p in GO_TASK)


# One entry of a vars/env block: `  AKOOL: https://...`, `  AKOOL: "https://..."`.
ENTRY = rx.compile(
    r"^[ \t]+(?P<n>[A-Za-z_]\w*):[ \t]+(?P<q>[\"']?)(?P<v>[^\"'#\n{}]*?)(?P=q)[ \t]*(?:#.*)?$"
)
# One command: `  - curl ...`, `  - cmd: curl ...` (a `- task: other` calls a task: no shell).
COMMAND = rx.compile(r"^[ \t]*-[ \t]+(?:cmd:[ \t]+)?(?!task:)(?P<c>\S.*?)[ \t]*$")


def read(text: str) -> list[Code]:
    """The file as a shell script: its vars and its commands; other lines blank."""
    code = Code(".sh", [], [])
    block, indent = "", -1
    for n, line in enumerate(source.split_lines(text)):
        opened = BLOCK.match(line)
        depth = len(line) - len(line.lstrip())
        if opened is not None:
            block, indent = opened.group("k"), len(opened.group("i"))
            code.add("")
            continue
        if line.strip() and depth <= indent:
            block, indent = "", -1
        entry = ENTRY.match(line) if block in ("vars", "env") else None
        command = COMMAND.match(line) if block == "cmds" else None
        if entry is not None and entry.group("v"):
            head = f'{entry.group("n")}="'
            shown, pieces = rewrite(entry.group("v"), n, entry.start("v"), REFERENCE, _shell)
            code.add(head + shown + '"', *(_moved(p, len(head)) for p in pieces))
        elif command is not None:
            shown, pieces = rewrite(command.group("c"), n, command.start("c"), REFERENCE, _shell)
            code.add(shown, *pieces)
        else:
            code.add("")
    return [code]


# go-template's reference to a var: `{{.AKOOL}}`, `{{ .AKOOL }}`.
REFERENCE = rx.compile(r"\{\{\s*\.(?P<n>[A-Za-z_]\w*)\s*\}\}")


def _shell(m: re.Match[str]) -> str:
    return "${" + m.group("n") + "}"


def _moved(piece: Piece, by: int) -> Piece:
    return Piece(piece.at + by, piece.line, piece.column, piece.length)

"""Garbage in every option of every command (read from the app, as `--help` lists them): each
failure is one clear line on stderr with a documented exit code, never a traceback or an
"unexpected" error, and --json still gives one JSON document."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import typer

from akool_cli.cli import app
from akool_cli.core.errors import ExitCode
from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT as REPO
from tests.conftest import Isolation
from tests.support.runner import invoke

ROOT = typer.main.get_command(app)
# Commands that serve until stopped, or read a secret from stdin: their checks are tested apart.
SERVING = {"sandbox", "mcp", "webhook serve", "login", "webhook verify"}
GARBAGE = [
    "",
    " ",
    "1s",
    "-1",
    "nan",
    "it's",
    "https://[::1",
    "x" * 5000,
    str(REPO / "pyproject.toml" / "sub"),  # inside a file
    "💥",
]


def _commands(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, object]]:
    subs = getattr(command, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), command


def _options(command: object) -> Iterator[str]:
    for param in getattr(command, "params", []):
        takes_value = not getattr(param, "is_flag", False) and param.opts[0] != "--help"
        if param.param_type_name == "option" and takes_value:
            yield max(param.opts, key=len)


def _arguments(command: object) -> list[str]:
    """A plausible value for each required argument (a job id, a URL), so the options decide."""
    values = []
    for param in getattr(command, "params", []):
        if param.param_type_name == "argument" and param.required:
            values.append("64dd90f9f0b6684651e90d60" if "id" in param.name else "https://e.x/a.mp4")
    return values


CASES = [
    (name, option)
    for name, command in _commands(ROOT)
    if name not in SERVING
    for option in _options(command)
]


def _check(argv: list[str]) -> None:
    shown = [a if len(a) < 40 else f"{a[:10]}...({len(a)})" for a in argv]
    result = invoke(argv, expect=None)
    assert result.exit_code in {int(code) for code in ExitCode}, (shown, result)
    assert "unexpected" not in result.stderr, (shown, result.stderr[:300])
    if result.exit_code != 0:
        assert result.stderr.count("Error:") >= 1, (shown, result.stderr[:300])
    if "--json" in argv and result.stdout.strip():
        json.loads(result.stdout)  # exactly one document


@pytest.mark.parametrize(("name", "option"), CASES, ids=[f"{n}:{o}" for n, o in CASES])
def test_garbage_in_an_option_is_one_clear_error(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, name: str, option: str
) -> None:
    monkeypatch.chdir(isolated.tmp)  # a garbage -o value is a file name there
    command = dict(_commands(ROOT))[name]
    args = [*name.split(), *_arguments(command)]
    json_out = ["--json"] if any("--json" in p.opts for p in command.params) else []  # type: ignore[attr-defined]
    for value in GARBAGE:
        _check([*args, option, value, *json_out])

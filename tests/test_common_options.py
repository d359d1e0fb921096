"""The product commands' common options are declared once (options.common_options): every command
that offers one shows the one declaration, in the one order, and gets the values as a Common."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from akool_cli.cli import app, options
from akool_cli.cli.options import COMMON_OPTIONS, Common, common_options

ROOT = typer.main.get_command(app)
SHARED = {key for key, _, _ in COMMON_OPTIONS if key != "output"}  # -o's help is each command's


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    yield " ".join(path), command
    for name, sub in (getattr(command, "commands", None) or {}).items():
        yield from _commands(sub, (*path, name))


# Every command offering --webhook-url or --url-ttl is a product command (talk and batch aside:
# their options interleave with their own, in an order their --help has always had).
PRODUCTS = [
    (name, command)
    for name, command in _commands(ROOT)
    if name not in {"talk", "batch"}
    and {"webhook_url", "url_ttl"} & {p.name for p in getattr(command, "params", [])}
]


def test_the_product_commands_are_found() -> None:
    names = {name for name, _ in PRODUCTS}
    assert {"lipsync", "faceswap", "image", "voice clone", "avatars add", "moderate"} <= names
    assert len(names) >= 15


@pytest.mark.parametrize(("name", "command"), PRODUCTS, ids=[n for n, _ in PRODUCTS])
def test_common_options_come_from_one_declaration(name: str, command: Any) -> None:
    declared = {key: (kind, info) for key, kind, info in COMMON_OPTIONS}
    own = [p for p in command.params if p.name in declared]
    # The shared options close the command's options, in COMMON_OPTIONS's order.
    order = [key for key, _, _ in COMMON_OPTIONS]
    assert [p.name for p in own] == sorted((p.name for p in own), key=order.index), name
    assert [p.name for p in command.params[-len(own) :]] == [p.name for p in own], name
    for param in own:
        if param.name in SHARED:
            info = declared[param.name][1]
            assert param.help == info.help and param.opts[-1] == info.param_decls[-1], param.name
    # ...taken by the command as one Common, built by keyword.
    assert "common" in inspect.unwrap(command.callback).__annotations__, name


def test_a_decorated_command_gets_its_arguments_and_one_common() -> None:
    seen: list[tuple[str, int, Common]] = []
    toy = typer.Typer()

    @toy.command()
    @common_options(options.output_option(), without=options.UPLOADS)
    def make(
        video: str = typer.Argument(...),
        count: int = typer.Option(1, "--count"),
        *,
        common: Common,
    ) -> None:
        seen.append((video, count, common))

    @toy.command()
    def other() -> None: ...

    argv = ["make", "clip.mp4", "--count", "2", "--wait", "-o", "out/", "--name", "x", "--json"]
    result = CliRunner().invoke(toy, argv)
    assert result.exit_code == 0, result.output
    assert seen == [
        ("clip.mp4", 2, Common(wait=True, output="out/", name="x", json_out=True, no_check=True))
    ]
    assert "--upload-to" not in CliRunner().invoke(toy, ["make", "--help"]).output


def test_output_is_declared_or_named_absent() -> None:
    with pytest.raises(TypeError):
        common_options()
    with pytest.raises(TypeError):
        common_options(options.output_option(), without=("output",))

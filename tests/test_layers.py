"""The import-linter contracts in pyproject.toml cover every module and every dependency."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before it joined the standard library
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "akool_cli"
# Not the library: the command line, its presentation module, and the sandbox (a server of its own).
OUTSIDE_THE_LIBRARY = ("akool_cli.cli", "akool_cli.output", "akool_cli.sandbox", "akool_cli.entry")


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _modules() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _library_modules() -> set[str]:
    return {
        m
        for m in _modules()
        if m != "akool_cli.__main__"
        and not any(m == o or m.startswith(o + ".") for o in OUTSIDE_THE_LIBRARY)
    }


def test_every_library_module_is_held_by_the_layer_contracts() -> None:
    library = _library_modules()
    assert "akool_cli.api" in library and "akool_cli.cli.talk_cmd" not in library
    for name, contract in _contracts().items():
        if contract["type"] == "forbidden" and "akool_cli.api" in contract["source_modules"]:
            listed = set(contract["source_modules"])
            assert library <= listed, f"{name}: add {sorted(library - listed)}"
            assert listed <= _modules(), f"{name}: no such module {sorted(listed - _modules())}"


def test_every_dependency_has_one_owner_module() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dependencies = {
        re.split(r"[<>=!~ \[]", d, maxsplit=1)[0] for d in config["project"]["dependencies"]
    }
    owned = {
        contract["protected_modules"][0]
        for contract in _contracts().values()
        if contract["type"] == "protected"
        and not contract["protected_modules"][0].startswith("akool")
    }
    assert dependencies == owned

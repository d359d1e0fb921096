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


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _top_level() -> set[str]:
    """The package's direct children: modules and subpackages."""
    names = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    names |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    return names


def _layers() -> list[set[str]]:
    (layers,) = [c for c in _contracts().values() if c["type"] == "layers"]
    return [{name.strip() for name in layer.split("|")} for layer in layers["layers"]]


def test_every_module_and_package_is_in_a_layer() -> None:
    listed = set().union(*_layers())
    assert _top_level() == listed, f"add to the layers contract: {sorted(_top_level() - listed)}"


def test_the_top_level_stays_small() -> None:
    modules = [p.stem for p in PACKAGE.glob("*.py")]
    assert len(modules) <= 12, f"move some of these into a subpackage: {sorted(modules)}"


def test_the_library_layers_are_the_ones_kept_free_of_typer_and_rich() -> None:
    layers = _layers()
    below_the_cli = set().union(*layers[layers.index({"cli"}) + 1 :]) - {"sandbox"}
    (free,) = [c for c in _contracts().values() if c.get("forbidden_modules") == ["typer", "rich"]]
    assert {m.removeprefix("akool_cli.") for m in free["source_modules"]} == below_the_cli


def test_every_dependency_has_one_owner_module() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # The runtime dependencies and the extras users install (s3, mcp); dev is tools only.
    extras = config["project"]["optional-dependencies"]
    required = [*config["project"]["dependencies"]]
    required += [d for name, deps in extras.items() if name != "dev" for d in deps]
    dependencies = {re.split(r"[<>=!~ \[]", d, maxsplit=1)[0] for d in required}
    owned = {
        contract["protected_modules"][0]
        for contract in _contracts().values()
        if contract["type"] == "protected"
        and not contract["protected_modules"][0].startswith("akool")
    }
    assert dependencies == owned


def test_the_command_line_reaches_below_the_library_only_through_it() -> None:
    """The CLI imports akool_cli.client and core/ (and the audit tool), never what the library is
    made of: every layer below the library is forbidden to it, a new one included."""
    layers = _layers()
    library = next(layer for layer in layers if "client" in layer)
    below = set().union(*layers[layers.index(library) + 1 :]) - {"core", "audit"}
    (surface,) = [c for c in _contracts().values() if c.get("source_modules") == ["akool_cli.cli"]]
    assert {m.removeprefix("akool_cli.") for m in surface["forbidden_modules"]} == below
    assert surface.get("allow_indirect_imports") is True  # through the library it reaches them


def test_the_mcp_server_reaches_below_the_library_only_through_it() -> None:
    """`akool mcp`'s tools are a front end like the CLI: akool_cli.client and core/ only (every
    layer below the library is forbidden, a new one included), and no reaching into the
    Client's internals by attribute either (its journal, its API client, private names)."""
    layers = _layers()
    library = next(layer for layer in layers if "client" in layer)
    below = set().union(*layers[layers.index(library) + 1 :]) - {"core"}
    (surface,) = [
        c for c in _contracts().values() if c.get("source_modules") == ["akool_cli.mcpserver"]
    ]
    assert {m.removeprefix("akool_cli.") for m in surface["forbidden_modules"]} == below | {
        "sandbox"
    }
    assert surface.get("allow_indirect_imports") is True
    for module in sorted((PACKAGE / "mcpserver").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        found = re.findall(r"(\w+)\.(journal|api|api_of|api_for|_[a-z]\w*)\b", source)
        reached = [f"{owner}.{name}" for owner, name in found if owner not in ("self", "os")]
        assert reached == [], f"{module.name} reaches into the library: {reached}"

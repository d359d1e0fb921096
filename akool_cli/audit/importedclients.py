"""Clients a file of the folder makes from a base another file gives it (`const config =
require("./config"); module.exports = axios.create({ baseURL: config.akool.base })`): the folder's
first reading of each file knows only its own bases, so a file that makes a client and imports
a base is read again with the bases it imports, and the client it exports is shared as one made
from a literal base would be."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit import modules, sharedclients, sites, source
from akool_cli.audit.scopes import Scopes
from akool_cli.audit.sites import Base

# Words a file that makes a client from an imported base holds.
MAKES_CLIENT = ("create(", "new ")


def wants_second_reading(path: Path, text: str, defaults: dict[Path, Base]) -> bool:
    """Whether a JavaScript file may make a client from a base it imports (and none is known)."""
    return (
        path not in defaults
        and modules.family(path) == "js"
        and any(w in text for w in MAKES_CLIENT)
        and ("require(" in text or "import " in text)
    )


def clients_from_imports(
    path: Path, shown: str, text: str, imported: dict[str, Base]
) -> tuple[Base | None, dict[str, Base]]:
    """The client the file exports as its default (None: none) and those it exports by name,
    read with the bases it imports."""
    lines = source.split_lines(text)
    scopes = Scopes(lines, arrows=True)
    bases = sites.Bases()
    bases.lines, bases.scopes = lines, scopes
    bases.take_imported(imported)
    sites.definitions(shown, lines, bases)
    sites.find_clients(lines, bases)
    if not bases.clients and not bases.named_clients:
        return None, {}
    default = sharedclients.default_client(lines, bases) if bases.clients else None
    return default, sharedclients.exported(bases, scopes)

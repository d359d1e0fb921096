"""Helpers a class inherits from a parent class another file of the scanned folder defines (`from .base import BaseClient`, then `class AkoolClient(BaseClient): base_url = "https://openapi.akool.com/api/open/v3"`): the parent's methods that join the attribute the subclass sets (`self.session.post(self.base_url + path, json=body)`) are wrappers of that base in the subclass's file, as they are when both classes are in one file."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit import modules, source, superbases, wrappers
from akool_cli.audit.scopes import Scopes
from akool_cli.audit.sites import Base, Bases

# The files whose classes another file may extend (modules.imported_names reads their imports).
FAMILIES = ("py", "js")
Parents = dict[str, list[tuple[Path, list[str]]]]  # class name: [(file, its lines)]


def folder_parents(texts: list[tuple[Path, str, str]]) -> Parents:
    """The classes of the folder's files (path, shown name, text) whose methods join a path to an
    attribute (`self.base_url + path`, `this.baseUrl + path`), by name, with their files' lines."""
    found: Parents = {}
    for path, _, text in texts:
        if "class" not in text or ("self." not in text and "this." not in text):
            continue
        if modules.family(path) not in FAMILIES:
            continue
        lines = source.split_lines(text)
        for name in superbases.classes(lines):
            found.setdefault(name, []).append((path, lines))
    return found


def imported_parents(path: Path, text: str, parents: Parents) -> dict[str, list[str]]:
    """The classes of other files that this file imports by name, with their files' lines (one
    file per name: the one the import names)."""
    if not parents or "class" not in text:
        return {}
    taken: dict[str, list[str]] = {}
    for name, owners in parents.items():
        if name not in text:
            continue
        for owner, lines in owners:
            if owner != path and name in modules.imported_names(text, path, owner):
                taken[name] = lines
                break
    return taken


def take(lines: list[str], bases: Bases, parents: dict[str, list[str]]) -> None:
    """The helpers of the imported parent classes that join an attribute every subclass of the
    file sets to the same AKOOL base, added to the file's own (its own definitions win)."""
    if not parents:
        return
    given: dict[str, list[dict[str, Base]]] = {}
    own = superbases.classes(lines)
    for head, parent in own.values():
        if parent in parents and parent not in own:
            given.setdefault(parent, []).append(_set_in(lines, bases, head, parents[parent]))
    for parent, sets in given.items():
        first = sets[0]
        if not first or any(s != first for s in sets):
            continue  # (a subclass that sets another base, or none the file shows)
        parent_lines = parents[parent]
        found = Bases()
        found.lines, found.scopes = parent_lines, Scopes(parent_lines)
        for attribute, base in first.items():
            found.bind(attribute, 0, base, attribute=True)
            found.names[attribute] = base
        wrappers.find_helpers(parent_lines, found)
        for name, helper in found.helpers.items():
            if helper is not None and found.owners.get(name) == parent:
                bases.helpers.setdefault(name, helper)


def _set_in(lines: list[str], bases: Bases, head: int, parent_lines: list[str]) -> dict[str, Base]:
    """The attributes a subclass (its head at line `head`) sets to AKOOL bases: its class
    attributes and `self.x = ...` (read by sites.definitions), and those its parent's
    constructor keeps from what its super call gives."""
    level = len(lines[head]) - len(lines[head].lstrip())
    end = next(
        (
            k
            for k in range(head + 1, len(lines))
            if lines[k].strip()
            and len(lines[k]) - len(lines[k].lstrip()) <= level
            and not lines[k].lstrip().startswith(("}", ")", "#", "//", "@"))
        ),
        len(lines),
    )
    found = {
        name: base
        for name, spots in bases.bindings.items()
        for at, base, _ in spots
        if head < at < end and base is not None
    }
    found.update(superbases.kept_from_super(lines, head, end, parent_lines, bases))
    return found

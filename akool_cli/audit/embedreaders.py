"""The readers of code held in another file's text, as a table scan reads in order (the first that
takes a file reads it): whether it takes the file, the code texts it reads there, and how a
finding and a fix in them map back to the file. Loaded only for a file whose name ends as one
of walking's (a script's audit loads none of the readers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from akool_cli.audit import (
    apiclients,
    batch,
    brunofiles,
    elixir,
    embedded,
    hoppscotch,
    lua,
    makeblueprints,
    makefiles,
    n8nflows,
    nodered,
    notebooks,
    restfiles,
    rpipes,
    sketches,
    specs,
    taskfiles,
    terraform,
    workflows,
)
from akool_cli.audit.rules import Fix
from akool_cli.audit.walking import HURL_SUFFIX


@dataclass(frozen=True)
class Reader:
    """One reader: `takes(name, text)` says it reads the file, `read(text, name)` gives its codes
    (each with `lines` and the `suffix` it is read under; None or none for a specs reader: the
    file is not one after all, and the next reader may take it)."""

    module: str  # (its name in walking.READS, for the guard that keeps the two in step)
    takes: Callable[[str, str], bool]
    read: Callable[[str, str], Sequence[Any] | None]
    map_back: Callable[[Any, int, int], tuple[int, int]] = embedded.map_back
    map_fix: Callable[[Any, Fix], Fix | None] = embedded.map_fix
    dropped: frozenset[str] = frozenset()  # rules that do not apply to such a file
    line_end: str = ""  # what ends each code's text (a notebook cell's last line)
    own_lines: bool = False  # its file's lines silence findings (scan._request_silenced)


def _named(test: Callable[[str], bool]) -> Callable[[str, str], bool]:
    return lambda name, _text: test(name)


def _of_text(
    read: Callable[[str], Sequence[Any] | None],
) -> Callable[[str, str], Sequence[Any] | None]:
    return lambda text, _name: read(text)


def _by_suffix(
    read: Callable[[str, str], Sequence[Any]],
) -> Callable[[str, str], Sequence[Any] | None]:
    return lambda text, name: read(text, PurePath(name).suffix)


READERS: tuple[Reader, ...] = (
    Reader(
        "notebooks",
        _named(notebooks.is_notebook),
        _of_text(notebooks.read),
        notebooks.map_back,
        notebooks.map_fix,
        line_end="\n",
    ),
    Reader("taskfiles", taskfiles.takes, _of_text(taskfiles.read)),  # (as shell)
    Reader("workflows", workflows.is_workflow, _by_suffix(workflows.read)),
    # (an Ansible playbook's uri tasks)
    Reader(
        "workflows", workflows.is_playbook, lambda text, _: workflows.read_playbook(text, ".yml")
    ),
    Reader("batch", _named(batch.is_batch), _of_text(batch.read)),
    # (Thunder Client's, Insomnia 5's requests)
    Reader("apiclients", apiclients.is_collection, _of_text(apiclients.read)),
    # (http data sources' calls, and the file as it is)
    Reader("terraform", terraform.is_terraform, _of_text(terraform.read)),
    Reader("makefiles", _named(makefiles.is_makefile), _of_text(makefiles.read)),  # (as shell)
    Reader("lua", _named(lua.is_lua), _of_text(lua.read)),  # (as the JavaScript it amounts to)
    Reader("elixir", _named(elixir.is_elixir), _of_text(elixir.read)),  # (as Ruby)
    Reader("rpipes", rpipes.is_pipeline_file, _of_text(rpipes.read)),  # (httr2 as httr)
    Reader("nodered", nodered.is_nodered, _of_text(nodered.read)),  # (function nodes' code)
    # (Make scenarios' HTTP modules)
    Reader("makeblueprints", makeblueprints.is_blueprint, _of_text(makeblueprints.read)),
    Reader("hoppscotch", hoppscotch.is_collection, _of_text(hoppscotch.read)),  # (<<name>>)
    Reader("n8nflows", n8nflows.is_n8n, _of_text(n8nflows.read)),  # (HTTP Request nodes)
    Reader(
        "restfiles",
        restfiles.is_request_file,
        lambda text, name: restfiles.read(text, name.lower().endswith(HURL_SUFFIX)),
        own_lines=True,
    ),
    Reader("brunofiles", _named(brunofiles.is_bruno), _of_text(brunofiles.read)),
    Reader(  # (no code in it: read as it is)
        "specs",
        specs.is_akool_spec,
        lambda text, name: specs.read(text, PurePath(name).suffix) or None,
        map_fix=specs.map_fix,
        dropped=specs.NOT_JUDGED,
    ),
    # (Markdown's `POST https://...` + `Body:` sketches)
    Reader("sketches", sketches.has_sketches, sketches.read),
)

"""Guards the session-16 merge added: scan's early skip of embedded readers (EMBEDDING_SUFFIXES) lets
through every file name a reader of _embedded takes, so a reader added later is not silently dead."""

from __future__ import annotations

import importlib

from akool_cli.audit import scan
from akool_cli.cli import audit_reports

# The modules scan._embedded hands a file to (each reads code held in another file's text).
EMBEDDED_READERS = (
    *("apiclients", "batch", "brunofiles", "elixir", "lua", "makefiles", "n8nflows", "notebooks"),
    *("restfiles", "rpipes", "sketches", "specs", "terraform", "workflows"),
)

# Tables of those modules that name what a reader writes, not the files it takes (a notebook's
# kernel language -> the suffix its cells are read as).
NOT_GATES = {("notebooks", "SUFFIXES")}


def test_every_embedded_readers_suffix_passes_scans_early_skip() -> None:
    checked = 0
    for module_name, table_name in audit_reports.READ_TABLES:
        if module_name not in EMBEDDED_READERS or (module_name, table_name) in NOT_GATES:
            continue
        table = getattr(importlib.import_module(f"akool_cli.audit.{module_name}"), table_name)
        for suffix in audit_reports.suffixes_in(table):
            checked += 1
            assert f"x{suffix}".lower().endswith(scan.EMBEDDING_SUFFIXES), (module_name, suffix)
    assert checked >= 10  # (the test reads the tables it means to)


def test_every_embedded_reader_is_imported_by_scans_embedded() -> None:
    import inspect

    body = inspect.getsource(scan._embedded)
    for name in EMBEDDED_READERS:
        assert f"{name}." in body, name


def test_a_lua_elixir_r_makefile_and_terraform_file_reach_their_readers() -> None:
    names = ("a.lua", "b.ex", "c.exs", "d.R", "Makefile", "e.mk", "f.tf")
    assert all(n.lower().endswith(scan.EMBEDDING_SUFFIXES) for n in names)

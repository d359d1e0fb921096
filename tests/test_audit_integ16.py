"""Guards the session-16 merge added: scan's early skip of embedded readers (EMBEDDING_SUFFIXES) lets
through every file name a reader of _embedded takes, so a reader added later is not silently dead."""

from __future__ import annotations

import importlib

import pytest

from akool_cli.audit import scan
from akool_cli.cli import audit_reports

# The modules scan._embedded hands a file to (each reads code held in another file's text).
EMBEDDED_READERS = (
    *("apiclients", "batch", "brunofiles", "elixir", "lua", "makefiles", "n8nflows", "notebooks"),
    *("restfiles", "rpipes", "sketches", "specs", "taskfiles", "terraform", "workflows"),
    *("nodered", "makeblueprints", "hoppscotch"),  # (session 32: glue platforms' exports)
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


def test_every_embedded_reader_is_read_by_scans_embedded() -> None:
    # (scan._embedded reads the readers' table, embedreaders.READERS: house29)
    from akool_cli.audit import embedreaders

    assert {reader.module for reader in embedreaders.READERS} == set(EMBEDDED_READERS)


def test_a_lua_elixir_r_makefile_and_terraform_file_reach_their_readers() -> None:
    names = ("a.lua", "b.ex", "c.exs", "d.R", "Makefile", "e.mk", "f.tf")
    assert all(n.lower().endswith(scan.EMBEDDING_SUFFIXES) for n in names)


def test_a_shell_script_of_many_jq_reads_and_no_tests_compiles_no_pattern_per_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bench's ordinary .sh script (5,000 `R<n>=$(curl ...); echo "$R<n>" | jq -r .data.video_status`)
    cost 1.7x main's CPU at the merge: three patterns compiled for each bound name, past re's cache."""
    import re as real_re
    import types

    from akool_cli.audit import statuses
    from akool_cli.audit.scan import audit_text

    compiled: list[str] = []

    def counting_compile(pattern: str, flags: int = 0) -> real_re.Pattern[str]:
        compiled.append(pattern)
        return real_re.compile(pattern, flags)

    proxy = types.SimpleNamespace(
        **{k: getattr(real_re, k) for k in dir(real_re) if not k.startswith("__")}
    )
    proxy.compile = counting_compile
    monkeypatch.setattr(statuses, "re", proxy)
    head = "API=https://openapi.akool.com/api/open/v3\n"
    line = (
        'R{n}=$(curl -s "$API/content/video/infobymodelid?video_model_id=$ID{n}" -H "x-api-key: $K");'
        ' echo "$R{n}" | jq -r .data.video_status\n'
    )
    for calls in (50, 200):
        compiled.clear()
        audit_text(head + "".join(line.format(n=n) for n in range(calls)), "poll.sh")
        per_name = [p for p in compiled if "R1" in p]
        assert per_name == [], per_name[:3]
    # and a real test of one of them is still judged (the pattern is compiled for that name)
    compiled.clear()
    tested = head + line.format(n=7) + 'if [ "$R7" = "completed" ]; then echo done; fi\n'
    findings = audit_text(tested, "poll.sh")
    assert any(f.rule == "status-value" for f in findings), [f.rule for f in findings]
    assert any("R7" in p for p in compiled)

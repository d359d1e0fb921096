"""Fixer recall26a: status values read through typed answers (a typed model's members, getters
given the key, v4 results and list items, filters and sets) judged like the same reads on a
parsed map, and the app's own records left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import answermodels
from akool_cli.audit.scan import audit
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "audit_corpus" / "recall26a"
BASE = "https://openapi.akool.com/api/open/v3"


def status_lines(*paths: Path) -> set[tuple[str, int]]:
    result = audit(list(paths))
    return {
        (Path(f.file).name, f.line)
        for f in result.findings
        if f.rule == "status-value" and f.severity != "info"
    }


def test_a_status_or_code_compared_on_a_typed_models_member_is_judged() -> None:
    typed = CORPUS / "typed"
    found = status_lines(*(typed / n for n in sorted(p.name for p in typed.iterdir())))
    assert found == {
        ("EnvelopeWrong.cs", 16),
        ("EnvelopeWrong.cs", 17),
        ("PollWrong.java", 35),
        ("PollWrong.java", 38),
        ("RenderWrong.kt", 23),
        ("TwoRecordsWrong.java", 21),
        ("LocalDataWrong.cs", 17),
        ("EqualsWrong.java", 38),
        ("headswap_wrong.go", 39),
        ("headswap_wrong.go", 42),
    }


def test_a_member_on_a_chain_not_bound_to_a_model_holding_the_field_is_not_read(
    tmp_path: Path,
) -> None:
    typed = CORPUS / "typed"
    for name in ("OkGood.java", "EntityGood.java", "EntityGood.cs", "headswap_good.go"):
        (tmp_path / name).write_text((typed / name).read_text())
    assert status_lines(tmp_path) == set()
    # (the app's own record with a `code`, beside the answer's envelope: only the envelope's)
    two = typed / "TwoRecordsWrong.java"
    assert status_lines(two) == {("TwoRecordsWrong.java", 21)}


def test_a_branch_reading_the_result_through_a_getter_given_the_key_says_completion() -> None:
    branches = CORPUS / "branches"
    assert status_lines(branches) == {
        ("OrgJsonWrong.java", 16),
        ("WhenWrong.kt", 16),
        ("SwitchWrong.cs", 20),
    }


def test_v4_statuses_of_results_and_list_items_are_judged() -> None:
    assert status_lines(CORPUS / "v4") == {
        ("v4_wrong.py", 9),
        ("v4_wrong.py", 17),
        ("v4_wrong.py", 23),
        ("v4_wrong.js", 8),
        ("v4_wrong.js", 15),
    }


def test_filters_comprehensions_sets_and_enums_sharing_member_names() -> None:
    assert status_lines(CORPUS / "filters") == {
        ("filters_wrong.py", 12),
        ("filters_wrong.py", 17),
        ("filters_wrong.ts", 10),
        ("filters_wrong.ts", 16),
    }


def test_an_apps_own_gorm_model_and_a_branch_returning_its_error_member_are_not_judged() -> None:
    assert status_lines(CORPUS / "gorm") == set()


def test_a_kotlin_map_given_type_arguments_is_read_as_a_body() -> None:
    found = audit([CORPUS / "kotlinmaps"]).findings
    assert sorted((Path(f.file).name, f.line, f.rule) for f in found) == [
        ("KtorTypedWrong.kt", 12, "misnamed-field"),
        ("KtorTypedWrong.kt", 20, "bad-value"),
    ]


def test_a_swift_codable_structs_member_under_its_coding_key_is_judged() -> None:
    assert status_lines(CORPUS / "swift") == {("PollWrong.swift", 21)}


class CountingRe:
    """The re module, counting the searches for a generic type's parameters."""

    def __init__(self) -> None:
        import re

        self.re, self.searches = re, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.re, name)

    def compile(self, pattern: str, *args: Any) -> Any:
        if "(?P<p>[\\w\\s,]+)" in pattern:
            self.searches += 1
        return self.re.compile(pattern, *args)


def test_a_models_type_parameters_are_looked_for_once_per_file_not_per_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = CountingRe()
    monkeypatch.setattr(answermodels, "re", counting)
    cached = getattr(answermodels, "_parameters_in", None)
    if cached is not None:
        cached.cache_clear()
    methods = "".join(
        f"    public String video{n}(String id) {{\n"
        f'        Env env = rest.getForObject("{BASE}/content/video/infobymodelid?video_model_id=" + id, Env.class);\n'
        "        return env.data().videoStatus() == 3 ? env.data().video() : null;\n    }\n"
        for n in range(30)
    )
    source = (
        "public class Many {\n"
        '    record Info(@JsonProperty("video_status") int videoStatus, String video) {}\n'
        "    record Env(int code, String msg, Info data) {}\n" + methods + "}\n"
    )
    (tmp_path / "Many.java").write_text(source)
    assert status_lines(tmp_path / "Many.java") == set()
    assert counting.searches <= 4  # (Env and Info, once each; 120 before)


def test_slices_conversions_and_string_functions_are_no_literal_values() -> None:
    found = audit([CORPUS / "values"]).findings
    assert sorted((Path(f.file).name, f.line, f.rule) for f in found) == [
        ("slices_wrong.py", 8, "bad-value"),
        ("slices_wrong.py", 13, "bad-value"),
    ]


def test_records_fetched_through_an_orm_are_the_apps_own() -> None:
    assert status_lines(CORPUS / "ownrecords") == {("orm_wrong.py", 15)}


def test_reads_through_casts_and_match_arms_are_judged() -> None:
    assert status_lines(CORPUS / "casts") == {
        ("poll_wrong.rs", 12),
        ("poll_wrong.dart", 10),
        ("poll_wrong.py", 9),
        ("match_wrong.php", 8),
        ("poll_wrong.ps1", 4),
    }


def test_a_names_table_is_the_one_in_scope_not_the_first_of_its_name() -> None:
    assert status_lines(CORPUS / "tables") == {("scope_wrong.py", 12)}

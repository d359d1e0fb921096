"""`akool audit` on session fifteen's late fix27a shapes (break21i): placeholders inside a path
segment, keys built by expressions, field-descriptor lists and cast bodies."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

CORPUS = Path(__file__).parent / "audit_corpus" / "fix27a"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


def test_a_hole_inside_a_segment_is_a_pattern_over_documented_paths() -> None:
    assert found("holes") == {
        ("holes.py", 12, "unknown-endpoint"),
        ("holes.py", 16, "unknown-endpoint"),
        ("format_path.py", 8, "unknown-endpoint"),
    }


def test_a_hole_no_documented_path_fits_is_never_patched() -> None:
    result = audit([CORPUS / "holes"], exclude=["expected.json"])
    assert [f.fix for f in result.findings] == [None, None, None]


def test_a_key_built_by_an_expression_is_no_literal_key() -> None:
    assert found("keys") == {("lip.py", 10, "misnamed-field")}


def test_descriptor_list_misnames_are_errors_without_a_patch() -> None:
    corpus = Path(__file__).parent / "audit_corpus" / "recall26b" / "schemas"
    result = audit([corpus], exclude=["expected.json"])
    misnamed = [f for f in result.findings if f.rule == "misnamed-field"]
    assert len(misnamed) == 2
    assert all(f.severity == "error" and f.fix is None for f in misnamed)

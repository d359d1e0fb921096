"""Issue 21, fixU21: answer reads a held-out run and a break-it run missed or misjudged: a cast
before the answer parsed (PHP's `json_decode((string) $res->getBody(), true)`), C#'s
`doc.RootElement` (the parsed answer itself, no field of it). The corpus scripts of these shapes
are in tests/audit_corpus/answers21u/."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

CORPUS = Path(__file__).parent / "audit_corpus" / "answers21u"


def found(name: str) -> list[tuple[int, str]]:
    result = audit([CORPUS / name])
    return sorted((f.line, f.rule) for f in result.findings if f.severity != "info")


def test_a_php_cast_before_the_parsed_answer_keeps_the_read_tied_to_its_call() -> None:
    assert found("guzzle_cast.php") == [(4, "response-field")]
    assert found("guzzle_cast_good.php") == []


def test_csharp_root_element_is_the_answer_not_one_of_its_fields() -> None:
    assert found("CreditGood.cs") == []
    assert found("CreditBad.cs") == [(11, "response-field")]


def test_go_answer_decoded_into_an_anonymous_struct_reads_its_tags() -> None:
    rules = [rule for _, rule in found("token_anon.go")]
    assert "response-field" in rules
    assert [r for _, r in found("token_anon_good.go") if r != "legacy-token-flow"] == []

"""`akool audit` on session seventeen's recall29a shapes: declarative and framework HTTP clients on
the JVM and .NET (Spring's HTTP interfaces, Feign, Refit, IHttpClientFactory, Ktor, URL and query
builders) and C#'s serializer defaults."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

CORPUS = Path(__file__).parent / "audit_corpus" / "recall29a"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


# -- query-kwargs-false-missing-query-field (the C# half) -------------------------------------------


def test_aspnet_add_query_string_gives_the_query() -> None:
    # QueryHelpers.AddQueryString(url, dict) / (url, "k", v): the voice lists send type (no
    # missing-query-field), a camelCased key is judged where it is written
    assert found("aspnet_query") == {
        ("Videos.cs", 15, "misnamed-field"),
        ("Videos.cs", 20, "unknown-field"),
    }

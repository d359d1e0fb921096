"""`akool audit` on session fifteen's recall26b shapes: RFC 3986 joins outside Python's urljoin
(break21h aiohttp-base-join), escaped JSON bodies (break21h escaped-json-dialects), schema
objects' field lists, factory-made clients and Markdown request sketches (heldout21n), split
bases (break21g base-split-joins) and Bruno's query blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit

CORPUS = Path(__file__).parent / "audit_corpus" / "recall26b"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


def test_rfc_3986_joins_outside_urljoin_are_resolved() -> None:
    got = found("joins")
    assert got == {
        ("aio.py", 9, "unknown-endpoint"),
        ("aio.py", 15, "unknown-endpoint"),
        ("kygot.js", 4, "unknown-endpoint"),
        ("kygot.js", 6, "unknown-endpoint"),
        ("JResolve.java", 8, "unknown-endpoint"),
        ("resolve.go", 10, "unknown-endpoint"),
        ("join.rb", 4, "unknown-endpoint"),
        ("join.rs", 4, "unknown-endpoint"),
        ("Credit.swift", 6, "unknown-endpoint"),
    }


def test_ky_leading_slash_says_the_library_throws() -> None:
    result = audit([CORPUS / "joins" / "kygot.js"])
    assert all("ky and got throw" in f.message for f in result.findings)
    assert all(f.fix is None for f in result.findings)


def test_json_escaped_without_backslashes_is_read() -> None:
    assert found("escapes") == {
        ("verbatim.cs", 11, "bad-value"),
        ("verbatim.cs", 18, "misnamed-field"),
        ("Multiline.cs", 9, "misnamed-field"),
        ("talk.ps1", 2, "bad-value"),
        ("talk.ps1", 4, "misnamed-field"),
        ("bad2.ps1", 2, "misnamed-field"),
        ("bad2.ps1", 4, "bad-value"),
    }


def test_fixes_keep_the_strings_own_escaping() -> None:
    result = audit([CORPUS / "escapes" / "talk.ps1", CORPUS / "escapes" / "bad2.ps1"])
    news = sorted(f.fix.new for f in result.findings if f.fix is not None)
    assert news == ['""1080""', '`"1080`"', "scale", "scale"]


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ('x = @"{""a"": 1}";', "csharp", 'x = @"{\\"a\\": 1}";'),
        ('x = "" + @"";', "csharp", 'x = "" + @"";'),  # (no verbatim string holds a quote)
        ('$b = "{`"a`": 1}"', "powershell", '$b = "{\\"a\\": 1}"'),
        ('$e = ""; $b = "{""a"": ""v""}"', "powershell", '$e = ""; $b = "{\\"a\\": \\"v\\"}"'),
        ('x = "{""a"": 1}"', "go", 'x = "{""a"": 1}"'),
    ],
)
def test_recoded_quotes_keep_offsets(text: str, language: str, want: str) -> None:
    from akool_cli.audit.quotings import recoded

    assert recoded(text, language) == want


def test_markdown_request_sketches_have_their_bodies_judged() -> None:
    assert found("sketches") == {
        ("design.md", 14, "bad-value"),
        ("design.md", 22, "misnamed-field"),
        ("research_zh.md", 14, "misnamed-field"),
        ("short.md", 7, "misnamed-field"),
    }


def test_field_descriptor_lists_of_request_objects_are_the_fields_sent() -> None:
    assert found("schemas") == {
        ("models.ts", 26, "unknown-field"),
        ("models.ts", 36, "misnamed-field"),
        ("registry.py", 10, "misnamed-field"),
    }
    result = audit([CORPUS / "schemas"])
    assert all(f.fix is None for f in result.findings)


def test_template_paths_whose_holes_call_a_function_are_read() -> None:
    assert found("holes") == {
        ("svc.ts", 6, "unknown-endpoint"),
        ("svc.ts", 7, "undocumented-path"),
        ("h.py", 7, "undocumented-path"),
        ("H.cs", 4, "undocumented-path"),
    }


def test_bruno_query_blocks_are_the_query() -> None:
    assert found("bruno") == {("status.bru", 14, "misnamed-field")}


def test_bases_split_in_nested_dicts_and_ruby_hashes_are_joined() -> None:
    assert found("splits") == {
        ("nested.py", 4, "undocumented-path"),
        ("build.rb", 4, "undocumented-path"),
    }


def test_own_routes_over_lines_are_no_calls() -> None:
    assert found("routes") == {
        ("split_call.py", 9, "undocumented-path"),
        ("split_call.py", 15, "undocumented-path"),
    }
    result = audit([CORPUS / "routes"], exclude=["expected.json", "split_call.py"])
    assert result.findings == []


def _continued_curls(n: int) -> str:
    line = (
        'curl -X POST "$BASE/content/video/createbytalkingphoto" '
        '-d \'{"resolution": "1080p"}\' \\\n'
    )
    return "BASE=https://openapi.akool.com/api/open/v3\n" + line * n + "echo done\n"


def test_continued_curl_lines_are_tokenised_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """break21i continued-curl-quadratic: each `curl` of a run of `\\`-continued curl lines
    re-read the whole run's words (200 lines 1.5 s, 800 lines 18.9 s)."""
    from akool_cli.audit import curlargs
    from akool_cli.audit.scan import audit_text

    calls = {"n": 0}
    real = curlargs._word

    def counted(text: str, i: int, found: list[curlargs.Word]) -> int:
        calls["n"] += 1
        return real(text, i, found)

    monkeypatch.setattr(curlargs, "_word", counted)
    counts = []
    for n in (100, 400):
        calls["n"] = 0
        audit_text(_continued_curls(n), "run.sh")
        counts.append(calls["n"])
    assert counts[1] < 5 * counts[0], counts


def test_swift_url_builders_keep_their_request() -> None:
    assert {(f, n) for f, n, _ in found("swift")} == {
        ("Builders.swift", 9),
        ("Builders.swift", 15),
        ("FaceSwap.swift", 13),
        ("FaceSwap.swift", 24),
        ("Lipsync.swift", 6),
    }


def test_clients_made_in_another_file_join_their_paths() -> None:
    assert found("sharedclients") == {
        ("video.ts", 3, "undocumented-path"),
        ("video.ts", 13, "bad-value"),
        ("jobs.py", 5, "undocumented-path"),
        ("jobs.py", 14, "bad-value"),
    }


def test_terraform_http_request_bodies_are_read() -> None:
    assert found("terraform") == {
        ("akool.tf", 10, "bad-value"),
        ("akool.tf", 16, "bad-value"),
        ("akool.tf", 21, "bad-value"),
    }

"""Tests for URL builders read as joins and hosts behind user info (urls22)."""

from __future__ import annotations

from akool_cli.audit.scan import audit_text

RIGHT = "content/video/infobymodelid?video_model_id=1"


def _rules(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in audit_text(text, name)]


def test_other_languages_url_builders_join_a_relative_path_to_akools_base() -> None:
    cases = {
        "C.java": 'static final URI BASE = URI.create("https://openapi.akool.com/api/open/v3/");\n'
        'var r = HttpRequest.newBuilder(BASE.resolve("PATH")).GET().build();\n',
        "g.cs": 'var baseUri = new Uri("https://openapi.akool.com/api/open/v3/");\n'
        'var r = await http.GetAsync(new Uri(baseUri, "PATH"));\n',
        "f.rb": 'BASE = URI("https://openapi.akool.com/api/open/v3/")\n'
        'uri = URI.join(BASE, "PATH")\n',
        "S.swift": 'let base = URL(string: "https://openapi.akool.com/api/open/v3")!\n'
        'var req = URLRequest(url: base.appendingPathComponent("PATH"))\n',
        "D.kt": 'val base = "https://openapi.akool.com/api/open/v3".toHttpUrl()\n'
        'val url = base.newBuilder().addPathSegments("PATH").build()\n',
        "e.py": 'import posixpath, requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'
        'requests.get(posixpath.join(BASE, "PATH"))\n',
    }
    for name, text in cases.items():
        line = text.count("\n")
        assert _rules(text.replace("PATH", "content/video/status"), name) == [
            (line, "unknown-endpoint")
        ], name
        assert _rules(text.replace("PATH", RIGHT), name) == [], name


def test_resolve_against_a_base_without_trailing_slash_drops_its_last_segment() -> None:
    text = (
        'static final URI BASE = URI.create("https://openapi.akool.com/api/open/v3");\n'
        'var r = HttpRequest.newBuilder(BASE.resolve("PATH")).GET().build();\n'
    )
    found = audit_text(text.replace("PATH", RIGHT), "C.java")
    assert [f.rule for f in found] != [] and "/api/open/content/video" in found[0].message


def test_resolve_of_something_else_is_no_url() -> None:
    text = 'const p = Promise.resolve("content/video/status");\nrequire.resolve("a/b");\n'
    assert audit_text(text, "a.js") == []


def test_segments_joined_by_a_slash_after_akools_base() -> None:
    py = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\nrequests.get(JOIN)\n'
    php = "<?php\n$base = 'https://openapi.akool.com/api/open/v3';\n$r = file_get_contents(JOIN);\n"
    cases = [
        (py, "e.py", '"/".join([BASE, "PATH"])'),
        (py, "e.py", '"/".join((BASE, "PATH"))'),
        (php, "h.php", "implode('/', [$base, 'PATH'])"),
    ]
    for text, name, join in cases:
        segments = '", "' if "implode" not in join else "', '"
        wrong = text.replace(
            "JOIN", join.replace("PATH", segments.join(["content", "video", "status"]))
        )
        assert _rules(wrong, name) == [(3, "unknown-endpoint")], join
        right = text.replace("JOIN", join.replace("PATH", "avatar/list"))
        assert _rules(right, name) == [], join
    local = 'import os\nOUT = os.getcwd()\nopen("/".join([OUT, "content", "video", "a.mp4"]))\n'
    assert audit_text(local, "e.py") == []


def test_a_url_with_user_info_shows_its_host_and_hides_the_password() -> None:
    text = 'import requests\nrequests.get("https://svc:s3cretPW@api.akool.com/api/open/v3/avatar/list?from=2")\n'
    found = audit_text(text, "u.py")
    assert [(f.line, f.rule) for f in found] == [(2, "wrong-host")]
    assert "s3cretPW" not in repr(found)
    assert audit_text(text.replace("api.akool", "openapi.akool"), "u.py") == []

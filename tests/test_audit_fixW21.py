"""Issue 21, fixW21: values that are no literal are not judged (a break-it run's H8, M11): a shell
expansion or a spliced name inside a JSON body written as a string (`\\"$RES\\"`, `\\"$(cat f)\\"`,
`"\\"" + res + "\\""`, `'"%s"' % res`) is the run-time value, and a README's placeholder
(`"<720|1080>"`, `"..."`, `"YOUR_RESOLUTION"`) stands for one; a wrong fallback is still found."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.test_audit_patches import run_diff

TP = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
SH_BODY = '-d "{\\"talking_photo_url\\":\\"a\\",\\"audio_url\\":\\"b\\",\\"resolution\\":\\"%s\\"}"'


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


def shell(value: str, head: str = "") -> str:
    return head + f"curl -s -X POST {TP} " + SH_BODY % value + "\n"


@pytest.mark.parametrize("value", ["$RES", "${RES}", "${3:-720}", "${X:-1080}", "$(cat r.txt)"])
def test_a_shell_expansion_in_an_escaped_json_body_is_no_literal(value: str) -> None:
    assert places(audit_text(shell(value, "RES=1080\n"), "a.sh")) == []


@pytest.mark.parametrize("value", ["${X:-720p}", "${3:-720p}", "720p"])
def test_a_wrong_fallback_or_literal_in_an_escaped_json_body_is_still_found(value: str) -> None:
    assert places(audit_text(shell(value), "a.sh")) == [(1, "bad-value")]


SPLICED = {
    "c.java": 'class C { void f(String res) {\n  String body = "{\\"talking_photo_url\\":\\"a\\",'
    '\\"audio_url\\":\\"b\\",\\"resolution\\":\\"" + res + "\\"}";\n  okhttp3.Request r = new '
    f'okhttp3.Request.Builder().url("{TP}").post(okhttp3.RequestBody.create(body, null)).build();\n}} }}\n',
    "d.py": f'import requests\nres = "1080"\nrequests.post("{TP}", data=\'{{"talking_photo_url":"a",'
    '"audio_url":"b","resolution":"%s"}\' % res)\n',
}


@pytest.mark.parametrize("name", list(SPLICED))
def test_a_name_spliced_into_a_json_string_is_no_empty_or_format_literal(name: str) -> None:
    assert places(audit_text(SPLICED[name], name)) == []


@pytest.mark.parametrize(
    "value", ["<720|1080>", "...", "YOUR_RESOLUTION", "<resolution>", "{{res}}"]
)
def test_a_readme_placeholder_is_no_value(value: str) -> None:
    text = (
        '# Use\n\n```python\nrequests.post(f"{BASE}/content/video/createbytalkingphoto", json={'
        f'"talking_photo_url": url, "audio_url": audio, "resolution": "{value}"}})\n```\n'
        f'\n```bash\ncurl -X POST {TP} -d \'{{"talking_photo_url": "a", "audio_url": "b", '
        f'"resolution": "{value}"}}\'\n```\n'
    )
    assert places(audit_text(text, "README.md")) == []


TYPED = {
    "T.java": f'class T {{ void f() {{\n  Map<String, Integer> body = Map.of("resolution", 1080);\n'
    f'  client.post("{TP}", body);\n}} }}\n',
    "t.ts": f"const body: Record<string, number> = {{ resolution: 1080 }};\n"
    f'fetch("{TP}", {{ method: "POST", body: JSON.stringify(body) }});\n',
    "A.cs": f'var d = new Dictionary<string, int> {{ ["resolution"] = 1080 }};\n'
    f'await http.PostAsJsonAsync("{TP}", d);\n',
}


@pytest.mark.parametrize("name", list(TYPED))
def test_a_number_in_a_number_typed_map_is_reported_without_a_quoting_patch(
    name: str, tmp_path: Path
) -> None:
    (tmp_path / name).write_text(TYPED[name], encoding="utf-8")
    out = run_diff(tmp_path).stdout.decode()
    assert '"1080"' not in out

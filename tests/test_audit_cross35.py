"""cross35's tests: what `akool audit` prints of a credential in a scanned script. A key written
as the literal of a name, key or header that says it holds one (`API_KEY = "..."`), whatever its
shape, was quoted in full in the text findings, --json and SARIF when the same value was also
sent in a wrong field (`resolution: API_KEY`): only `--diff` knew it by where it is written. And a
long opaque token as a URL path's segment was quoted in full: only a file's name is no key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.audit import credentials
from tests.support.runner import invoke

# AKOOL's own clientSecret has this shape (the docs' example, tcMhvgV0fY***WQ2eIoEY70rNi): 26
# characters, none of CREDENTIAL's known forms and shorter than its 32 of an opaque token.
SECRET = "tcMhvgV0fYabcWQ2eIoEY70rNi"
URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
FORMATS: tuple[list[str], ...] = ([], ["--json"], ["--format", "sarif"], ["--diff"])

# The key bound to a name that says so, then sent as `resolution` (a wrong value): per language.
SENT_AS_RESOLUTION = {
    "a.py": (
        f'import requests\nAPI_KEY = "{SECRET}"\n'
        f'requests.post("{URL}", json={{"talking_photo_url": "a", "audio_url": "b", '
        '"resolution": API_KEY})\n'
    ),
    "b.py": (
        f'import requests\nrequests.post("{URL}", json={{"talking_photo_url": "a", '
        f'"audio_url": "b", "resolution": "{SECRET}"}}, headers={{"x-api-key": "{SECRET}"}})\n'
    ),
    "c.py": (
        f'import requests\nSECRET = "{SECRET}"\n'
        f'requests.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info/{SECRET}")\n'
    ),
    "a.js": (
        f'const apiSecret = "{SECRET}";\nfetch("{URL}", {{method: "POST", body: JSON.stringify('
        '{talking_photo_url: "a", audio_url: "b", resolution: apiSecret})});\n'
    ),
    "a.go": (
        'package main\nimport ("bytes"; "net/http"; "encoding/json")\n'
        f'const apiToken = "{SECRET}"\nfunc main() {{\n'
        '\tb, _ := json.Marshal(map[string]string{"talking_photo_url": "a", "audio_url": "b", '
        '"resolution": apiToken})\n'
        f'\thttp.Post("{URL}", "application/json", bytes.NewReader(b))\n}}\n'
    ),
    "a.php": (
        f"<?php\n$apiKey = '{SECRET}';\n$ch = curl_init('{URL}');\n"
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['talking_photo_url' => 'a', "
        "'audio_url' => 'b', 'resolution' => $apiKey]));\n"
    ),
    "a.rb": (
        f"require 'net/http'\nAPI_KEY = '{SECRET}'\nNet::HTTP.post(URI('{URL}'), "
        "{ talking_photo_url: 'a', audio_url: 'b', resolution: API_KEY }.to_json)\n"
    ),
    "a.sh": (
        f'AKOOL_API_KEY="{SECRET}"\ncurl -X POST {URL} -H "x-api-key: k" '
        '-d "{\\"talking_photo_url\\":\\"a\\",\\"audio_url\\":\\"b\\",'
        '\\"resolution\\":\\"$AKOOL_API_KEY\\"}"\n'
    ),
}


@pytest.mark.parametrize("name", sorted(SENT_AS_RESOLUTION))
@pytest.mark.parametrize("options", FORMATS)
def test_a_keyed_secret_sent_in_a_wrong_field_is_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, options: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(SENT_AS_RESOLUTION[name], encoding="utf-8")
    run = invoke(["audit", *options, name], expect=8)
    assert SECRET not in run.stdout + run.stderr
    if not options:
        assert f"{SECRET[:4]}…" in run.stdout


def test_a_value_that_only_looks_like_the_name_of_a_key_is_still_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (a wrong value that is no key's literal anywhere in the file is said as it stands)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.py").write_text(
        f'import requests\nAPI_KEY = "{SECRET}"\nrequests.post("{URL}", json={{'
        '"talking_photo_url": "a", "audio_url": "b", "resolution": "4k"}, '
        'headers={"x-api-key": API_KEY})\n',
        encoding="utf-8",
    )
    run = invoke(["audit", "c.py"], expect=8)
    assert 'resolution "4k" is not one of' in run.stdout


# A long opaque token (32 or more characters mixing capitals, small letters and digits) written
# as a URL path's segment is a key pasted into the path; a file's name (`.png`) is none.
TOKEN = "Zq8mN3pX7vL2kR9tY4wB6cJ1hF5gD0sA"


@pytest.mark.parametrize(
    "text",
    [
        f"GET /api/open/v3/video/status/{TOKEN} is not in AKOOL's documentation",
        f"/api/open/v3/{TOKEN}/quota/info",
        f"https://openapi.akool.com/api/open/v3/video/status/{TOKEN}?x=1",
    ],
)
def test_a_long_token_as_a_path_segment_is_abridged(text: str) -> None:
    assert TOKEN not in credentials.abridged(text)
    assert f"/{TOKEN[:4]}…" in credentials.abridged(text)


@pytest.mark.parametrize(
    "text",
    [
        f"https://cdn.example.com/a/{TOKEN}.png",
        "https://cdn.example.com/1753000000000-b6e4a1c2d3e4f5a6b7c8d9e0f1a2b3c4eddb8.png",
        "/api/open/v3/content/video/createbytalkingphoto",
    ],
)
def test_a_file_name_in_a_url_is_no_key(text: str) -> None:
    assert credentials.abridged(text) == text


@pytest.mark.parametrize("options", FORMATS[:3])
def test_a_long_token_in_a_calls_path_is_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.sh").write_text(
        f'curl "https://openapi.akool.com/api/open/v3/video/status/{TOKEN}" -H "x-api-key: k"\n',
        encoding="utf-8",
    )
    run = invoke(["audit", *options, "s.sh"], expect=8)
    assert TOKEN not in run.stdout + run.stderr


def test_sarif_still_marks_the_whole_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (what is printed is cut short; where it is in the file is not: the region spans it all)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(SENT_AS_RESOLUTION["a.py"], encoding="utf-8")
    run = invoke(["audit", "--format", "sarif", "a.py"], expect=8)
    (result,) = json.loads(run.stdout)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] - region["startColumn"] == len(f'"{SECRET}"')
    assert result["properties"]["found"] == f'"{SECRET[:4]}…"'


# A key written unquoted where a configuration writes values so (a workflow's env, a
# Dockerfile's ENV, an .http file's variable, a command's option), on a line a patch would print.
WRONG_PATH = "https://openapi.akool.com/api/open/v3/content/video/createByTalkingPhoto"
CURL = f'curl -X POST {WRONG_PATH} -H "x-api-key: $AKOOL_API_KEY" -d \'{{"talking_photo_url":"a","audio_url":"b"}}\''
UNQUOTED = {
    "w.yml": (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n"
        f"          AKOOL_API_KEY: {SECRET}\n        run: {CURL}\n"
    ),
    "Dockerfile": f"FROM alpine\nENV AKOOL_API_KEY {SECRET}\nRUN {CURL}\n",
    "k.http": (
        f"@apiKey = {SECRET}\nPOST {WRONG_PATH}\nx-api-key: {{{{apiKey}}}}\n"
        'Content-Type: application/json\n\n{"talking_photo_url": "a", "audio_url": "b"}\n'
    ),
    "run.sh": f"#!/bin/sh\nmytool --api-key {SECRET}\n{CURL}\n",
}


@pytest.mark.parametrize("name", sorted(UNQUOTED))
def test_an_unquoted_key_is_left_out_of_the_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(UNQUOTED[name], encoding="utf-8")
    run = invoke(["audit", "--diff", name], expect=8)
    assert SECRET not in run.stdout + run.stderr
    assert f"{name}:" in run.stderr and "left out of the patch" in run.stderr


# Each line, and whether it writes a key unquoted: code's names and calls, values read from
# elsewhere and placeholders write none.
UNQUOTED_LINES = (
    (f"  AKOOL_API_KEY: {SECRET}", True),
    (f"ENV AKOOL_API_KEY {SECRET}", True),
    (f"@apiKey = {SECRET}", True),
    (f"mytool --api-key {SECRET} \\", True),
    (f"secret={SECRET}  # the team's", True),
    ("api_key = load_key(path)", False),
    ('api_key = os.environ["AKOOL_API_KEY"]', False),
    ("API_KEY=${AKOOL_API_KEY}", False),
    ("api_key: ${{ secrets.AKOOL_API_KEY }}", False),
    ("token = get_token()", False),
    ("AKOOL_API_KEY: your_api_key_here", False),
    ("secret: ${SECRET}", False),
    ("the token expires after a while", False),
)


def test_unquoted_keys_by_where_they_are_written() -> None:
    judged = [(line, credentials.holds(line)) for line, _ in UNQUOTED_LINES]
    assert judged == list(UNQUOTED_LINES)


# A header or variable written as a name and a value (Postman's `{"key": "x-api-key", "value":
# "..."}`, a HAR's `{"name": ..., "value": ...}`, Insomnia's YAML): the value is the key.
POSTMAN = (
    '{\n  "info": {"name": "akool", "schema": '
    '"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},\n'
    '  "item": [\n    {\n      "name": "talk",\n      "request": {\n'
    '        "method": "POST",\n        "header": [\n'
    f'          {{"key": "x-api-key", "value": "{SECRET}"}}\n        ],\n'
    f'        "url": {{"raw": "{WRONG_PATH}"}},\n'
    '        "body": {"mode": "raw", "raw": "{\\"talking_photo_url\\": \\"a\\", '
    '\\"audio_url\\": \\"b\\"}"}\n      }\n    }\n  ]\n}\n'
)
HAR = (
    '{"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "entries": [\n'
    f'{{"request": {{"method": "POST", "url": "{WRONG_PATH}",\n'
    f'"headers": [{{"name": "x-api-key", "value": "{SECRET}"}}],\n'
    '"postData": {"mimeType": "application/json", "text": "{\\"talking_photo_url\\": \\"a\\", '
    '\\"audio_url\\": \\"b\\"}"}}, "response": {"status": 200}}]}}\n'
)


@pytest.mark.parametrize(("name", "text"), [("c.postman_collection.json", POSTMAN), ("h.har", HAR)])
def test_a_named_headers_value_is_left_out_of_the_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = invoke(["audit", "--diff", name], expect=8)
    assert SECRET not in run.stdout + run.stderr
    assert "left out of the patch" in run.stderr


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (f'{{"key": "x-api-key", "value": "{SECRET}"}}', True),
        (f'{{"name": "Authorization",\n  "value": "Bearer {SECRET}"}}', True),
        (f'{{"key": "token", "value": "{SECRET}", "type": "string"}}', True),
        (f"- name: x-api-key\n  value: {SECRET}\n", True),
        ('{"key": "x-api-key", "value": "{{apiKey}}"}', False),
        ('{"name": "x-api-key", "value": "YOUR_API_KEY"}', False),
        ('{"key": "Content-Type", "value": "application/json"}', False),
        ('{"key": "tokenUrl", "value": "https://example.com/t0k3n"}', False),
    ],
)
def test_named_values_by_what_they_name(text: str, held: bool) -> None:
    assert credentials.holds(text) is held, text

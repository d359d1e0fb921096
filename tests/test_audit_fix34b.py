"""fix34b's tests: the break-it items of breakit34 on what the audit prints: `--diff` printed an
`x-api-key` value in full when it was an all-lowercase hex key (on the patched line and on a
hunk's context line), and a `--json` report saved with `2>&1` was audited as a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.audit import credentials
from tests.support.runner import invoke


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- diff-prints-api-key --------------------------------------------------------------------

HEX_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee"  # (no capital: no form CREDENTIAL knew)
SHORT_KEY = "a1b2c3d4e5f6"  # (no shape at all: a secret by where it is written)
BASE = 'BASE = "https://openapi.akool.com/api/open/v3"'
CALL = (
    'r = requests.post(f"{BASE}/content/video/createByTalkingPhoto", json={"talking_photo_url": '
    '"a", "audio_url": "b"}, headers=HEADERS)'
)


def _diff(here: Path, name: str, text: str) -> tuple[str, str]:
    (here / name).write_text(text, encoding="utf-8")
    run = invoke(["audit", "--diff", name], expect=8)
    return run.stdout, run.stderr


@pytest.mark.parametrize(
    ("headers", "line"),
    [
        (f'HEADERS = {{"x-api-key": "{HEX_KEY}"}}', 4),  # (a context line of the hunk)
        (f'HEADERS = {{"x-api-key": "{SHORT_KEY}"}}', 4),
        (f'AKOOL_API_KEY = "{SHORT_KEY}"\nHEADERS = {{"x-api-key": AKOOL_API_KEY}}', 5),
        (f'HEADERS = {{"Authorization": "Bearer {SHORT_KEY}"}}', 4),
        (f'client_secret: str = "{SHORT_KEY}"\nHEADERS = {{}}', 5),
        (f'access_token = "{SHORT_KEY}"\nHEADERS = {{}}', 5),
    ],
)
def test_a_hunk_printing_a_keyed_value_of_any_shape_is_left_out(
    here: Path, headers: str, line: int
) -> None:
    diff, stderr = _diff(here, "k.py", f"import requests\n{BASE}\n{headers}\n{CALL}\n")
    assert diff == ""
    assert f"k.py:{line}: left out of the patch, whose lines would print a credential" in stderr
    assert HEX_KEY not in stderr and SHORT_KEY not in stderr


def test_the_key_on_the_patched_line_itself_is_left_out(here: Path) -> None:
    call = CALL.replace("headers=HEADERS", f'headers={{"x-api-key": "{HEX_KEY}"}}')
    diff, stderr = _diff(here, "k.py", f"import requests\n{BASE}\n{call}\n")
    assert diff == "" and "k.py:3: left out of the patch" in stderr


def test_a_curl_header_in_a_string_is_left_out(here: Path) -> None:
    curl = (
        "curl -X POST https://openapi.akool.com/api/open/v3/content/video/createByTalkingPhoto "
        f'-H \'x-api-key: {SHORT_KEY}\' -d \'{{"talking_photo_url":"a","audio_url":"b"}}\'\n'
    )
    diff, stderr = _diff(here, "make.sh", curl)
    assert diff == "" and "make.sh:1: left out of the patch" in stderr


@pytest.mark.parametrize(
    "headers",
    [
        'HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}',
        'HEADERS = {"x-api-key": "YOUR_API_KEY"}',
        'HEADERS = {"Authorization": f"Bearer {os.environ[\'AKOOL_TOKEN\']}"}',
        'TOKEN_URL = "https://openapi.akool.com/api/open/v3/getToken"\nHEADERS = {}',
        'API_KEY_HEADER = "x-api-key"\nHEADERS = {}',
    ],
)
def test_a_key_read_from_elsewhere_or_a_placeholder_is_patched(here: Path, headers: str) -> None:
    diff, stderr = _diff(here, "k.py", f"import os, requests\n{BASE}\n{headers}\n{CALL}\n")
    assert '+r = requests.post(f"{BASE}/content/video/createbytalkingphoto"' in diff
    assert "left out of the patch" not in stderr


@pytest.mark.parametrize(
    "text",
    [
        f"x {HEX_KEY} y",  # (a long run of small letters and digits: a hex key)
        f'"x-api-key": "{SHORT_KEY}"',
        f"'X-Api-Key' => '{SHORT_KEY}',",
        f'req.Header.Set("x-api-key", "{SHORT_KEY}")',
        f'os.getenv("AKOOL_API_KEY", "{SHORT_KEY}")',
        f'const clientSecret = "{SHORT_KEY}";',
        f"apiToken := `{SHORT_KEY}`",
        f'val apiKey: String = "{SHORT_KEY}"',
        f"Authorization: Bearer {SHORT_KEY}",  # (an .http file's header line)
        f"x-api-key: {SHORT_KEY}",
    ],
)
def test_credentials_by_where_they_are_written(text: str) -> None:
    assert credentials.holds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "https://cdn.example.com/1753772478686-9524-b6e4169bb1b44d5d8361936b3f6eddb8.png",
        "a" * 40,
        "  Authorization: process.env.AKOOL_TOKEN,",  # (a script's object: code, not a header)
        'curl -H "x-api-key: $AKOOL_KEY"',
        '  -H "x-api-key: %AKOOL_API_KEY%" ^',
        'if f.rule not in ("legacy-token-flow", "wrong-method")',
        'http.Post("https://openapi.akool.com/api/open/v3/getToken", "application/json", b)',
        '"tokenizer": "cl100k_base", "max_tokens": "1000"',
        'x = {"Authorization": "Bearer " + token, "x-api-key": "sk-..."}',
    ],
)
def test_no_credential_where_none_is_written(text: str) -> None:
    assert not credentials.holds(text), text


def test_the_findings_never_quote_the_key_in_any_format(here: Path) -> None:
    """(a guard: the findings quote the call's path and fields, never its headers' values)"""
    headers = f'HEADERS = {{"x-api-key": "{HEX_KEY}", "Authorization": "Bearer {SHORT_KEY}"}}'
    body = CALL.replace('"audio_url": "b"', f'"audio_url": "b", "token": "{SHORT_KEY}"')
    (here / "k.py").write_text(f"import requests\n{BASE}\n{headers}\n{body}\n", encoding="utf-8")
    for args in ([], ["--json"], ["--format", "sarif"], ["--diff"]):
        run = invoke(["audit", *args, "k.py"], expect=8)
        assert "createByTalkingPhoto" in run.stdout or "k.py:4: left out" in run.stderr
        for secret in (HEX_KEY, SHORT_KEY):
            assert secret not in run.stdout and secret not in run.stderr, args


# -- report-with-stderr-patched ----------------------------------------------------------------

CURL = (
    "curl -X POST https://openapi.akool.com/api/open/v3/content/video/createByTalkingPhoto "
    '-H "x-api-key: $AKOOL_KEY" -d \'{"talking_photo_url":"a","audio_url":"b"}\'\n'
)


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["--json"], "a JSON array of audit findings"),
        (["--format", "sarif"], "a SARIF log"),
        ([], "the audit's text findings"),
        (["--diff"], "a unified diff"),
    ],
)
def test_a_report_saved_with_its_stderr_is_still_a_report(
    here: Path, args: list[str], what: str
) -> None:
    """`akool audit --json . > audit.json 2>&1`: the summary line after the JSON document made
    the report a script, audited (an extra error) and patched by the next run."""
    (here / "make.sh").write_text(CURL, encoding="utf-8")
    (here / "k.sh").write_text(CURL.replace("$AKOOL_KEY", HEX_KEY), encoding="utf-8")
    (here / "old.json").write_text(invoke(["audit", "--json", "make.sh"], expect=8).stdout)
    first = invoke(["audit", *args, "."], expect=8)  # (its stderr: a report left out, the
    # summary; --diff's: a fix left out, its count)
    assert "old.json: not scanned" in first.stderr and "file(s) scanned" in first.stderr
    (here / "report.out").write_text(first.stdout + first.stderr, encoding="utf-8")
    again = invoke(["audit", "--json", "."], expect=8)
    assert {f["file"] for f in json.loads(again.stdout) if f["severity"] == "error"} == {
        "make.sh",
        "k.sh",
    }
    assert f"report.out: not scanned ({what}, " in again.stderr
    patch = invoke(["audit", "--diff", "."], expect=8).stdout
    assert "+++ b/make.sh" in patch and "report.out" not in patch


def test_a_report_followed_by_any_other_text_is_read(here: Path) -> None:
    """Only akool's own summary lines: a JSON array with anything else after it is no report."""
    (here / "make.sh").write_text(CURL, encoding="utf-8")
    document = invoke(["audit", "--json", "make.sh"], expect=8).stdout
    summary = "1 error(s), 0 warning(s), 0 info: 1 file(s) scanned, 1 with findings\n"
    (here / "report.out").write_text(document + summary + "done\n", encoding="utf-8")
    again = invoke(["audit", "--json", "."], expect=8)
    assert "report.out" in {f["file"] for f in json.loads(again.stdout)}
    assert "report.out: not scanned" not in again.stderr

"""Issue 21, a break-it run's M8-M10: a Postman GET's query is written twice (url.raw and the
url.query array Postman and Newman send) and `--diff` patches both; a path of AKOOL's website
(`/api/v1/public/login`) joined to a base on api.akool.com is as silent as the same path in one
literal URL, in every join the audit reads; and a base that serves the website's paths too is
reported on the wrong host without a fix (the host is not the open-API call's alone)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.audit.fixes import patch
from akool_cli.audit.scan import audit, audit_text
from tests.test_audit_patches import apply_and_reaudit

# -- Postman: url.raw's query and the url.query array are one query ------------------------------


def _status(raw_query: str, array: list[dict[str, object]]) -> str:
    """A Postman collection of one GET of a talking photo's status, one url part a line."""
    url = {
        "raw": "{{baseUrl}}/api/open/v3/content/video/infobymodelid" + raw_query,
        "host": ["{{baseUrl}}"],
        "path": ["api", "open", "v3", "content", "video", "infobymodelid"],
        "query": array,
    }
    request = {"method": "GET", "header": [{"key": "x-api-key", "value": "{{k}}"}], "url": url}
    return json.dumps({"item": [{"name": "Status", "request": request}]}, indent=2) + "\n"


def _sent(collection: Path) -> list[str]:
    """The query names Postman sends for the collection's request: its url.query array's."""
    url = json.loads(collection.read_text())["item"][0]["request"]["url"]
    return [entry["key"] for entry in url["query"] if not entry.get("disabled")]


def test_diff_renames_a_postman_query_name_in_url_raw_and_url_query_together(
    tmp_path: Path,
) -> None:
    collection = tmp_path / "akool.postman_collection.json"
    collection.write_text(
        _status("?videoModelId={{id}}", [{"key": "videoModelId", "value": "{{id}}"}])
    )
    found = audit([tmp_path]).findings
    assert [(f.rule, f.found) for f in found] == [("misnamed-field", "videoModelId")]  # one, at raw
    _, after, _ = apply_and_reaudit(tmp_path)
    assert after == set()
    assert "infobymodelid?video_model_id={{id}}" in collection.read_text()
    assert _sent(collection) == ["video_model_id"], "Postman would still send the old name"


def test_a_postman_query_array_that_disagrees_with_its_raw_url_is_found_and_fixed(
    tmp_path: Path,
) -> None:
    collection = tmp_path / "akool.postman_collection.json"
    text = _status("?video_model_id={{id}}", [{"key": "videoModelId", "value": "{{id}}"}])
    collection.write_text(text)
    found = audit([tmp_path]).findings
    line = next(n for n, t in enumerate(text.splitlines(), 1) if '"key": "videoModelId"' in t)
    assert [(f.rule, f.found, f.line) for f in found] == [("misnamed-field", "videoModelId", line)]
    assert "url.query (videoModelId) is not its url.raw (video_model_id)" in found[0].message
    _, after, _ = apply_and_reaudit(tmp_path)
    assert after == set() and _sent(collection) == ["video_model_id"]


def test_a_postman_query_sent_only_in_its_array_or_disabled_is_fine() -> None:
    only_array = _status("", [{"key": "video_model_id", "value": "{{id}}"}])
    disabled = _status(
        "?video_model_id={{id}}",
        [
            {"key": "videoModelId", "value": "{{id}}", "disabled": True},
            {"key": "video_model_id", "value": "{{id}}"},
        ],
    )
    wrong_in_raw = _status("?videoModelID={{id}}", [{"key": "video_model_id", "value": "{{id}}"}])
    assert audit_text(only_array, "a.postman_collection.json") == []
    assert audit_text(disabled, "b.postman_collection.json") == []
    found = audit_text(wrong_in_raw, "c.postman_collection.json")
    assert [(f.rule, f.found) for f in found] == [("misnamed-field", "videoModelID")]
    assert found[0].fix is not None and found[0].fix.also == ()  # the array is right already
    assert "url.query (video_model_id) is not its url.raw (videoModelID)" in found[0].message


# -- AKOOL's website's paths joined to a base on api.akool.com ------------------------------------

LOGIN = "/api/v1/public/login"
TALK = "/api/open/v3/content/video/createbytalkingphoto"
# Each join the audit follows, in each language: (file name, base line, login call, API call).
JOINS = {
    "plus.py": (
        'BASE = "https://api.akool.com"',
        f'requests.post(BASE + "{LOGIN}", json=c)',
        f'requests.post(BASE + "{TALK}", json=b)',
    ),
    "fstr.py": (
        'BASE = os.getenv("AKOOL_SITE", "https://api.akool.com")',
        f'requests.post(f"{{BASE}}{LOGIN}", json=c)',
        f'requests.post(f"{{BASE}}{TALK}", json=b)',
    ),
    "tpl.js": (
        'const BASE = "https://api.akool.com";',
        f"await fetch(`${{BASE}}{LOGIN}`, o);",
        f"await fetch(`${{BASE}}{TALK}`, p);",
    ),
    "plus.ts": (
        'const BASE: string = "https://api.akool.com";',
        f'await axios.post(BASE + "{LOGIN}", c);',
        f'await axios.post(BASE + "{TALK}", b);',
    ),
    "client.js": (
        'const site = axios.create({ baseURL: "https://api.akool.com" });',
        f'await site.post("{LOGIN}", c);',
        f'await site.post("{TALK}", b);',
    ),
    "curl.sh": (
        'BASE="https://api.akool.com"',
        f'curl -s -X POST "$BASE{LOGIN}" -d "$C"',
        f'curl -s -X POST "${{BASE}}{TALK}" -d "$B"',
    ),
    "main.go": (
        'const base = "https://api.akool.com"',
        f'http.Post(fmt.Sprintf("%s{LOGIN}", base), "application/json", c)',
        f'http.Post(base+"{TALK}", "application/json", b)',
    ),
    "call.php": (
        '$base = "https://api.akool.com";',
        f'$a = curl_init($base . "{LOGIN}");',
        f'$b = curl_init("{{$base}}{TALK}");',
    ),
    "Call.java": (
        'static final String BASE = "https://api.akool.com";',
        f'URI a = URI.create(BASE + "{LOGIN}");',
        f'URI b = URI.create(BASE + "{TALK}");',
    ),
    "Call.kt": (
        'const val BASE = "https://api.akool.com"',
        f'val a = Request.Builder().url("$BASE{LOGIN}")',
        f'val b = Request.Builder().url("${{BASE}}{TALK}")',
    ),
    "Call.cs": (
        'const string Base = "https://api.akool.com";',
        f'var a = await http.PostAsync($"{{Base}}{LOGIN}", c);',
        f'var b = await http.PostAsync($"{{Base}}{TALK}", p);',
    ),
    "call.rb": (
        'BASE = "https://api.akool.com"',
        f'Net::HTTP.post(URI("#{{BASE}}{LOGIN}"), c)',
        f'Net::HTTP.post(URI("#{{BASE}}{TALK}"), b)',
    ),
}


@pytest.mark.parametrize("name", sorted(JOINS))
def test_a_website_path_joined_to_a_base_is_as_silent_as_in_one_url(name: str) -> None:
    base, login, _ = JOINS[name]
    assert audit_text(f"{base}\n{login}\n", name) == []  # a clone of AKOOL's website: nothing


@pytest.mark.parametrize("name", sorted(JOINS))
def test_a_base_that_also_serves_the_website_keeps_its_host_finding_without_a_fix(
    name: str,
) -> None:
    base, login, call = JOINS[name]
    found = audit_text(f"{base}\n{login}\n{call}\n", name)
    assert [(f.line, f.rule) for f in found] == [(1, "wrong-host")]
    assert found[0].fix is None
    assert f"not fixed: this base also serves {LOGIN}" in found[0].message
    alone = audit_text(f"{base}\n{call}\n", name)  # the same base for the open API alone
    assert [(f.line, f.rule) for f in alone] == [(1, "wrong-host")] and alone[0].fix is not None


def test_diff_leaves_a_base_the_website_shares_and_fixes_the_rest(tmp_path: Path) -> None:
    script = tmp_path / "h.py"
    script.write_text(
        "import requests\n"
        'BASE = "https://api.akool.com"\n'
        "def login(email, pw):\n"
        f'    return requests.post(BASE + "{LOGIN}", json={{"email": email, "password": pw}}).json()\n'
        "def talk(p, a):\n"
        f'    return requests.post(BASE + "{TALK}", json={{"talking_photo_url": p, "audio_url": a, '
        '"webhook_url": h}).json()\n'
    )
    fixable, after, diff = apply_and_reaudit(tmp_path)
    assert {(rule, found) for _, _, rule, found in fixable} == {("misnamed-field", "webhook_url")}
    assert {(line, rule) for _, line, rule, _ in after} == {(2, "wrong-host")}
    assert b"api.akool.com" not in patch(audit([tmp_path]).findings).diff
    assert b'-BASE = "https://api.akool.com"' not in diff
    assert 'BASE = "https://api.akool.com"' in script.read_text()


def test_a_base_another_file_imports_for_the_website_is_not_moved(tmp_path: Path) -> None:
    (tmp_path / "settings.py").write_text(
        'SITE = "https://api.akool.com"\nSHARED = "https://api.akool.com"\n'
    )
    (tmp_path / "app.py").write_text(
        "import requests\n"
        "from settings import SITE, SHARED\n"
        f'requests.post(SITE + "{LOGIN}", json=c)\n'
        f'requests.post(SHARED + "{LOGIN}", json=c)\n'
        f'requests.post(SHARED + "{TALK}", json={{"talking_photo_url": p, "audio_url": a, '
        '"webhook_url": h})\n'
    )
    found = audit([tmp_path]).findings
    hosts = [(Path(f.file).name, f.line, f.fix is None) for f in found if f.rule == "wrong-host"]
    assert hosts == [("settings.py", 2, True)]  # SITE: the website's only; SHARED: not moved
    assert [f.rule for f in found if f.rule != "wrong-host"] == ["misnamed-field"]
    _, after, _ = apply_and_reaudit(tmp_path)
    assert (tmp_path / "settings.py").read_text().count("https://api.akool.com") == 2
    assert {(name, rule) for name, _, rule, _ in after} == {("settings.py", "wrong-host")}


def test_a_path_of_the_apis_words_joined_there_is_still_a_call() -> None:
    """Only the website's own paths are silent: `/api/v1/faceswap` names AKOOL's API, on any base."""
    text = (
        'BASE = "https://api.akool.com"\n'
        'requests.post(BASE + "/api/v1/faceswap", json={"source": s})\n'
        f'requests.post(BASE + "{LOGIN}", json=c)\n'
        'requests.post(BASE + "/api/v1/public/register", json=c)\n'
    )
    found = audit_text(text, "swap.py")
    assert [(f.line, f.rule, f.fix is None) for f in found] == [
        (1, "wrong-host", True),
        (2, "unknown-endpoint", True),
    ]

"""What the audit says on shapes taken from real third-party code (issue 21, fixK21):
commented-out calls read one by one, list reads at the wrong level, near-miss answer fields,
clients held in a name `http`, and PEP 701 f-strings. The corpus scripts of these shapes are in
tests/audit_corpus/realcode21/."""

from __future__ import annotations

from akool_cli.audit.scan import Finding, audit_text


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. a commented POST's method stays with it ----------------------------------------------------

COMMENTED = """const BASE = "https://openapi.akool.com/api/open/v3";
async function run(photo, audio) {
  // const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
  //   method: "POST",
  //   headers,
  //   body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  // });
  // const job = await r.json();
  // const s = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job.data._id}`, { headers });
  return null;
}
"""


def test_a_commented_call_is_read_on_its_own() -> None:
    assert places(audit_text(COMMENTED, "poll.js")) == []
    # uncommented, the block says the same
    assert places(audit_text(COMMENTED.replace("  // ", "  "), "poll.js")) == []
    # a commented call still counts: its own POST to a documented GET is a wrong method
    own = COMMENTED.replace("${job.data._id}`, { headers }", '${id}`, { method: "POST" }')
    assert places(audit_text(own, "poll.js")) == [(9, "wrong-method")]


# -- 2. the whole answer used as a list ------------------------------------------------------------

LISTS = """const axios = require("axios");
const BASE = "https://openapi.akool.com/api/open/v3";
async function pick(name) {{
  const res = await axios.get(`${{BASE}}{path}`, {{ headers }});
  return {read};
}}
"""


def test_an_axios_answer_used_as_a_list_names_the_documented_list() -> None:
    cases = [
        ("/avatar/list", "res.data.find((a) => a.name === name)", "data.data"),
        ("/voice/list", "res.data.filter((v) => v.gender)", "data.data"),
        ("/voice/list", "res.data.length", "data.data"),
        ("/language/list", "res.data.map((l) => l.lang_code)", "data.data.lang_list"),
    ]
    for path, read, documented in cases:
        found = audit_text(LISTS.format(path=path, read=read), "pick.js")
        assert places(found) == [(5, "response-field")], read
        assert found[0].documented == documented
        assert "is an object (code, msg, data), not a list" in found[0].message
    inline = LISTS.format(path="/avatar/list", read="name").replace(
        "const res = await axios.get(`${BASE}/avatar/list`, { headers });",
        "return (await axios.get(`${BASE}/avatar/list`, { headers })).data.find((a) => a.x);",
    )
    assert places(audit_text(inline, "pick.js")) == [(4, "response-field")]
    # one level down, where the docs put it: silent
    for path, read in [
        ("/avatar/list", "res.data.data.find((a) => a.name === name)"),
        ("/voice/list", "res.data.data.length"),
        ("/language/list", "res.data.data.lang_list.map((l) => l.lang_code)"),
    ]:
        assert places(audit_text(LISTS.format(path=path, read=read), "pick.js")) == [], read


def test_a_list_one_level_above_the_nested_one_is_named() -> None:
    text = LISTS.format(path="/voice/list", read="res.data.data.filter((v) => v.x)").replace(
        "${BASE}/voice/list", "https://openapi.akool.com/api/open/v4/voice/list?type=1"
    )
    found = audit_text(text, "pick.js")
    assert places(found) == [(5, "response-field")]
    assert found[0].documented == "data.result"


# -- 3. a near miss of a documented answer field ---------------------------------------------------

TTS = """import requests
BASE = "https://openapi.akool.com/api/open/v4"
r = requests.post(f"{BASE}/voice/tts", headers=H, json={"input_text": t, "voice_id": v})
print(r.json()READ)
"""


def test_a_near_miss_of_a_documented_answer_field_is_an_error_naming_it() -> None:
    for read, documented in [
        ('["data_id"]', "data._id"),
        ('["data"]["voiceId"]', "data.voice_id"),
        ('["data"]["previwe"]', "data.preview"),
        ('["data"]["fileName"]', "data.file_name"),
    ]:
        found = audit_text(TTS.replace("READ", read), "tts.py")
        assert places(found) == [(4, "response-field")], read
        assert found[0].severity == "error" and found[0].documented == documented
    # a rename at the read's own level is a fix; one that adds a level is left to a person
    assert audit_text(TTS.replace("READ", '["data"]["voiceId"]'), "tts.py")[0].fix is not None
    assert audit_text(TTS.replace("READ", '["data_id"]'), "tts.py")[0].fix is None
    # a name that is no near miss stays a warning; the documented ones are silent
    far = audit_text(TTS.replace("READ", '["data"]["resource_id"]'), "tts.py")
    assert [f.severity for f in far] == ["warning"]
    for read in ('["data"]["_id"]', '["data"]["voice_id"]', '["data"]["preview"]'):
        assert places(audit_text(TTS.replace("READ", read), "tts.py")) == []


# -- 4. a client held in a name `http`; Laravel's baseUrl chain ----------------------------------

HTTPX = """import httpx
NAME = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")
r = NAME.post("/content/image/createbyprompt", json={"prompt": "x", "size": "1:1"})
print(r.json()["data"]["task_id"])
"""
CSHARP = """var NAME = new HttpClient { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };
var res = await NAME.PostAsJsonAsync("content/video/createbytalkingphoto", new { talking_photo_url = "p", audio_url = "a", resolution = "720p" });
var s = await NAME.GetAsync("content/video/status?id=1");
"""
LARAVEL = """<?php
use Illuminate\\Support\\Facades\\Http;
$base = config('services.akool.base', 'https://openapi.akool.com/api/open/v3');
$res = Http::withHeaders(['x-api-key' => env('AKOOL_API_KEY')])
    ->baseUrl($base)
    ->post('/content/image/createbyprompt', ['prompt' => 'fox', 'size' => '1:1']);
echo $res->json('data.task_id');
"""


def test_a_client_held_in_a_name_http_is_a_client() -> None:
    python = [(3, "misnamed-field"), (4, "response-field")]
    csharp = [(2, "bad-value"), (3, "unknown-endpoint")]
    for name in ("http", "client"):
        assert places(audit_text(HTTPX.replace("NAME", name), "c.py")) == python, name
        assert places(audit_text(CSHARP.replace("NAME", name), "A.cs")) == csharp, name
    # Node's own http module is no client
    node = 'const http = require("http");\nhttp.get("/content/video/status", cb);\n'
    assert places(audit_text(node, "n.js")) == []


def test_a_laravel_base_url_chain_joins_its_path_and_reads_its_answer() -> None:
    assert places(audit_text(LARAVEL, "l.php")) == [(6, "misnamed-field"), (7, "response-field")]
    one_line = LARAVEL.replace("\n    ->", "->")
    assert places(audit_text(one_line, "l.php")) == [(4, "misnamed-field"), (5, "response-field")]
    right = LARAVEL.replace("'size'", "'scale'").replace("data.task_id", "data._id")
    assert places(audit_text(right, "l.php")) == []


# -- 5. a variable segment between others (PEP 701's nested quotes too) ---------------------------

PEP701 = """import requests
BASE = "https://openapi.akool.com/api/open/v3"
d = {"kind": "video"}
r = requests.post(f"{BASE}/content/SEGMENT/createbytalkingphoto", json={"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"})
print(r.json()["data"]["task_id"])
"""


def test_a_variable_segment_names_the_one_documented_path_it_can_be() -> None:
    for segment in ('{d["kind"]}', "{d['kind']}", "{kind}", "video"):
        found = audit_text(PEP701.replace("SEGMENT", segment), "pep701.py")
        assert places(found) == [(4, "bad-value"), (5, "response-field")], segment
    # several documented paths (video's and image's infobymodelid): none judged, none wrong
    several = 'requests.get(f"{BASE}/content/{d["kind"]}/infobymodelid?video_model_id=1")\n'
    assert places(audit_text(PEP701 + several, "pep701.py"))[2:] == []
    # an id's name is no documented word; a last segment named for a word may be one
    # (`/faceswap/result/{kind}`: listbyids, the one documented GET there: no finding)
    for path, expected in (
        ("/content/{video_id}/createbytalkingphoto", ["unknown-endpoint"]),
        ("/faceswap/result/{kind}", []),
    ):
        text = f'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\nrequests.get(f"{{BASE}}{path}")\n'
        assert [r for _, r in places(audit_text(text, "p.py"))] == expected, path

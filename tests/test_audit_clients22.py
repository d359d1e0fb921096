"""`akool audit` with two clients side by side in one file (break21c H5): a v3 and a v4 client of
AKOOL, or another service's client beside AKOOL's, in Python, JavaScript, PHP and C#. Each verb is
joined to the base of the client it is called on, never to the last client the file makes."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
ELEVEN = "https://api.elevenlabs.io/v1"


def errors(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name) if f.severity == "error")


PY = """import httpx
A = httpx.Client(base_url="{a}")
B = httpx.Client(base_url="{b}")
def voices():
    return B.get("/voice/resource/list", params={{"type": 2}}).json()
def languages():
    return A.get("/language/list").json()
"""
JS = """const axios = require("axios");
const a = axios.create({{ baseURL: "{a}" }});
const b = axios.create({{ baseURL: "{b}" }});
async function voices() {{ return (await b.get("/voice/resource/list", {{ params: {{ type: 2 }} }})).data; }}
async function languages() {{ return (await a.get("/language/list")).data; }}
"""
PHP = """<?php
use GuzzleHttp\\Client;
$a = new Client(['base_uri' => '{a}/']);
$b = new Client(['base_uri' => '{b}/']);
$langs = json_decode($a->get('language/list')->getBody(), true);
$voices = json_decode($b->get('voice/resource/list', ['query' => ['type' => 2]])->getBody(), true);
"""
CS = """using System;
using System.Net.Http;
public class A {{
    private readonly HttpClient _a = new HttpClient {{ BaseAddress = new Uri("{a}/") }};
    private readonly HttpClient _b = new HttpClient {{ BaseAddress = new Uri("{b}/") }};
    public System.Threading.Tasks.Task<string> Langs() => _a.GetStringAsync("language/list");
    public System.Threading.Tasks.Task<string> Voices() => _b.GetStringAsync("voice/resource/list?type=2");
}}
"""
SHAPES = [(PY, "a.py"), (JS, "a.js"), (PHP, "a.php"), (CS, "A.cs")]


@pytest.mark.parametrize(("shape", "name"), SHAPES)
def test_a_v3_client_beside_a_v4_client_keeps_its_own_base(shape: str, name: str) -> None:
    assert errors(shape.format(a=V3, b=V4), name) == []


@pytest.mark.parametrize(("shape", "name"), SHAPES)
def test_the_clients_swapped_give_each_call_its_error(shape: str, name: str) -> None:
    # (/language/list is v3's, /voice/resource/list v4's: swapped, both calls are undocumented)
    got = errors(shape.format(a=V4, b=V3), name)
    assert [rule for _, rule in got] == ["unknown-endpoint", "unknown-endpoint"], got


ELEVEN_PY = f"""import httpx
eleven = httpx.Client(base_url="{ELEVEN}", headers={{"xi-api-key": "e"}})
akool = httpx.Client(base_url="{V3}", headers={{"x-api-key": "k"}})
def speech(text):
    r = eleven.post("/text-to-speech/voice123", json={{"text": text, "model_id": "m"}})
    return r.json()["status"]
def voices():
    return eleven.get("/voices").json()["voices"]
def talk(photo, audio):
    r = akool.post("/content/video/createbytalkingphoto", json={{"talking_photo_url": photo, "audio_url": audio, "resolution": "RES"}})
    return r.json()["data"]["_id"]
"""
ELEVEN_JS = f"""import axios from "axios";
const akool = axios.create({{ baseURL: "{V3}" }});
const eleven = axios.create({{ baseURL: "{ELEVEN}" }});
export async function speech(text) {{
  const {{ data }} = await eleven.post("/text-to-speech/abc", {{ text, model_id: "m" }});
  return data;
}}
export async function talk(p, a) {{
  const {{ data }} = await akool.post("/content/video/createbytalkingphoto", {{ talking_photo_url: p, audio_url: a, resolution: "RES" }});
  return data.data._id;
}}
"""


@pytest.mark.parametrize(("text", "name"), [(ELEVEN_PY, "a.py"), (ELEVEN_JS, "a.js")])
def test_another_services_client_beside_akools_makes_no_akool_call(text: str, name: str) -> None:
    assert errors(text.replace("RES", "720"), name) == []
    got = errors(text.replace("RES", "720p"), name)
    assert [rule for _, rule in got] == ["bad-value"]  # (AKOOL's own call is still judged)


def test_a_client_made_in_a_with_is_the_one_its_block_calls() -> None:
    text = f"""import httpx
AKOOL = httpx.Client(base_url="{V3}")
def voices():
    with httpx.Client(base_url="{V4}") as c:
        r = c.get("/voice/list", params={{"type": 2}})
    return r.json()["data"]["result"]
def languages():
    return AKOOL.get("/language/list").json()["data"]["lang_list"]
"""
    assert errors(text, "a.py") == []

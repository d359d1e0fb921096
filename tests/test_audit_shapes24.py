"""`akool audit` on URL and body shapes of session thirteen's shapes24: clients that resolve a
relative path against their base as RFC 3986 does (break21f #11), and bodies and hosts given in
client shapes the audit did not read (break21f #4-#7, #12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.generics import flat_generics
from akool_cli.audit.scan import audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# (file name, script, the line of its one unknown-endpoint error; 0: silent)
RESOLVED = [
    (
        "a.cs",
        "using System.Net.Http;\nclass A {\n  static readonly HttpClient H = new HttpClient { BaseAddress"
        f' = new Uri("{V3}") }};\n  static Task<string> I(string id) => H.GetStringAsync('
        '$"content/video/infobymodelid?video_model_id={id}");\n}\n',
        4,
    ),
    (
        "b.cs",
        f'using System.Net.Http;\nclass B {{\n  const string Base = "{V3}/";\n  static readonly HttpClient'
        " H = new HttpClient { BaseAddress = new Uri(Base) };\n  static Task<HttpResponseMessage> I("
        'string id) => H.GetAsync($"/content/video/infobymodelid?video_model_id={id}");\n}\n',
        5,
    ),
    (
        "c.cs",  # the whole path under a base ending in "/": resolved, right
        f'using System.Net.Http;\nclass C {{\n  static readonly HttpClient H = new HttpClient {{ BaseAddress = new Uri("{V3}/") }};\n'
        '  static Task<HttpResponseMessage> I(string id) => H.GetAsync($"/api/open/v3/content/video/infobymodelid?video_model_id={id}");\n}\n',
        0,
    ),
    (
        "Api.kt",
        'import retrofit2.Retrofit\nimport retrofit2.http.GET\ninterface Api {\n    @GET("/content/video/'
        'infobymodelid")\n    suspend fun info(@Query("video_model_id") id: String): Map<String, Any>\n}\n'
        f'val api = Retrofit.Builder()\n    .baseUrl("{V3}/")\n    .build().create(Api::class.java)\n',
        4,
    ),
    (
        "t.py",
        f'from requests_toolbelt import sessions\ns = sessions.BaseUrlSession(base_url="{V3}")\n'
        'r = s.get("content/video/infobymodelid", params={"video_model_id": "1"})\n',
        3,
    ),
    (
        "g.php",
        f"<?php\n$c = new GuzzleHttp\\Client(['base_uri' => '{V3}']);\n$r = $c->get('content/"
        "video/infobymodelid', ['query' => ['video_model_id' => '1']]);\n",
        3,
    ),
    (
        "f.rb",
        f'require "faraday"\nconn = Faraday.new(url: "{V3}") do |f|\n  f.request :json\nend\n'
        'conn.get("/content/video/infobymodelid", video_model_id: "1")\n',
        5,
    ),
    (
        "f_ok.rb",
        f'conn = Faraday.new(url: "{V3}")\nconn.get("content/video/infobymodelid", video_model_id: "1")\n',
        0,
    ),
    (  # Refit appends the attribute's path to the base's
        "R.cs",
        'using Refit;\npublic interface IA {\n  [Get("/content/video/infobymodelid?video_model_id=1")]\n'
        f'  Task<string> Info();\n}}\nclass M {{ static IA A() => RestService.For<IA>(new HttpClient {{ BaseAddress = new Uri("{V3}") }}); }}\n',
        0,
    ),
    (  # Spring's WebClient appends
        "W.java",
        f'class W {{ WebClient web = WebClient.builder().baseUrl("{V3}").build();\n'
        '  Object i() { return web.get().uri("/content/video/infobymodelid?video_model_id=1").retrieve(); } }\n',
        0,
    ),
    (  # httpx appends
        "h.py",
        f'import httpx\nc = httpx.Client(base_url="{V3}")\nr = c.get("/content/video/infobymodelid", params={{"video_model_id": "1"}})\n',
        0,
    ),
]


@pytest.mark.parametrize(("name", "text", "line"), RESOLVED, ids=[r[0] for r in RESOLVED])
def test_a_client_that_resolves_its_base_is_read_as_it_resolves(
    name: str, text: str, line: int
) -> None:
    found = rules(text, name)
    assert found == ([(line, "unknown-endpoint")] if line else [])


CLIENT_TS = """const BASE = "https://openapi.akool.com/api/open";
export async function akoolGet<T>(path: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(`${BASE}${path}?${new URLSearchParams(params)}`, { headers: { "x-api-key": KEY } });
  return (await res.json()) as T;
}
export async function akoolPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${BASE}${path}`, { method: "POST", headers: { "x-api-key": KEY }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}
"""
PATHS_TS = """export const STATUS_PATHS = {
  video: { getPath: "/v3/content/video/state", postFallback: "/v3/content/video/info" },
  image: { getPath: "/v3/content/image/state", postFallback: "/v3/content/image/info" },
};
"""
DIRECT_TS = """import { akoolGet, akoolPost } from "./client";
import { STATUS_PATHS } from "./paths";
export async function poll(type: "video" | "image", id: string) {
  const config = STATUS_PATHS[type];
  const first = await akoolGet<Record<string, unknown>>(config.getPath, { task_id: id });
  if (first) return first;
  return akoolPost<Record<string, { status: number }>>(config.postFallback, { task_id: id });
}
"""
WRAPPED_TS = """import { akoolGet, akoolPost } from "./client";
import { STATUS_PATHS } from "./paths";
async function pollViaGet(getPath: string, id: string) {
  return akoolGet<Record<string, unknown>>(getPath, { task_id: id });
}
async function pollViaPost(postPath: string, id: string) {
  return akoolPost<unknown>(postPath, { task_id: id });
}
export async function poll(type: "video" | "image", id: string) {
  const config = STATUS_PATHS[type];
  return (await pollViaGet(config.getPath, id)) ?? pollViaPost(config.postFallback, id);
}
export const byLiteral = (id: string) => pollViaPost("/v3/content/video/lookup", id);
"""


def folder_rules(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = audit([tmp_path]).findings
    return sorted((Path(f.file).name, f.line, f.rule) for f in found)


ROWS = [("paths.ts", n, "unknown-endpoint") for n in (2, 2, 3, 3)]


def test_a_picked_rows_key_given_to_a_call_with_nested_type_arguments_is_read(
    tmp_path: Path,
) -> None:
    files = {"client.ts": CLIENT_TS, "paths.ts": PATHS_TS, "poll.ts": DIRECT_TS}
    assert folder_rules(tmp_path, files) == ROWS


def test_a_function_giving_its_path_to_an_imported_helper_is_a_wrapper(tmp_path: Path) -> None:
    files = {"client.ts": CLIENT_TS, "paths.ts": PATHS_TS, "poll.ts": WRAPPED_TS}
    assert folder_rules(tmp_path, files) == sorted([*ROWS, ("poll.ts", 13, "unknown-endpoint")])


def test_type_arguments_are_read_to_any_depth_and_comparisons_are_not() -> None:
    assert flat_generics("f<Record<string, { a: Array<number> }>>(x)").startswith("f< ")
    assert flat_generics("g<(a: string) => void>(x)") == "g<                   >(x)"
    assert (
        flat_generics("f = async <T extends X<Y>>(p: T) =>")
        == "f = async <              >(p: T) =>"
    )
    for text in ("if (a < b) { c > (d) }", "List<Map<String, Object>> x = y;", "a<b; c>(d)"):
        assert flat_generics(text) == text


NESTED_DEFS = """const BASE = "https://openapi.akool.com/api/open";
export async function akoolGet<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`, { headers: { "x-api-key": KEY } });
  return (await res.json()) as T;
}
export const akoolPost = async <T extends Record<string, unknown>>(path: string, body: unknown): Promise<T> => {
  const res = await fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return (await res.json()) as T;
};
export const a = () => akoolGet("/v3/content/video/nothere1");
export const b = () => akoolPost("/v3/content/video/nothere2", {});
export async function c(body: unknown) {
  const res = await akoolPost<{ code: number; data: { _id: string } }>(
    "/v3/content/video/nothere3",
    body,
  );
  return res;
}
"""


def test_helpers_defined_and_called_with_nested_type_arguments_are_helpers() -> None:
    assert rules(NESTED_DEFS, "a.ts") == [(n, "unknown-endpoint") for n in (10, 11, 14)]


APPS_SCRIPT = """const AKOOL = 'https://openapi.akool.com/api/open/v3';
function translate(url) {
  const res = UrlFetchApp.fetch(AKOOL + '/content/video/createbytranslate', {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ url: url, language: 'es', lipsync: 'true' }),
  });
}
function talk(photo, audio) {
  var body = { talking_photo_url: photo, audio_url: audio, resolution: '720p' };
  var options = { 'method': 'post', 'headers': { 'x-api-key': KEY }, 'payload': JSON.stringify(body) };
  return UrlFetchApp.fetch(AKOOL + '/content/video/createbytalkingphoto', options);
}
"""
FUEL = """const val AKOOL = "https://openapi.akool.com/api/open/v3"
fun a(photo: String, audio: String) {
    "$AKOOL/content/video/createbytalkingphoto".httpPost()
        .body(\"\"\"{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "720p"}\"\"\")
        .responseString()
}
fun b(photo: String, audio: String) {
    val json = \"\"\"{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "4k"}\"\"\"
    "$AKOOL/content/video/createbytalkingphoto".httpPost().jsonBody(json).responseString()
}
"""
UNITY = """using UnityEngine.Networking;
public class Talk : MonoBehaviour {
    const string BaseUrl = "https://openapi.akool.com/api/open/v3";
    IEnumerator Create(string photo, string audio) {
        string json = "{\\"talking_photo_url\\":\\"" + photo + "\\",\\"audio_url\\":\\"" + audio + "\\",\\"resolution\\":\\"720p\\"}";
        byte[] bodyRaw = Encoding.UTF8.GetBytes(json);
        UnityWebRequest request = new UnityWebRequest(BaseUrl + "/content/video/createbytalkingphoto", "POST");
        request.uploadHandler = new UploadHandlerRaw(bodyRaw);
        yield return request.SendWebRequest();
    }
}
"""


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [("Code.gs", APPS_SCRIPT, [6, 10]), ("a.kt", FUEL, [4, 8]), ("T.cs", UNITY, [5])],
)
def test_bodies_of_apps_script_fuel_and_unity_requests_are_judged(
    name: str, text: str, lines: list[int]
) -> None:
    assert rules(text, name) == [(n, "bad-value") for n in lines]


URL_CONFIG = """export const AKOOL_TP_URL = process.env.AKOOL_TP_URL || "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
"""
URL_ROUTE = """import { AKOOL_TP_URL } from "./config";
export async function POST(req: Request) {
  const res = await fetch(AKOOL_TP_URL, {
    method: "POST",
    headers: { "x-api-key": KEY },
    body: JSON.stringify({ talking_photo_url: "a", audio_url: "b", resolution: "4k" }),
  });
  return res.json();
}
"""
URL_PY = """import requests
from config import TP_URL

def go(p, a):
    return requests.post(TP_URL, json={"talking_photo_url": p, "audio_url": a, "resolution": "4k"}).json()
"""


def test_a_request_sent_to_another_files_endpoint_url_is_judged(tmp_path: Path) -> None:
    files = {"config.ts": URL_CONFIG, "route.ts": URL_ROUTE}
    assert folder_rules(tmp_path, files) == [("route.ts", 6, "bad-value")]
    py = tmp_path / "py"
    py.mkdir()
    url = '"https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"'
    files = {"config.py": f"TP_URL = {url}\n", "main.py": URL_PY}
    assert folder_rules(py, files) == [("main.py", 5, "bad-value")]


HOSTS_APART = [
    (
        "u.go",
        'u := &url.URL{Scheme: "https", Host: "api.akool.com", Path: "/api/open/v3/content/video/createbytalkingphoto"}\n',
    ),
    (
        "n.js",
        "const o = { hostname: 'api.akool.com', path: '/api/open/v3/content/video/createbytalkingphoto', method: 'POST' };\n",
    ),
    (
        "h.py",
        "import http.client\nconn = http.client.HTTPSConnection('api.akool.com')\n"
        "conn.request('GET', '/api/open/v3/content/video/infobymodelid?video_model_id=1')\n",
    ),
    (
        "p.py",
        'url = urlunparse(("https", "api.akool.com", "/api/open/v3/content/image/createbyprompt", "", "", ""))\n',
    ),
    (
        "R.java",
        'URI u = new URI("https", "api.akool.com", "/api/open/v3/content/video/createbytalkingphoto", null);\n',
    ),
]


@pytest.mark.parametrize(("name", "text"), HOSTS_APART, ids=[h[0] for h in HOSTS_APART])
def test_a_wrong_host_given_apart_from_its_url_is_found_and_fixed(name: str, text: str) -> None:
    found = [f for f in audit_text(text, name) if f.rule == "wrong-host"]
    assert [(f.found, f.fix.new if f.fix else None) for f in found] == [
        ("api.akool.com", "openapi.akool.com")
    ]


def test_the_right_host_or_the_website_given_apart_is_silent() -> None:
    text = (
        "const a = { hostname: 'openapi.akool.com', path: '/api/open/v3/content/video/infobymodelid' };\n"
        "const b = { host: 'akool.com', path: '/apps/upload/avatar' };\n"
    )
    assert [f for f in audit_text(text, "a.js") if f.rule == "wrong-host"] == []


SPLIT_JOINS = [
    (
        "b.js",
        'const ORIGIN = "https://openapi.akool.com";\nconst u = (id) => [ORIGIN, "api/open/v3", '
        '"content/video/status", id].join("/");\nfetch(u(1));\n',
        2,
    ),
    (
        "i.go",
        'package a\nvar base, _ = url.Parse("https://openapi.akool.com/api/open/v3/")\nfunc S(id string) '
        '{\n\tu := base.JoinPath("content", "video", "status", id)\n\thttp.Get(u.String())\n}\n',
        4,
    ),
    (
        "l.py",
        'class A:\n    BASE = "https://openapi.akool.com/api/open/v3"\n    def s(self, v):\n'
        '        return requests.get(f"{type(self).BASE}/content/video/status/{v}")\n',
        4,
    ),
]


@pytest.mark.parametrize(("name", "text", "line"), SPLIT_JOINS, ids=[s[0] for s in SPLIT_JOINS])
def test_a_base_joined_in_pieces_is_read(name: str, text: str, line: int) -> None:
    assert rules(text, name) == [(line, "undocumented-path")]


HURL = """POST https://openapi.akool.com/api/open/v3/content/image/createbyprompt
x-api-key: {{akool_key}}
Content-Type: application/json
{
  "prompt": "a lighthouse at dusk",
  "size": "16:9"
}
HTTP 200
[Captures]
image_id: jsonpath "$.data._id"
"""
CLI = """#!/bin/sh
akool api POST /api/open/v3/content/video/createbytalkingphoto \\
  -f talking_photo_url="$PHOTO" -f audio_url="$AUDIO" -f resolution=720p
akool api GET /api/open/v3/content/video/infobymodelid -f video_model_id=64dd90f9f0b6684651e90d60
"""


def test_a_hurl_requests_body_after_its_headers_is_judged() -> None:
    assert rules(HURL, "image.hurl") == [(6, "misnamed-field")]


def test_the_fields_given_to_akool_api_are_judged_and_patched() -> None:
    found = audit_text(CLI, "use.sh")
    assert [(f.line, f.rule) for f in found] == [(3, "bad-value")]
    assert found[0].fix is not None and found[0].fix.new == "720"


N8N = """{
  "nodes": [
    {
      "parameters": {
        "method": "POST",
        "url": "=https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
        "sendBody": true,
        "specifyBody": "json",
        "jsonBody": "={\\n  \\"talking_photo_url\\": \\"{{ $json.photo }}\\",\\n  \\"audio_url\\": \\"{{ $json.audio }}\\",\\n  \\"resolution\\": \\"4k\\"\\n}"
      },
      "name": "Create",
      "type": "n8n-nodes-base.httpRequest"
    }
  ]
}
"""


def test_an_n8n_http_request_nodes_json_body_is_judged() -> None:
    found = audit_text(N8N, "flow.json")
    assert [(f.line, f.column, f.rule) for f in found] == [
        (9, N8N.splitlines()[8].index("4k") - 1, "bad-value")
    ]


HELD_BASE = """class AkoolImage {
  constructor(key) {
    this.apiUrl = "https://openapi.akool.com/api/open/v3/content/image";
  }
  async create(prompt) {
    return (await fetch(this.apiUrl, { method: "POST", body: JSON.stringify({ prompt, scale: "1:1" }) })).json();
  }
  async info(id) {
    return (await fetch(`${this.apiUrl}/infobymodelid?image_model_id=${id}`)).json();
  }
}
"""


def test_a_held_url_joined_to_and_sent_as_it_is_is_a_call_too() -> None:
    assert rules(HELD_BASE, "img.js") == [(3, "unknown-endpoint")]
    md = "# x\n\n```js\n" + HELD_BASE + "```\n"
    assert rules(md, "README.md") == [(6, "unknown-endpoint")]


PICKED_VERSION = """const cfg = { akool: { host: "openapi.akool.com", version: "v4" } };
export async function tts(key: string, text: string, voice: string) {
  const r = await fetch(`https://${cfg.akool.host}/api/open/${cfg.akool.version}/voice/tts`, {
    method: "POST",
    body: JSON.stringify({ input_text: text, voice_id: voice, voice_options: { speed: 2 } }),
  });
  return (await r.json()).data._id;
}
"""


def test_a_path_under_an_open_api_version_the_code_picks_is_judged() -> None:
    assert rules(PICKED_VERSION, "tts.ts") == [(5, "bad-value")]


def test_a_table_with_a_comment_after_its_bracket_or_past_40_lines_is_read() -> None:
    commented = (
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "STATUS_PATHS = {  # job kind -> status path\n"
        '    "talk": "/content/video/infobymodelid",\n'
        '    "image": "/content/image/status",\n'
        "}\n"
        "def poll(kind, i):\n"
        '    return requests.get(BASE + STATUS_PATHS[kind], params={"_id": i})\n'
    )
    assert rules(commented, "c.py") == [(4, "unknown-endpoint")]
    filler = "".join(f'    "talk{n}": "/content/video/infobymodelid",\n' for n in range(45))
    long = commented.replace('    "image"', filler + '    "image"').replace(
        "  # job kind -> status path", ""
    )
    assert rules(long, "l.py") == [(49, "unknown-endpoint")]

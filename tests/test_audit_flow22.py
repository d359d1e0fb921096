"""Issue 22, flow22: where a call's URL, method and body come from: AKOOL's own generated sample
shapes in every language its docs use (JavaScript's `fetch(url, requestOptions)` with the options
held in a const), bases from framework config, curl's URL on a continuation line, and the false
findings of another vendor's base or Markdown prose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import SHARED

DOCS = SHARED / "akool-docs"
needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="../shared/akool-docs is not beside this checkout"
)
BLOCK = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.M | re.S)
EXTENSION = {"bash": "sh", "java": "java", "js": "js", "php": "php", "python": "py"}
# How each language's generated sample says its method (curl's is implied by --data).
METHOD_SAID = {
    "js": 'method: "POST"',
    "python": 'request("POST"',
    "php": "Request('POST'",
    "java": '.method("POST"',
    "bash": "curl --location",
}
BODY_OPENS = (
    "JSON.stringify(",
    "json.dumps(",
    "$body = '",
    'RequestBody.create(mediaType, "',
    "--data '",
)
KEY = re.compile(r'(\\?")([A-Za-z_]\w*)(\\?"\s*:)')


def doc_samples(lang: str) -> list[tuple[str, str]]:
    """The docs' code samples of a language that POST a JSON body to an AKOOL URL."""
    found = []
    for page in sorted(DOCS.rglob("*.mdx")):
        for m in BLOCK.finditer(page.read_text()):
            code = m.group(2)
            if m.group(1).lower() != lang or "openapi.akool.com/api/open" not in code:
                continue
            if "--request" in code:
                continue  # (a curl sample that says its method: seeded with -X it would say two)
            if METHOD_SAID[lang] in code and _first_key(code) is not None:
                found.append((f"{page.stem}.{EXTENSION[lang]}", code))
    return found


def _first_key(code: str) -> re.Match[str] | None:
    starts = [i for i in (code.find(b) for b in BODY_OPENS) if i >= 0]
    return KEY.search(code, min(starts)) if starts else None


def mistakes(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in ("error", "warning")]


def seeded_field(code: str) -> str:
    """The sample with the first key of its body renamed to one AKOOL does not document."""
    key = _first_key(code)
    assert key is not None
    return code[: key.end(2)] + "Zq" + code[key.end(2) :]


def seeded_method(lang: str, code: str) -> str:
    said = METHOD_SAID[lang]
    if lang == "bash":
        return code.replace(said, "curl -X PUT --location", 1)
    return code.replace(said, said.replace("POST", "PUT"), 1)


@needs_docs
@pytest.mark.parametrize("lang", ["js", "python", "php", "java", "bash"])
def test_docs_generated_samples_with_a_seeded_field_or_method_are_found(lang: str) -> None:
    every = doc_samples(lang)
    samples = [(n, code) for n, code in every if not mistakes(audit_text(code, n))]
    assert (
        len(every) >= 20 and len(samples) >= len(every) - 2
    )  # (background-change's retired replace)
    missed_field = [n for n, code in samples if not mistakes(audit_text(seeded_field(code), n))]
    missed_method = [
        n
        for n, code in samples
        if not any(f.rule == "wrong-method" for f in audit_text(seeded_method(lang, code), n))
    ]
    assert (missed_field, missed_method) == ([], [])


DOCS_SHAPE_JS = """const myHeaders = new Headers();
myHeaders.append("x-api-key", "{{API Key}}");
myHeaders.append("Content-Type", "application/json");

const raw = JSON.stringify({
  "prompt": "Sun Wukong is surrounded by heavenly soldiers",
  "size": "4:3"
});

const requestOptions = {
  method: "POST",
  headers: myHeaders,
  body: raw,
  redirect: "follow"
};

fetch("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", requestOptions)
  .then((response) => response.text());
"""


def test_fetch_options_held_in_a_const_give_the_body() -> None:
    found = audit_text(DOCS_SHAPE_JS, "a.js")
    assert [(f.line, f.rule) for f in found] == [(7, "misnamed-field")]
    inline = 'const requestOptions = { method: "POST", body: JSON.stringify({ "prompt": "a", "size": "4:3" }) };\n'
    inline += 'fetch("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", requestOptions);\n'
    assert [f.rule for f in audit_text(inline, "b.js")] == ["misnamed-field"]


def test_fetch_options_held_in_a_const_give_the_method() -> None:
    text = DOCS_SHAPE_JS.replace('"size"', '"scale"').replace('method: "POST"', 'method: "GET"')
    found = audit_text(text, "a.js")
    assert [(f.line, f.rule) for f in found] == [(17, "wrong-method")]
    assert audit_text(DOCS_SHAPE_JS.replace('"size"', '"scale"'), "a.js") == []


def test_options_held_for_a_get_stay_silent() -> None:
    text = """const options = { method: "GET", headers: { "x-api-key": KEY } };
fetch("https://openapi.akool.com/api/open/v3/faceswap/quota/info", options);
const shared = { method: "POST", headers: h, body: JSON.stringify(payload) };
"""
    assert audit_text(text, "a.js") == []


VENDORS_PY = """import os
import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
HEYGEN = os.environ["HEYGEN_API_URL"]
BASE2 = os.environ["HEYGEN_API_URL"]
heygen_base = get_base()


def akool(photo, audio):
    requests.post(f"{AKOOL}/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio})


def heygen(photo_id):
    requests.post(f"{HEYGEN}/v2/video/generate", json={"video_inputs": []})
    requests.post(f"{BASE2}/v2/video/generate", json={"video_inputs": []})
    requests.post(f"{heygen_base}/v2/video/generate", json={"video_inputs": []})
    requests.post(f"{os.environ['DID_API_URL']}/v2/video/generate", json={})
"""


def test_another_vendors_base_in_a_file_calling_akool_is_not_akools() -> None:
    assert audit_text(VENDORS_PY, "compare.py") == []
    # a base of no vendor's name, joined to the same path, is still judged as AKOOL's
    text = VENDORS_PY.replace("HEYGEN", "API_URL").replace("heygen_base", "api_base")
    assert [f.line for f in audit_text(text, "compare.py")] == [15, 16, 17]


LIST_MD = """# Changelog

- Moved off the old status endpoint, which AKOOL never documented:

    https://openapi.akool.com/api/open/v3/content/video/status/{id}

  We now poll `GET /api/open/v3/content/video/infobymodelid?video_model_id=...`.

1. Call it:

    ```bash
    curl https://openapi.akool.com/api/open/v3/content/image/status
    ```

- Removed:

      curl https://openapi.akool.com/api/open/v3/content/image/statusx

Some text.

    curl https://openapi.akool.com/api/open/v3/content/video/statusx
"""


def test_a_markdown_list_items_indented_paragraph_is_prose_its_code_is_code() -> None:
    found = audit_text(LIST_MD, "CHANGELOG.md")
    assert [f.line for f in found if f.severity == "error"] == [12, 17, 21]


ENV_MD = """# Setup

```bash
AKOOL_API_URL=https://openapi.akool.com/api/open/v3
AKOOL_VIDEO_URL=https://openapi.akool.com/api/open/v3/content/video
export AKOOL_FACESWAP_URL=https://openapi.akool.com/api/open/v3/faceswap/highquality
AKOOL_GUESS_URL=https://openapi.akool.com/api/open/v3/content/video/statusx
```
"""


def test_an_env_lines_path_prefix_of_documented_paths_is_a_base_not_a_call() -> None:
    found = audit_text(ENV_MD, "README.md")
    assert [(f.line, f.rule) for f in found] == [(7, "unknown-endpoint")]
    py = 'VIDEO_URL = "https://openapi.akool.com/api/open/v3/content/video"\n'
    assert audit_text(py, "a.py") == []


CURL_LATER_URL = """curl -s -X POST \\
  https://openapi.akool.com/api/open/v3/content/image/createbyprompt \\
  -H "x-api-key: $KEY" \\
  -d '{"prompt": "k", "scale": "21:9"}'
curl -s -X POST \\
  -H "x-api-key: $KEY" \\
  -d '{"prompt": "l", "scale": "21:9"}' \\
  https://openapi.akool.com/api/open/v3/content/image/createbyprompt
wget -q --method=POST \\
  --body-data '{"prompt": "l", "size": "1:1"}' \\
  https://openapi.akool.com/api/open/v3/content/image/createbyprompt
curl -s \\
  -d '{"prompt": "x", "scale": "1:1"}' \\
  --url https://openapi.akool.com/api/open/v3/content/image/createbyprompt
"""


def test_a_commands_body_is_read_when_its_url_is_on_a_continuation_line() -> None:
    found = audit_text(CURL_LATER_URL, "b.sh")
    assert [(f.line, f.rule) for f in found] == [
        (4, "bad-value"),
        (7, "bad-value"),
        (10, "misnamed-field"),
    ]


RUBY_IVAR = """require "faraday"
BASE = "https://openapi.akool.com/api/open/v3"

class Animator
  def initialize(key)
    @conn = Faraday.new(url: BASE, headers: { "x-api-key" => key })
  end

  def talk
    @conn.post("content/video/createbytalkingphoto", { talking_photo_url: "a", audio_url: "b", resolution: "720p" }.to_json)
  end

  def effects
    JSON.parse(@conn.get("https://openapi.akool.com/api/open/v4/image2Video/effect/list").body)
  end
end
"""


def test_ruby_calls_on_an_instance_variable_faraday_client_are_calls() -> None:
    found = audit_text(RUBY_IVAR, "animator.rb")
    assert [(f.line, f.rule) for f in found] == [(10, "bad-value"), (14, "unknown-endpoint")]
    local = RUBY_IVAR.replace("@conn", "conn").replace("url: BASE", "BASE")
    assert [(f.line, f.rule) for f in audit_text(local, "a.rb")] == [
        (10, "bad-value"),
        (14, "unknown-endpoint"),
    ]


def test_a_decorator_route_at_the_start_of_a_line_stays_a_route() -> None:
    text = """import requests
@app.get("/api/open/v3/content/video/status")
def status():
    return requests.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info").json()
"""
    assert audit_text(text, "server.py") == []


AXIOS = """import axios from "axios";
const BASE = "https://openapi.akool.com/api/open/v3";
export const a = () => axios({ method: "post", baseURL: BASE, url: "/photo/talking", data: {} });
export const b = () => axios.request({ method: "get", baseURL: BASE, url: "/voice/lists" });
export const c = () =>
  axios.post("/content/video/createbytalkingphoto",
    { talking_photo_url: "p", audio_url: "a", resolution: "720p" }, { baseURL: BASE });
export const d = (id) => axios.get("/content/video/status/" + id, { baseURL: BASE });
export const e = () => axios.get("/content/video/infobymodelid", { baseURL: BASE, params: { video_model_id: 1 } });
"""


def test_axios_a_base_given_per_request() -> None:
    found = [(f.line, f.rule) for f in audit_text(AXIOS, "talk.js") if f.severity == "error"]
    assert found == [
        (3, "undocumented-path"),
        (4, "unknown-endpoint"),
        (7, "bad-value"),
        (8, "undocumented-path"),
    ]


SPRING = """package demo;

@Service
public class AkoolClient {
    @Value("${akool.api.url}")
    private String baseUrl;
    @Value("${akool.api-key}") private String apiKey;

    private final RestTemplate restTemplate = new RestTemplate();

    public String talk(Map<String, Object> body) {
        return restTemplate.postForObject(baseUrl + "/content/video/createbytalkingphotox", body, String.class);
    }

    public String status(String id) {
        return restTemplate.getForObject(baseUrl + "/content/video/infobymodelid?video_model_id=" + id, String.class);
    }
}
"""
DOTNET = """public class AkoolService
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    public AkoolService(HttpClient http, IConfiguration configuration)
    {
        _http = http;
        _baseUrl = configuration["Akool:BaseUrl"];
    }
    public async Task<string> Talk()
    {
        var res = await _http.PostAsJsonAsync($"{_baseUrl}/content/video/createbytalkingphotox", new { talking_photo_url = "a" });
        return await res.Content.ReadAsStringAsync();
    }
}
"""
NODE_CONFIG = """const config = require("config");
const base = config.get("akool.baseUrl");
const hook = config.get("akool.webhookUrl");
export const talk = () => axios.post(`${base}/content/video/createbytalkingphotox`, {});
export const mine = () => axios.post(`${hook}/content/video/createbytalkingphotox`, {});
"""


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [(SPRING, "AkoolClient.java", 12), (DOTNET, "AkoolService.cs", 12), (NODE_CONFIG, "a.js", 4)],
)
def test_a_base_from_a_frameworks_config_key_named_for_akool(
    text: str, name: str, line: int
) -> None:
    found = audit_text(text, name)
    assert [(f.line, f.rule) for f in found] == [(line, "unknown-endpoint")]
    # a key that does not say AKOOL's base gives no base
    other = text.replace("akool.api.url", "vendor.api.url").replace(
        "Akool:BaseUrl", "Vendor:BaseUrl"
    )
    assert audit_text(other.replace("akool.baseUrl", "vendor.baseUrl"), name) == []


def test_a_spring_propertys_default_is_a_literal_base() -> None:
    text = SPRING.replace(
        "${akool.api.url}", "${akool.api.url:https://openapi.akool.com/api/open/v3}"
    )
    found = audit_text(text, "AkoolClient.java")
    assert [(f.line, f.rule) for f in found] == [(12, "unknown-endpoint")]
    assert "as /api/open/v3/content/video/createbytalkingphotox" in found[0].message


OWN_FETCH = """const envOr = (k: string, d: string) => process.env[k] ?? d;
const TALK_PATH = envOr("AKOOL_TALK_PATH", "/api/open/v3/content/video/createbytalkingphoto");
const JOB = { talking_photo_url: "a", audio_url: "b", quality: "hd" };
async function ownFetch(url: string, opts: RequestInit) {
  return fetch(url, { ...opts, headers: { ...(opts.headers || {}), "x-api-key": KEY } });
}
export const c = () => ownFetch(`https://openapi.akool.com${TALK_PATH}`, { method: "POST", body: JSON.stringify(JOB) });
"""


def test_a_literal_akool_host_joined_to_a_path_name_from_an_env_helper() -> None:
    found = audit_text(OWN_FETCH, "provider.ts")
    assert [(f.line, f.rule) for f in found] == [(3, "unknown-field")]
    concat = OWN_FETCH.replace(
        "`https://openapi.akool.com${TALK_PATH}`", '"https://openapi.akool.com" + TALK_PATH'
    )
    assert [(f.line, f.rule) for f in audit_text(concat, "provider.ts")] == [(3, "unknown-field")]
    py = (
        'import os, requests\nTALK = os.getenv("AKOOL_TALK", "/api/open/v3/content/video/createbytalkingphoto")\n'
        'requests.post(f"https://openapi.akool.com{TALK}", json={"talking_photo_url": "a", "audio": "b"})\n'
    )
    assert [(f.line, f.rule) for f in audit_text(py, "a.py")] == [(3, "misnamed-field")]


RETROFIT_JAVA = """package com.example.net;

import retrofit2.Call;
import retrofit2.http.*;

public interface AkoolService {
    String BASE_URL = "https://openapi.akool.com/api/open/v3/";

    @POST("content/video/infobymodelid")
    Call<Object> info(@Body Object body);

    @GET("voice/lists")
    Call<Object> voices();

    @GET("content/video/infobymodelid")
    Call<Object> result(@Query("video_model_id") String id);
}
"""
RETROFIT_KT = """interface AkoolApi {
    @POST("/api/open/v3/content/video/infobymodelid")
    suspend fun info(@Body b: Map<String, String>): Map<String, Any>

    @GET("/api/open/v3/voice/lists")
    suspend fun voices(): Map<String, Any>
}
"""


def test_retrofit_paths_join_the_files_base_without_a_builder_in_view() -> None:
    found = audit_text(RETROFIT_JAVA, "AkoolService.java")
    assert [(f.line, f.rule) for f in found] == [(9, "wrong-method"), (12, "unknown-endpoint")]
    found = audit_text(RETROFIT_KT, "AkoolApi.kt")
    assert [(f.line, f.rule) for f in found] == [(2, "wrong-method"), (5, "unknown-endpoint")]


def test_a_retrofit_interface_that_names_akool_has_akools_base() -> None:
    text = (Path(__file__).parent / "audit_corpus" / "flow22" / "AkoolRetro.kt").read_text()
    found = audit_text(text, "AkoolRetro.kt")
    assert [(f.line, f.rule) for f in found] == [(15, "unknown-endpoint"), (18, "wrong-method")]
    other = text.replace("AkoolApi", "GithubApi").replace("akool", "")
    assert audit_text(other, "GithubApi.kt") == []


def test_a_method_held_in_a_name_given_to_the_call() -> None:
    go = """package main

func main() {
  url := "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
  method := "GET"
  payload := strings.NewReader(`{"prompt": "a", "scale": "1:1"}`)
  req, _ := http.NewRequest(method, url, payload)
  http.DefaultClient.Do(req)
}
"""
    assert [(f.line, f.rule) for f in audit_text(go, "main.go")] == [(7, "wrong-method")]
    assert audit_text(go.replace('"GET"', '"POST"'), "main.go") == []

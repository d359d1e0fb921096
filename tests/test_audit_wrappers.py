"""Paths given to a script's own wrapper function that joins them to a base (issue 21, a held-out
miss): each call of the wrapper is a call of the joined endpoint, at the call's line, with the
method the wrapper sends (or the one the call passes it) and the call's body as its fields; a
wrapper on another host, or a function that joins no parameter, makes no AKOOL call. Also: fields
added to a body after its literal, and undocumented paths on AKOOL's API host outside /api/open."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
TALKING = "/content/video/createbytalkingphoto"
INFO = "/content/video/infobymodelid"  # documented as a GET
IMAGE = "/content/image/createbyprompt"  # documents `scale`, not `size`


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings)


# -- 1. wrappers that join a path argument to a base -------------------------------------------

PY_TWO_LINES = f'''import requests

class Akool:
    def __init__(self, key, base_url: str = "{V3}"):
        self.base_url = base_url
        self.session = requests.Session()

    def _post(self, path, payload):
        url = self.base_url + path
        r = self.session.post(url, json=payload)
        return r.json()

    def _get(self, path, params=None):
        url = f"{{self.base_url}}/{{path.lstrip('/')}}"
        return self.session.get(url, params=params).json()

    def talk(self):
        return self._post("{TALKING}", {{"talking_photo_url": "a", "resolution": "720p"}})

    def info(self, vid):
        return self._post("{INFO}", {{"video_model_id": vid}})

    def status(self, vid):
        return self._get("/content/video/status/{{vid}}")
'''

PY_METHOD_ARGUMENT = f'''import requests
BASE = "{V3}"

def akool_request(method, path, body=None):
    resp = requests.request(method, f"{{BASE}}{{path}}", json=body)
    return resp.json()

akool_request("GET", "{INFO}", {{"video_model_id": "1"}})
akool_request("POST", "{INFO}", {{"video_model_id": "1"}})
akool_request("POST", "{TALKING}", {{"talking_photo_url": "a", "resolution": "720p"}})
'''

JS_ARROW_NO_SEMICOLONS = f"""const BASE_URL = process.env.AKOOL_BASE_URL || '{V3}'

const request = async (endpoint, body) => {{
  const res = await fetch(`${{BASE_URL}}${{endpoint}}`, {{
    method: 'POST',
    headers: {{ 'x-api-key': process.env.KEY }},
    body: JSON.stringify(body)
  }})
  return res.json()
}}

async function run () {{
  await request('{TALKING}', {{ talking_photo_url: 'a', resolution: '720p' }})
  await request('{IMAGE}', {{ prompt: 'x', size: '1:1' }})
  await request('{INFO}', {{ video_model_id: 'x' }})
}}
"""

TS_CLASS_METHOD_ARGUMENT = f"""export class Akool {{
  private baseUrl: string
  constructor(opts: {{ baseUrl?: string }} = {{}}) {{
    this.baseUrl = opts.baseUrl ?? '{V3}'
  }}
  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {{
    const url = this.baseUrl + path
    const res = await fetch(url, {{ method, body: JSON.stringify(body) }})
    return (await res.json()) as T
  }}
  talk() {{
    return this.call('POST', '{TALKING}', {{ talking_photo_url: 'a', resolution: '720p' }})
  }}
  info() {{
    return this.call('POST', '{INFO}', {{ video_model_id: 'x' }})
  }}
}}
"""

SHELL_FUNCTION_KEYWORD = f"""#!/usr/bin/env bash
AKOOL_API="{V3}"
function akool {{
  local method="$1" path="$2" body="$3"
  curl -sS -X "$method" "${{AKOOL_API}}${{path}}" -H "x-api-key: $KEY" -d "$body"
}}
akool POST {IMAGE} '{{"prompt":"x","size":"1:1"}}'
akool POST "{INFO}?video_model_id=1"
akool GET "{INFO}?video_model_id=1"
"""

GO_SPRINTF = f"""package main

import ("bytes"; "encoding/json"; "fmt"; "net/http")

const baseURL = "{V3}"

func post(path string, body map[string]any) (*http.Response, error) {{
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s%s", baseURL, path), bytes.NewReader(b))
	return http.DefaultClient.Do(req)
}}

func main() {{
	post("{IMAGE}", map[string]any{{"prompt": "x", "size": "1:1"}})
	post("{INFO}", nil)
}}
"""

PHP_INTERPOLATED = f"""<?php
class Akool {{
    private $baseUrl = '{V3}';
    private function post($path, $data) {{
        $ch = curl_init("{{$this->baseUrl}}{{$path}}");
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));
        return curl_exec($ch);
    }}
    public function img() {{
        return $this->post('{IMAGE}', ['prompt' => 'x', 'size' => '1:1']);
    }}
}}
"""

JAVA_FORMAT = f"""public class Akool {{
    private static final String BASE = "{V3}";
    private String post(String path, String json) throws IOException {{
        Request req = new Request.Builder().url(String.format("%s%s", BASE, path)).post(RequestBody.create(json, JSON)).build();
        return client.newCall(req).execute().body().string();
    }}
    public void talk() throws IOException {{
        post("/photo/talking", "{{}}");
        post("{INFO}", "{{}}");
    }}
}}
"""

CS_INTERPOLATED = f"""public class Akool {{
    private readonly HttpClient _http = new HttpClient();
    private readonly string _baseUrl = "{V3}";
    private async Task<string> Send(string path, object body) {{
        var res = await _http.PostAsync($"{{_baseUrl}}{{path}}", new StringContent(JsonSerializer.Serialize(body)));
        return await res.Content.ReadAsStringAsync();
    }}
    public Task<string> Info() => Send("{INFO}", new {{ }});
}}
"""


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [
        # the undocumented status path through _get; 720p through _post; a POST to a GET
        (
            "client.py",
            PY_TWO_LINES,
            [
                (18, "bad-value"),
                (18, "missing-field"),
                (21, "wrong-method"),
                (24, "undocumented-path"),
            ],
        ),
        (
            "methods.py",
            PY_METHOD_ARGUMENT,
            [(9, "wrong-method"), (10, "bad-value"), (10, "missing-field")],
        ),
        (
            "api.js",
            JS_ARROW_NO_SEMICOLONS,
            [
                (13, "bad-value"),
                (13, "missing-field"),
                (14, "misnamed-field"),
                (15, "wrong-method"),
            ],
        ),
        ("akool.ts", TS_CLASS_METHOD_ARGUMENT, [(12, "bad-value"), (15, "wrong-method")]),
        ("akool.sh", SHELL_FUNCTION_KEYWORD, [(7, "misnamed-field"), (8, "wrong-method")]),
        ("main.go", GO_SPRINTF, [(14, "misnamed-field"), (15, "wrong-method")]),
        ("Akool.php", PHP_INTERPOLATED, [(10, "misnamed-field")]),
        ("Akool.java", JAVA_FORMAT, [(8, "undocumented-path"), (9, "wrong-method")]),
        ("Akool.cs", CS_INTERPOLATED, [(8, "wrong-method")]),
    ],
)
def test_a_wrappers_calls_are_its_joined_endpoints(
    name: str, text: str, want: list[tuple[int, str]]
) -> None:
    assert places(audit_text(text, name)) == want


def test_a_wrapper_called_eight_times_is_eight_calls() -> None:
    calls = "".join(
        f'_post("{TALKING}", {{"talking_photo_url": "p{n}", "resolution": "720p"}})\n'
        for n in range(8)
    )
    text = (
        f'import requests\nBASE = "{V3}"\n\n'
        "def _post(path, payload):\n"
        "    return requests.post(BASE + path, json=payload)\n\n" + calls
    )
    found = places(audit_text(text, "many.py"))
    # (each talking-photo body also lacks audio_url, and the helper sends it unchanged)
    assert found == [(7 + n, rule) for n in range(8) for rule in ("bad-value", "missing-field")]


def test_the_wrappers_method_is_the_calls_and_its_path_the_calls_place() -> None:
    text = (
        f'BASE = "{V3}"\n'
        "def _post(path, payload):\n"
        "    url = BASE + path\n"
        "    return requests.post(url, json=payload).json()\n"
        f'_post("{INFO}", {{"video_model_id": "1"}})\n'
    )
    (found,) = audit_text(text, "m.py")
    assert (found.line, found.column, found.rule, found.found) == (5, 8, "wrong-method", "POST")
    assert found.documented == f"GET /api/open/v3{INFO}"


# -- over-reach: not every function is a wrapper of AKOOL's ------------------------------------


def test_a_wrapper_on_another_host_makes_no_akool_call() -> None:
    text = (
        f'AKOOL = "{V3}"\n'
        'LOCAL = "http://localhost:3007"\n'
        "def own(path, payload):\n"
        "    url = LOCAL + path\n"
        "    return requests.post(url, json=payload)\n"
        "def akool(path, payload):\n"
        "    return requests.post(AKOOL + path, json=payload)\n"
        f'own("{TALKING}", {{"resolution": "720p"}})\n'
        f'own("/content/video/status/1", {{}})\n'
        f'akool("{TALKING}", {{"talking_photo_url": "a", "resolution": "720p"}})\n'
    )
    assert places(audit_text(text, "two.py")) == [(10, "bad-value"), (10, "missing-field")]


def test_a_js_wrapper_on_the_scripts_own_server_makes_no_akool_call() -> None:
    text = (
        f"const AKOOL = '{V3}'\n"
        "const SERVER = 'http://localhost:8080/api'\n"
        "const api = (endpoint, body) => fetch(`${SERVER}${endpoint}`, { method: 'POST', body })\n"
        f"api('{TALKING}', {{ resolution: '720p' }})\n"
        f"fetch(`${{AKOOL}}{TALKING}`, {{ method: 'POST', body: JSON.stringify({{ talking_photo_url: 'a', audio_url: 'b' }}) }})\n"
    )
    assert places(audit_text(text, "own.js")) == []


def test_a_function_that_joins_no_parameter_is_not_a_wrapper() -> None:
    text = (
        f'BASE = "{V3}"\n'
        'ENDPOINT = "/content/video/infobymodelid"\n'
        "def download(path, dest):\n"
        "    url = BASE + ENDPOINT\n"
        "    r = requests.get(url)\n"
        "    open(dest, 'wb').write(r.content)\n"
        'download("content/video/result.mp4", "out.mp4")\n'
        "def save(name, data):\n"
        "    suffix = name + '.json'\n"
        "    open(BASE + suffix, 'w')\n"
        'save("content/video/meta", {})\n'
    )
    assert places(audit_text(text, "dl.py")) == []


def test_a_shell_function_that_joins_no_argument_is_not_a_wrapper() -> None:
    text = (
        f'BASE="{V3}"\n'
        'log() { echo "$BASE$SUFFIX: $1" >> calls.log; }\n'
        "log /content/video/result/42\n"
        f'curl -s "$BASE{INFO}?video_model_id=1"\n'
    )
    assert places(audit_text(text, "log.sh")) == []


# -- 2. fields added to a body after its literal ------------------------------------------------


def test_fields_assigned_to_a_body_go_to_the_wrappers_call() -> None:
    text = (
        f"const API = '{V3}'\n"
        "async function akoolFetch(path: string, body: unknown) {\n"
        "  const r = await fetch(API + path, { method: 'POST', body: JSON.stringify(body) })\n"
        "  return r.json()\n"
        "}\n"
        "export async function go(url: string) {\n"
        "  const body: Record<string, unknown> = { prompt: 'x' }\n"
        "  body.size = '1:1'\n"
        "  body['webhook_url'] = url\n"
        f"  await akoolFetch('{IMAGE}', body)\n"
        "}\n"
    )
    assert places(audit_text(text, "gen.ts")) == [(8, "misnamed-field"), (9, "misnamed-field")]


def test_python_payload_keys_set_later_go_to_the_wrappers_call() -> None:
    text = (
        f'BASE = "{V3}"\n'
        "def _post(path, payload):\n"
        "    return requests.post(f'{BASE}{path}', json=payload)\n"
        "payload = {'talking_photo_url': 'a'}\n"
        "payload['resolution'] = '720p'\n"
        f"_post('{TALKING}', payload)\n"
    )
    assert places(audit_text(text, "later.py")) == [(5, "bad-value")]


# -- 3. AKOOL's API host with a path outside /api/open -----------------------------------------


def test_undocumented_paths_on_the_api_host_are_findings_with_the_replacement() -> None:
    text = (
        "import requests\n"
        'requests.post("https://openapi.akool.com/oauth2/token", json={"clientId": "a"})\n'
        'requests.get("https://openapi.akool.com/api/v1/faceswap/result")\n'
        'requests.post("https://openapi.akool.com/api/open/faceswap/highquality/specifyimage")\n'
        "# docs: https://docs.akool.com/authentication/usage and https://akool.com/pricing\n"
        'print("see https://docs.akool.com/ai-tools-suite/faceswap")\n'
        'requests.get("https://openapi.akool.com/api/your-endpoint")\n'
        'requests.post("https://openapi.akool.com/interface/detect-api/detect_faces", json={})\n'
    )
    found = audit_text(text, "hosts.py")
    assert [(f.line, f.rule) for f in found] == [
        (2, "unknown-endpoint"),
        (3, "unknown-endpoint"),
        (4, "unknown-endpoint"),
    ]
    assert "/api/open/v3/getToken" in found[0].documented
    assert "/api/open/v3/faceswap/highquality/specifyimage" in found[2].documented


def test_a_joined_oauth_path_on_the_api_host_is_a_finding() -> None:
    text = (
        'HOST = "https://openapi.akool.com"\n'
        'requests.post(f"{HOST}/oauth/token", json={"clientId": "a", "clientSecret": "b"})\n'
        'requests.post(f"{HOST}/api/open/v3/getToken", json={"clientId": "a", "clientSecret": "b"})\n'
    )
    found = audit_text(text, "oauth.py")
    assert [(f.line, f.rule) for f in found if f.severity == "error"] == [(2, "unknown-endpoint")]
    assert "/api/open/v3/getToken" in found[0].documented


def test_a_wrappers_base_whose_version_is_a_variable_takes_any_documented_version() -> None:
    text = (
        "export class Api {\n"
        '  constructor(version: "v3" | "v4" = "v3") {\n'
        "    this.base = `/api/open/${version}`\n"
        "  }\n"
        "  async request<T>(path: string, opts: RequestInit = {}): Promise<T> {\n"
        "    const res = await fetch(`${this.base}${path}`, { ...opts })\n"
        "    return (await res.json()) as T\n"
        "  }\n"
        '  batch() { return this.request("/image2Video/createBySourcePrompt/batch", {}) }\n'
        '  wrong() { return this.request("/image2Video/createBySourcePrompt/many", {}) }\n'
        "  static async token() {\n"
        f'    const base = "{V3}"\n'
        "    return fetch(`${base}/getToken`, { method: 'POST' })\n"
        "  }\n"
        "}\n"
    )
    assert places(audit_text(text, "api.ts")) == [
        (10, "unknown-endpoint"),
        (13, "legacy-token-flow"),
    ]


def test_an_interpolated_path_given_to_a_wrapper_is_its_call() -> None:
    text = (
        f'BASE = "{V3}"\n'
        "def _get(path, params=None):\n"
        "    return requests.get(f\"{BASE}/{path.lstrip('/')}\", params=params).json()\n"
        'def status(vid):\n    return _get(f"/content/video/status/{vid}")\n'
    )
    assert places(audit_text(text, "status.py")) == [(5, "undocumented-path")]


def test_an_api_host_url_held_in_a_name_is_a_call() -> None:
    text = (
        'TOKEN_URL = "https://openapi.akool.com/oauth2/token"\n'
        'OLD = "https://openapi.akool.com/api/v1/faceswap/result/"\n'
        "r = requests.post(TOKEN_URL, json={'clientId': 'a', 'clientSecret': 'b'})\n"
        "s = requests.get(OLD + job)\n"
    )
    assert places(audit_text(text, "held.py")) == [(1, "unknown-endpoint"), (2, "unknown-endpoint")]


# -- wrappers of wrappers, wrappers called in a substitution, method constants ----------------


def test_a_wrapper_that_passes_its_path_to_a_url_builder_is_a_wrapper_too() -> None:
    text = (
        "import requests\n"
        "class C:\n"
        f'    BASE = "{V3}"\n'
        "    def _url(self, path):\n"
        '        return f"{self.BASE}{path}"\n'
        "    def _post(self, path, body):\n"
        "        return requests.post(self._url(path), json=body).json()\n"
        "    def _request(self, method, path, **kwargs):\n"
        "        return requests.request(method, self._url(path), **kwargs)\n"
        "    def run(self):\n"
        f'        self._post("{TALKING}", {{"talking_photo_url": "a", "audio_url": "b", "resolution": "720p"}})\n'
        f'        self._request("POST", "{INFO}", params={{"video_model_id": "1"}})\n'
    )
    assert places(audit_text(text, "c.py")) == [(11, "bad-value"), (12, "wrong-method")]


def test_a_shell_wrapper_called_inside_a_substitution() -> None:
    text = (
        "#!/bin/bash\n"
        f'API="{V3}"\n'
        "post() {\n"
        '  curl -s -X POST "$API$1" -H "x-api-key: $K" -d "$2"\n'
        "}\n"
        f'RESP=$(post {IMAGE} \'{{"prompt":"x","size":"1:1"}}\')\n'
        "OUT=$(post \"/photo/talking\" '{}')\n"
        f'INFO=`post "{INFO}?video_model_id=1"`\n'
    )
    assert places(audit_text(text, "sub.sh")) == [
        (6, "misnamed-field"),
        (7, "undocumented-path"),
        (8, "wrong-method"),
    ]


def test_a_method_constant_given_to_a_wrapper() -> None:
    text = (
        "package main\n"
        f'const apiBase = "{V3}"\n'
        "func (c *Client) do(method, path string, body any) (*http.Response, error) {\n"
        "\turl := apiBase + path\n"
        "\treq, _ := http.NewRequest(method, url, nil)\n"
        "\treturn http.DefaultClient.Do(req)\n"
        "}\n"
        "func main() {\n"
        f'\tc.do(http.MethodPost, "{INFO}", nil)\n'
        f'\tc.do(http.MethodGet, "{INFO}?video_model_id=1", nil)\n'
        "}\n"
    )
    assert places(audit_text(text, "do.go")) == [(9, "wrong-method")]


def test_a_kotlin_constructor_property_is_a_wrappers_base() -> None:
    text = (
        f'class Akool(private val baseUrl: String = "{V3}") {{\n'
        "    private fun post(path: String, body: Map<String, Any>): String {\n"
        '        val url = "$baseUrl$path"\n'
        "        val req = Request.Builder().url(url).post(JSONObject(body).toString().toRequestBody()).build()\n"
        "        return client.newCall(req).execute().body!!.string()\n"
        "    }\n"
        f'    fun info() = post("{INFO}", mapOf("video_model_id" to "x"))\n'
        "}\n"
    )
    assert places(audit_text(text, "Akool.kt")) == [(7, "wrong-method")]


# -- wrappers around a client that has the base; Go's ctx first; bases in inline literals ------


def test_a_wrapper_around_a_client_with_a_base_url() -> None:
    js = (
        "const axios = require('axios')\n"
        f"const api = axios.create({{ baseURL: '{V3}', headers: {{ 'x-api-key': KEY }} }})\n"
        "async function call (path, data) {\n"
        "  const res = await api.post(path, data)\n"
        "  return res.data\n"
        "}\n"
        f"call('{INFO}', {{ video_model_id: 'x' }})\n"
        f"call('{IMAGE}', {{ prompt: 'x', size: '1:1' }})\n"
    )
    assert places(audit_text(js, "ax.js")) == [(7, "wrong-method"), (8, "misnamed-field")]
    py = (
        "import httpx\n"
        "class Akool:\n"
        "    def __init__(self, key):\n"
        f'        self.client = httpx.Client(base_url="{V3}", headers={{"x-api-key": key}})\n'
        "    def _post(self, path, body):\n"
        "        r = self.client.post(path, json=body)\n"
        "        return r.json()\n"
        "    def img(self):\n"
        f'        return self._post("{IMAGE}", {{"prompt": "x", "size": "1:1"}})\n'
    )
    assert places(audit_text(py, "hx.py")) == [(9, "misnamed-field")]


def test_a_raw_http_module_given_a_parameter_is_no_client_wrapper() -> None:
    text = (
        f"const api = axios.create({{ baseURL: '{V3}' }})\n"
        "async function own (path, data) {\n"
        "  return axios.post(path, data)\n"
        "}\n"
        "own('/content/video/status/1', {})\n"
    )
    assert places(audit_text(text, "own.js")) == []


def test_a_go_wrapper_taking_a_context_first_and_a_base_in_a_struct_literal() -> None:
    text = (
        "package akool\n"
        "type Client struct { baseURL string; key string }\n"
        f'func New(key string) *Client {{ return &Client{{baseURL: "{V3}", key: key}} }}\n'
        "func (c *Client) post(ctx context.Context, path string, in any) error {\n"
        "\treq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, nil)\n"
        "\t_ = req\n"
        "\treturn err\n"
        "}\n"
        "func (c *Client) Info(ctx context.Context) error {\n"
        f'\treturn c.post(ctx, "{INFO}", nil)\n'
        "}\n"
    )
    assert places(audit_text(text, "client.go")) == [(10, "wrong-method")]


def test_a_wrapper_method_of_an_imported_module_is_followed(tmp_path: Path) -> None:
    (tmp_path / "akool_client.py").write_text(
        "import requests\n"
        f'BASE = "{V3}"\n'
        "class AkoolClient:\n"
        "    def _send(self, path, payload):\n"
        "        return requests.post(BASE + path, json=payload).json()\n",
        encoding="utf-8",
    )
    (tmp_path / "main.py").write_text(
        "from akool_client import AkoolClient\n"
        "c = AkoolClient()\n"
        f'c._send("{IMAGE}", {{"prompt": "x", "size": "1:1"}})\n',
        encoding="utf-8",
    )
    (tmp_path / "other.py").write_text(
        "import billing\n"
        "b = billing.Client()\n"
        f'b._send("{IMAGE}", {{"prompt": "x", "size": "1:1"}})\n',
        encoding="utf-8",
    )
    found = audit([tmp_path]).findings
    assert [(Path(f.file).name, f.line, f.rule) for f in found] == [
        ("main.py", 3, "misnamed-field")
    ]

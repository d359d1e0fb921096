"""Issue 22, body22: request bodies and fields in typed languages (Go, Kotlin, Java, C#), query
parameters set by a request builder, CLI option defaults sent as fields, twins of documented
fields, and what the audit's messages and header warnings say."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def seen(findings: list[Finding]) -> list[tuple[int, str, str, str]]:
    """(line, rule, found, documented) of the findings that are not info."""
    return sorted((f.line, f.rule, f.found, f.documented) for f in findings if f.severity != "info")


def rules_of(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule, f.found) for f in findings if f.severity != "info"}


# -- final read: an object wrapping the answer, read as `sw.d` and `sw["d"]` on one line --------------

WRAPPED = """async function post(url, body) {
  const r = await fetch(url, { method: "POST", headers: { "x-api-key": KEY }, body: JSON.stringify(body) });
  const d = await r.json();
  return { status: r.status, d };
}

async function main() {
  const sw = await post("V3/faceswap/highquality/specifyimage", { sourceImage: [], targetImage: [], face_enhance: 0, modifyImage: "u" });
  console.log(sw.d.code, sw["d"].message);
}
""".replace("V3", V3)


def test_a_wrapped_answer_read_under_keys_of_two_lengths_on_one_line_is_judged_at_each() -> None:
    got = rules_of(audit_text(WRAPPED, "sw.js"))
    assert ("answer-field", "message") in got


# -- break21d #5: a block given to the call sets the query (Ktor's parameter(), Faraday's params) ----

KTOR = """import io.ktor.client.HttpClient
import io.ktor.client.request.*

class Poll(private val http: HttpClient, private val key: String) {
    private val base = "V3"

    suspend fun poll(id: String): String =
        http.get("$base/content/video/infobymodelid") {
            header("x-api-key", key)
            parameter("%s", id)
        }.body()
}
"""
FARADAY = """require "faraday"
conn = Faraday.new(url: "https://openapi.akool.com")
res = conn.get("/api/open/v3/content/video/infobymodelid") do |req|
  req.headers["x-api-key"] = ENV["AKOOL_KEY"]
  req.params["%s"] = id
end
"""


@pytest.mark.parametrize(
    ("name", "shape"), [("Poll.kt", KTOR.replace("V3", V3)), ("f.rb", FARADAY)]
)
def test_a_query_parameter_set_in_the_call_s_block_is_sent(name: str, shape: str) -> None:
    assert seen(audit_text(shape % "video_model_id", name)) == []
    wrong = rules_of(audit_text(shape % "videoModelId", name))
    assert wrong == {("misnamed-field", "videoModelId")}


def test_a_block_given_to_the_call_may_add_to_the_query() -> None:
    text = KTOR.replace(
        '            parameter("%s", id)\n', "            url { encodedParameters.appendAll(p) }\n"
    )
    assert seen(audit_text(text.replace("V3", V3), "Poll.kt")) == []


# -- both-auth-headers: only on a request to AKOOL, never from a description's prose ------------------

GATEWAY = """import os, requests
AK = {"x-api-key": os.environ["AKOOL_API_KEY"]}
GW = "https://abc123.execute-api.us-east-1.amazonaws.com/prod"

def credit():
    return requests.get("V3/faceswap/quota/info", headers=AK).json()["data"]["credit"]

def notify(token, payload):
    return requests.post(f"{GW}/renders", json=payload, headers={"x-api-key": os.environ["GW_KEY"], "Authorization": f"Bearer {token}"})

def other(token, payload):
    return requests.post("https://api.example.com/v1/jobs", json=payload, headers={"x-api-key": "k", "Authorization": f"Bearer {token}"})
""".replace("V3", V3)


def test_both_auth_headers_on_a_request_to_another_host_are_not_akool_s() -> None:
    assert not any(f.rule == "both-auth-headers" for f in audit_text(GATEWAY, "gw.py"))


POSTMAN = """{
  "info": {
    "name": "AKOOL",
    "description": "Auth: send `x-api-key: <key>` or `Authorization: Bearer <token>` (not both).",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
  },
  "item": [
    {
      "name": "quota",
      "request": {
        "method": "GET",
        "header": [{"key": "x-api-key", "value": "{{key}}"}],
        "url": {"raw": "V3/faceswap/quota/info"}
      }
    }
  ]
}
""".replace("V3", V3)


def test_headers_named_in_a_description_s_prose_are_not_set() -> None:
    assert not any(f.rule == "both-auth-headers" for f in audit_text(POSTMAN, "c.postman.json"))


FAR = (
    'const AKOOL_URL = "V3/content/video/createbytalking";\n'.replace("V3", V3)
    + "".join(f"// {i}\n" for i in range(30))
    + """export async function make(key: string, token: string) {
  const res = await fetch(AKOOL_URL, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: "p", audio_url: "a" }),
  });
  return res.json();
}
"""
)


def test_both_auth_headers_on_a_fetch_to_an_akool_url_held_in_a_const_far_above() -> None:
    found = [f for f in audit_text(FAR, "far.ts") if f.rule == "both-auth-headers"]
    assert [f.line for f in found] == [35]


# -- messages -------------------------------------------------------------------------------------------


def test_a_bare_curl_s_guessed_path_is_said_with_the_call_s_method() -> None:
    text = "curl https://openapi.akool.com/api/open/v3/photo/talking\n"
    (found,) = [f for f in audit_text(text, "t.sh") if f.rule == "undocumented-path"]
    assert found.message.startswith("GET /api/open/v3/photo/talking is not")


def test_an_unknown_path_suggests_the_documented_one_of_its_own_version() -> None:
    text = f'import requests\nrequests.get("{V3}/voice/lists", headers={{"x-api-key": k}})\n'
    (found,) = [f for f in audit_text(text, "l.py") if f.rule == "unknown-endpoint"]
    assert found.documented.startswith("GET /api/open/v3/voice/list ")
    text = text.replace("/v3/", "/v4/")
    (found,) = [f for f in audit_text(text, "l.py") if f.rule == "unknown-endpoint"]
    assert found.documented.startswith("GET /api/open/v4/voice/list ")


# -- Go: answers decoded into structs and read through JSON wrappers; bodies of named types -----------

GO_LIST = """package akool

func (c *Client) Results(ids string) error {
	url := fmt.Sprintf("%s/api/open/v3/faceswap/result/listbyids?_ids=%s", apiBase, ids)
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Code int `json:"code"`
		Data struct {
			Result []struct {
				ID     string `json:"_id"`
				Status int    `json:"status"`
			} `json:"result"`
		} `json:"data"`
	}
	return json.NewDecoder(resp.Body).Decode(&out)
}

const apiBase = "https://openapi.akool.com"
"""


def test_a_guessed_item_field_in_a_go_struct_tag_is_an_error_after_http_method_get() -> None:
    found = [f for f in audit_text(GO_LIST, "list.go") if f.found == "status"]
    assert [(f.line, f.rule) for f in found] == [(19, "response-field")]


GO_TOKEN = """package main

type JSONMap map[string]interface{}

func (m JSONMap) GetString(key string) string { s, _ := m[key].(string); return s }

func getToken(id, secret string) (string, error) {
	body, _ := json.Marshal(map[string]string{"clientId": id, "clientSecret": secret})
	resp, err := http.Post("V3/getToken", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var res JSONMap
	if err := json.Unmarshal(raw, &res); err != nil {
		return "", err
	}
	if res.GetString("code") != "1000" {
		return "", errors.New(res.GetString("message"))
	}
	return res.GetString("token"), nil
}

func getToken2(id, secret string) string {
	resp, _ := http.Post("V3/getToken", "application/json", nil)
	js, _ := simplejson.NewFromReader(resp.Body)
	fmt.Println(js.Get("message").MustString())
	return js.Get("token").MustString()
}
""".replace("V3", V3)


def test_go_answers_read_through_a_json_map_s_get_are_judged() -> None:
    found = seen(audit_text(GO_TOKEN, "token.go"))
    assert found == [
        (20, "answer-field", "message", "msg"),
        (28, "answer-field", "message", "msg"),
    ]


GO_SWAP = """package main

func swap(key, src, tgt, opts string) {
	targetImage := g.Slice{}
	targetImage = append(targetImage, g.Map{"path": tgt, "opts": opts})
	sourceImage := jsonArray{}
	sourceImage = append(sourceImage, g.Map{"path": src})
	body := g.Map{
		"targetImage":  targetImage,
		"sourceImage":  sourceImage,
		"face_enhance": 0,
		"modifyImage":  tgt,
	}
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", "V3/faceswap/highquality/specifyimage", bytes.NewReader(b))
	req.Header.Set("x-api-key", key)
	http.DefaultClient.Do(req)
}
""".replace("V3", V3)


def test_an_empty_go_literal_of_a_named_type_appended_to_is_no_object() -> None:
    assert seen(audit_text(GO_SWAP, "swap.go")) == []
    wrong = GO_SWAP.replace("jsonArray{}", 'g.Map{"path": src}')
    assert ("bad-value", "sourceImage") in rules_of(audit_text(wrong, "swap.go"))


# -- a URL held in an object's field, passed to the call as `c.field` --------------------------------

FIELD_URL = {
    "c.js": """class Akool {
  constructor(key) {
    this.key = key;
    this.talkUrl = "V3/content/video/createbytalkingphoto";
  }
  async talk(photo, audio) {
    const r = await fetch(this.talkUrl, {
      method: "POST",
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "4k" }),
    });
    return r.json();
  }
}
""",
    "c.py": """import requests

class Akool:
    def __init__(self, key):
        self.key = key
        self.talk_url = "V3/content/video/createbytalkingphoto"

    def talk(self, photo, audio):
        body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"}
        return requests.post(self.talk_url, json=body, headers={"x-api-key": self.key}).json()
""",
    "c.go": """package main

type Client struct{ talkURL string }

func New() *Client { return &Client{talkURL: "V3/content/video/createbytalkingphoto"} }

func (c *Client) Talk(photo, audio string) error {
	body := map[string]any{"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"}
	b, _ := json.Marshal(body)
	_, err := http.Post(c.talkURL, "application/json", bytes.NewReader(b))
	return err
}
""",
}


@pytest.mark.parametrize("name", list(FIELD_URL))
def test_the_body_sent_to_a_url_held_in_an_object_s_field_is_judged(name: str) -> None:
    text = FIELD_URL[name].replace("V3", V3)
    assert rules_of(audit_text(text, name)) == {("bad-value", '"4k"')}


# -- break21d #21: a CLI option's default sent as a field (typer's Option, click's option) ------------

TYPER = """import requests, typer

API = "V3"


def image(prompt: str, scale: str = typer.Option("16:10", help="aspect ratio")):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": prompt, "scale": scale})


def image2(prompt: str, scale: str = typer.Option(default="16:10")):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": prompt, "scale": scale})


def fine(prompt: str = typer.Argument("a cat"), scale: str = typer.Option("1:1", "--scale", "-s")):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": prompt, "scale": scale})


def required(prompt: str, scale: str = typer.Option(..., help="ratio")):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": prompt, "scale": scale})
""".replace("V3", V3)
CLICK = """import click, requests

API = "V3"


@click.command()
@click.option("-s", "--size", "scale", default="16:10")
def image(scale):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": "p", "scale": scale})


@click.command()
@click.option("--scale", type=click.Choice(["1:1", "16:10"]), default="1:1")
def image2(scale):
    requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": "p", "scale": scale})
""".replace("V3", V3)


def test_a_typer_option_s_default_sent_as_a_field_is_judged() -> None:
    found = [(f.line, f.found) for f in audit_text(TYPER, "t.py") if f.rule == "bad-value"]
    assert found == [(6, '"16:10"'), (10, '"16:10"')]


def test_a_click_option_s_own_name_and_choices_are_read() -> None:
    found = [(f.line, f.found) for f in audit_text(CLICK, "c.py") if f.rule == "bad-value"]
    assert found == [(7, '"16:10"'), (13, '"16:10"')]


# -- heldout21i F3: `_id` sent beside `id` is an extra field, not a misnamed one --------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "s.py",
            f'import requests\nrequests.post("{V4}/liveAvatar/session/close", headers=H, '
            'json={"id": sid, "_id": sid})\n',
        ),
        (
            "s.ts",
            f'await fetch("{V4}/liveAvatar/session/close", {{ method: "POST", headers: H, '
            "body: JSON.stringify({ id, _id: id }) });\n",
        ),
    ],
)
def test_a_near_miss_sent_beside_its_documented_field_is_an_extra_field(
    name: str, text: str
) -> None:
    (found,) = [f for f in audit_text(text, name) if f.found == "_id"]
    assert (found.rule, found.fix) == ("unknown-field", None)
    assert "sent beside id" in found.message
    alone = text.replace('"id": sid, ', "").replace("{ id, _id: id }", "{ _id: id }")
    assert [f.rule for f in audit_text(alone, name) if f.found == "_id"] == ["misnamed-field"]


# -- heldout21j: a path held in a name given alone to a GET helper, without v4 voice/list's `type` -----

VOICES_BY_NAME = """const BASE = "https://openapi.akool.com/api/open";
const ENDPOINTS = { voices: "/v4/voice/list", quota: "/v3/faceswap/quota/info" };
const VOICE_LIST = "/v4/voice/list";
const TYPED = "/v4/voice/list?type=1";
async function akoolGet<T>(path: string, opts?: object): Promise<T> {
  const r = await fetch(`${BASE}${path}`, { headers: { "x-api-key": process.env.AKOOL_KEY! } });
  return (await r.json()) as T;
}
export const a = () => akoolGet(ENDPOINTS.voices);
export const b = () => akoolGet(VOICE_LIST);
export const c = () => akoolGet(TYPED);
export const d = () => akoolGet(VOICE_LIST, { params: { type: 1 } });
console.log(VOICE_LIST);
"""
VOICES_PY = """import os, requests
BASE = "https://openapi.akool.com/api/open"
VOICES = f"{BASE}/v4/voice/list"
H = {"x-api-key": os.environ["K"]}

def voices():
    return requests.get(VOICES, headers=H, timeout=30).json()

def voices_ok():
    return requests.get(VOICES, params={"type": 1}, headers=H).json()
"""


@pytest.mark.parametrize(
    ("name", "text", "lines"), [("v.ts", VOICES_BY_NAME, [9, 10]), ("v.py", VOICES_PY, [7])]
)
def test_a_get_path_held_in_a_name_and_given_alone_lacks_its_required_query(
    name: str, text: str, lines: list[int]
) -> None:
    found = [f for f in audit_text(text, name) if f.rule == "missing-query-field"]
    assert [(f.line, f.found) for f in found] == [(n, "type") for n in lines]


# -- heldout21i R5: a role twin in a literal given to the script's own wrapper ----------------------

WRAPPED_CLONE = """const BASE = "https://openapi.akool.com/api/open";
async function akoolPost(path: string, body: Record<string, unknown>) {
  const r = await fetch(`${BASE}${path}`, { method: "POST", headers: { "x-api-key": K }, body: JSON.stringify(body) });
  return r.json();
}
export const clone = (u: string) => akoolPost("/v4/voice/clone", { name: "n", audio_url: u });
export const merged = (u: string) => akoolPost("/v4/voice/clone", { name: "n", audio_url: u, ...extra });
"""


def test_a_role_twin_in_a_literal_given_to_the_script_s_own_wrapper_is_misnamed() -> None:
    found = [(f.line, f.rule) for f in audit_text(WRAPPED_CLONE, "w.ts") if f.found == "audio_url"]
    assert found == [(6, "misnamed-field"), (7, "unknown-field")]

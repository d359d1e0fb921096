"""The field side of `akool audit` after a sixth measurement on real third-party code (issue 21):
comments inside a body are never keys, every answer field the docs show is documented, an object
appended to an array field is an item, missing required fields (`missing-field`), Java org.json /
Gson and C# anonymous-object / Dictionary bodies, and axios answers placed where they are read."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from typing import Any

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import ROOT

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.found) for f in findings]


def rules(text: str, name: str) -> list[tuple[int, str, str]]:
    return places(audit_text(text, name))


# -- a. comments inside a body are never keys -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "gen.js",
            f'const BASE = "{V3}";\n'
            "async function gen(p) {\n"
            "  return axios.post(`${BASE}/content/image/createbyprompt`, {\n"
            "    prompt: p, // Optional: negative_prompt, seed\n"
            '    scale: "1:1", /* style: x */\n'
            "    /* model: sdxl,\n"
            "       steps: 30 */\n"
            "  });\n"
            "}\n",
        ),
        (
            "gen.py",
            "import requests\n"
            f'BASE = "{V3}"\n'
            "def gen(p):\n"
            '    return requests.post(f"{BASE}/content/image/createbyprompt", json={\n'
            '        "prompt": p,\n'
            "        # optional: foo\n"
            '        # "negative": "bar",\n'
            '        "scale": "1:1",  # style: x\n'
            "    })\n",
        ),
        (
            "gen.php",
            "<?php\n"
            f'$base = "{V3}";\n'
            '$res = $client->post($base . "/content/image/createbyprompt", ["json" => [\n'
            "    'prompt' => $p, // style: photo\n"
            "    # seed: 42\n"
            "    'scale' => '1:1', /* quality: hd */\n"
            "]]);\n",
        ),
        (
            "Gen.java",
            "class Gen {\n"
            f'  static final String BASE = "{V3}";\n'
            "  void gen(String p) {\n"
            "    Map<String, Object> body = Map.of(\n"
            '      "prompt", p, // style: x\n'
            '      "scale", "1:1" /* seed: 1 */\n'
            "    );\n"
            '    client.post(BASE + "/content/image/createbyprompt", body);\n'
            "  }\n"
            "}\n",
        ),
    ],
)
def test_a_comments_inside_a_body_are_not_keys(name: str, text: str) -> None:
    assert [f for f in rules(text, name) if "field" in f[1]] == []


def test_a_a_real_key_after_a_comment_still_counts() -> None:
    text = (
        f'const BASE = "{V3}";\n'
        "axios.post(`${BASE}/content/image/createbyprompt`, {\n"
        "  prompt: p, // the prompt: what to draw\n"
        '  size: "1:1",\n'
        "});\n"
    )
    assert [(n, r) for n, r, _ in rules(text, "g.js") if "field" in r] == [(4, "misnamed-field")]


def test_a_keys_around_an_inline_block_comment_count() -> None:
    text = (
        f'const BASE = "{V3}";\n'
        'axios.post(`${BASE}/content/image/createbyprompt`, { prompt: p, /* seed: 1 */ size: "1:1" });\n'
    )
    found = [(r, f) for _, r, f in rules(text, "g.js") if "field" in r]
    assert found == [("misnamed-field", "size")]


def test_a_a_markdown_code_blocks_comments_are_not_keys() -> None:
    text = (
        "# Example\n\n```js\n"
        f'await axios.post("{V3}/content/image/createbyprompt", {{\n'
        '  prompt: "a cat", // Optional: negative_prompt, seed\n'
        '  scale: "1:1",\n'
        "});\n```\n"
    )
    assert rules(text, "README.md") == []


def test_a_a_commented_out_call_keeps_its_keys() -> None:
    text = (
        "#!/bin/sh\n"
        f'# curl -X POST {V3}/content/image/createbyprompt -d \'{{"prompt": "p", "size": "1:1"}}\'\n'
    )
    assert ("misnamed-field", "size") in [(r, f) for _, r, f in rules(text, "g.sh")]


def test_a_a_hash_in_a_string_is_no_comment() -> None:
    text = (
        "import requests\n"
        f'requests.post("{V3}/content/image/createbyprompt", json={{\n'
        '    "prompt": "a #1 hit: red car",\n'
        '    "size": "1:1",\n'
        "})\n"
    )
    assert [(n, r) for n, r, _ in rules(text, "g.py") if "field" in r] == [(4, "misnamed-field")]


# -- b. every answer field the docs pages show is documented ------------------------------------------


@pytest.mark.parametrize(
    "read",
    [
        "const info = await axios.get(URL).then(r => r.data);\n  return info.data.status;",
        "const result = (await axios.get(URL, { headers })).data;\n  return result.data.status;",
        "const { data: result } = await axios.get(URL);\n  return result.data.status;",
        "const res = await axios.get(URL);\n  return res.data.data.status;",
        "const { data } = await axios.get(URL);\n  return data.data.status;",
        "const r = await fetch(URL);\n  const j = await r.json();\n  return j.data.status;",
    ],
)
def test_b_audio_info_status_is_documented(read: str) -> None:
    text = (
        f'const BASE = "{V3}";\n'
        "async function poll(id) {\n"
        f"  {read.replace('URL', '`${BASE}/audio/infobymodelid?audio_model_id=${id}`')}\n"
        "}\n"
    )
    assert rules(text, "poll.js") == []


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_catalogue.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


ROW = re.compile(r"^\|\s*\**(?P<dash>-*)\s*`?(?P<name>[A-Za-z_]\w*)`?\**\s*\|")


def _page_answers(gen: Any, text: str) -> Iterator[tuple[str, str, set[str]]]:
    """Read apart from the generator: (method, path, answer fields) for each answer a page shows
    after an endpoint's "METHOD https://..." line: every JSON example shaped like an AKOOL answer
    (a top-level code and data) and the "- x" / "-- x" rows of a Response table (data's fields)."""
    lines = text.splitlines()
    anchor: tuple[str, str] | None = None
    rows: list[str] = []
    in_response = False
    for n, line in enumerate(lines):
        m = gen.METHOD_LINE.match(line)
        if m:
            anchor = (m.group("method"), gen._normalise_path(m.group("path")))
            in_response = False
            continue
        if anchor is None:
            continue
        if line.lstrip().startswith("#") or line.strip().startswith("**"):
            in_response = "response" in line.lower() and "code" not in line.lower()
        row = ROW.match(line)
        if row and in_response and row.group("name").lower() not in ("parameter", "field"):
            depth = len(row.group("dash"))
            rows = [*rows[:depth], row.group("name")]
            if len(rows) == depth + 1:  # (a "- x" row under a parent row)
                yield (*anchor, {".".join(rows)})
        elif line.strip() in ("```json", "```") and n + 1 < len(lines):
            end = next((k for k in range(n + 1, len(lines)) if lines[k].startswith("```")), n)
            block = "\n".join(lines[n + 1 : end])
            paths = gen.json_paths(block) if block.lstrip().startswith("{") else set()
            if {"code", "data"} <= paths and "msg" in paths:
                yield (*anchor, {p for p in paths if "[" not in p})


def test_b_every_answer_field_of_every_page_is_in_the_catalogue() -> None:
    from akool_cli.core import catalogue
    from tests.test_audit import DOCS as docs

    if not (docs / "ai-tools-suite").is_dir():
        pytest.skip("../shared/akool-docs is not beside this checkout")
    gen = _generator()
    missing = []
    for page in sorted((docs / "ai-tools-suite").rglob("*.mdx")):
        for method, path, fields in _page_answers(gen, page.read_text(encoding="utf-8")):
            endpoint = catalogue.load().find(method, path)
            if endpoint is None or endpoint.deprecated:
                continue
            missing += [(page.name, path, f) for f in sorted(fields - set(endpoint.response))]
    assert missing == []


def test_b_character_swap_answer_fields_count_for_its_own_reads() -> None:
    text = (
        "import requests\n"
        f'BASE = "{V3}"\n'
        "def swap(image, video):\n"
        f'    requests.post("{V4}/characterSwap/create", json={{"image": image, "video": video}})\n'
        "def result(i):\n"
        '    r = requests.get(f"{BASE}/content/video/infobymodelid?video_model_id={i}")\n'
        '    return r.json()["data"]["video_url"]\n'
    )
    assert rules(text, "swap.py") == []


def test_b_a_talking_photo_script_still_reads_no_video_url() -> None:
    text = (
        "import requests\n"
        f'BASE = "{V3}"\n'
        "def talk(p, a):\n"
        '    requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a})\n'
        "def result(i):\n"
        '    r = requests.get(f"{BASE}/content/video/infobymodelid?video_model_id={i}")\n'
        '    return r.json()["data"]["video_url"]\n'
    )
    assert (7, "response-field", "video_url") in rules(text, "talk.py")


# -- c. Go: appending an object to an array field is an array of objects -----------------------------


def test_c_go_append_makes_an_array_of_objects() -> None:
    text = (
        "package main\n"
        "type M = map[string]interface{}\n"
        "func run(a, b string) {\n"
        "\telements := []map[string]interface{}{}\n"
        '\telements = append(elements, map[string]interface{}{"url": a, "type": "avatar"})\n'
        "\titems := []M{}\n"
        '\titems = append(items, M{"url": b, "type": "audio"})\n'
        "\tpayload := map[string]interface{}{\n"
        '\t\t"width": 3840, "height": 2160, "avatar_from": 3,\n'
        '\t\t"elements": elements,\n'
        "\t}\n"
        "\tbody, _ := json.Marshal(payload)\n"
        f'\thttp.Post("{V3}/talkingavatar/create", "application/json", bytes.NewReader(body))\n'
        "}\n"
    )
    assert rules(text, "ta.go") == []


def test_c_go_map_for_an_array_field_is_still_an_object() -> None:
    text = (
        "package main\n"
        "func run(a string) {\n"
        "\tpayload := map[string]interface{}{\n"
        '\t\t"sourceImage": map[string]interface{}{"path": a, "opts": ""},\n'
        '\t\t"targetImage": []map[string]interface{}{{"path": a, "opts": ""}},\n'
        '\t\t"modifyImage": a,\n'
        "\t}\n"
        "\tbody, _ := json.Marshal(payload)\n"
        f'\thttp.Post("{V3}/faceswap/highquality/specifyimage", "application/json", bytes.NewReader(body))\n'
        "}\n"
    )
    assert [(n, r) for n, r, _ in rules(text, "fs.go")] == [(4, "bad-value")]


def test_c_go_unknown_key_in_an_appended_item_is_found() -> None:
    text = (
        "package main\n"
        "func run(a string) {\n"
        "\telements := []map[string]interface{}{}\n"
        '\telements = append(elements, map[string]interface{}{"url": a, "type": "avatar", "layer": 1})\n'
        '\tpayload := map[string]interface{}{"width": 3840, "height": 2160, "elements": elements}\n'
        "\tbody, _ := json.Marshal(payload)\n"
        f'\thttp.Post("{V3}/talkingavatar/create", "application/json", bytes.NewReader(body))\n'
        "}\n"
    )
    assert (4, "unknown-field", "layer") in rules(text, "ta.go")


def test_c_go_make_then_append() -> None:
    text = (
        "package main\n"
        "func run(a string) {\n"
        "\telements := make([]map[string]interface{}, 0)\n"
        '\telements = append(elements, map[string]interface{}{"url": a, "type": "avatar", "layer": 1})\n'
        '\tpayload := map[string]interface{}{"width": 3840, "height": 2160, "elements": elements}\n'
        "\tbody, _ := json.Marshal(payload)\n"
        f'\thttp.Post("{V3}/talkingavatar/create", "application/json", bytes.NewReader(body))\n'
        "}\n"
    )
    assert [(n, r) for n, r, _ in rules(text, "ta.go")] == [(4, "unknown-field")]


# -- d. missing required request fields --------------------------------------------------------------


def _missing(text: str, name: str) -> list[tuple[int, str, str]]:
    return [f for f in rules(text, name) if f[1] == "missing-field"]


@pytest.mark.parametrize(
    ("name", "text", "line", "missing"),
    [
        (
            "t.py",
            "import requests\n"
            f'BASE = "{V3}"\n'
            'requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p})\n',
            3,
            "audio_url",
        ),
        (
            "t.js",
            f'const BASE = "{V3}";\n'
            "const body = {\n"
            "  talking_photo_url: photo,\n"
            "};\n"
            "await fetch(`${BASE}/content/video/createbytalkingphoto`, {\n"
            '  method: "POST", headers, body: JSON.stringify(body),\n'
            "});\n",
            2,
            "audio_url",
        ),
        (
            "t.sh",
            f"curl -X POST {V4}/voice/tts -H 'x-api-key: k' -d '{{\"input_text\": \"hi\"}}'\n",
            1,
            "voice_id",
        ),
        (
            "t.go",
            "package main\n"
            "func run() {\n"
            '\tpayload := map[string]interface{}{"sourceImage": src, "modifyImage": m}\n'
            "\tb, _ := json.Marshal(payload)\n"
            f'\thttp.Post("{V3}/faceswap/highquality/specifyimage", "application/json", bytes.NewReader(b))\n'
            "}\n",
            3,
            "targetImage",
        ),
    ],
)
def test_d_a_complete_literal_missing_a_required_field(
    name: str, text: str, line: int, missing: str
) -> None:
    found = _missing(text, name)
    assert [(n, f) for n, _, f in found] == [(line, missing)]


def test_d_several_missing_names_are_one_finding() -> None:
    text = (
        "import requests\n"
        f'requests.post("{V3}/content/video/createbytalkingphoto", json={{"resolution": "720"}})\n'
    )
    assert [f for _, _, f in _missing(text, "t.py")] == ["audio_url, talking_photo_url"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (  # a spread
            "s.js",
            f'axios.post("{V3}/content/video/createbytalkingphoto", {{ ...opts, talking_photo_url: p }});\n',
        ),
        (  # **kwargs
            "s.py",
            f'requests.post("{V3}/content/video/createbytalkingphoto", json={{**base, "talking_photo_url": p}})\n',
        ),
        (  # added later
            "a.py",
            'body = {"talking_photo_url": p}\n'
            'body["audio_url"] = a\n'
            f'requests.post("{V3}/content/video/createbytalkingphoto", json=body)\n',
        ),
        (  # added with a computed key
            "k.py",
            'body = {"talking_photo_url": p}\n'
            "for k, v in extra.items():\n"
            "    body[k] = v\n"
            f'requests.post("{V3}/content/video/createbytalkingphoto", json=body)\n',
        ),
        (  # merged
            "m.py",
            'body = {"talking_photo_url": p}\n'
            "body.update(extra)\n"
            f'requests.post("{V3}/content/video/createbytalkingphoto", json=body)\n',
        ),
        (  # Object.assign
            "m.js",
            "const body = { talking_photo_url: p };\n"
            "Object.assign(body, extra);\n"
            f'axios.post("{V3}/content/video/createbytalkingphoto", body);\n',
        ),
        (  # built by a function
            "f.py",
            f'requests.post("{V3}/content/video/createbytalkingphoto", json=build(p, a))\n',
        ),
        (  # complete
            "ok.py",
            f'requests.post("{V3}/content/video/createbytalkingphoto", json={{"talking_photo_url": p, "audio_url": a}})\n',
        ),
        (  # a misnamed field stands for the required one: its own finding says so
            "mis.py",
            f'requests.post("{V3}/content/video/createbytalkingphoto", json={{"talking_photo_url": p, "audio": a}})\n',
        ),
        (  # a Python wrapper's keyword arguments
            "kw.py",
            "class C:\n"
            "    def _post(self, path, **payload):\n"
            "        return requests.post(BASE + path, json=payload)\n"
            "    def talk(self, p):\n"
            '        return self._post("/content/video/createbytalkingphoto", talking_photo_url=p, resolution="720")\n'
            f'BASE = "{V3}"\n',
        ),
        (  # a JSON string with a substituted part
            "j.sh",
            f'curl -X POST {V3}/content/video/createbytalkingphoto -d "{{\\"talking_photo_url\\": \\"$P\\", $EXTRA}}"\n',
        ),
    ],
)
def test_d_no_missing_field_when_not_certain(name: str, text: str) -> None:
    assert _missing(text, name) == []


def test_d_a_literal_sent_in_a_loop_is_still_one_complete_body() -> None:
    text = (
        "import requests\n"
        f'BASE = "{V3}"\n'
        "for photo in photos:\n"
        '    requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": photo})\n'
    )
    assert [(n, f) for n, _, f in _missing(text, "loop.py")] == [(4, "audio_url")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (  # another function's literal of the same name
            "two.py",
            "def a(p):\n"
            '    payload = {"talking_photo_url": p, "audio_url": x}\n'
            f'    return requests.post("{V3}/content/video/createbytalkingphoto", json=payload)\n'
            "def b():\n"
            f'    return requests.post("{V3}/content/video/createbytalkingphoto", json=payload)\n',
        ),
        (  # a parameter of the same name
            "param.js",
            "function a(p) {\n"
            "  const body = { talking_photo_url: p };\n"
            "}\n"
            "function b(body) {\n"
            f'  return fetch("{V3}/content/video/createbytalkingphoto", {{ method: "POST", body: JSON.stringify(body) }});\n'
            "}\n",
        ),
        (  # bound in two branches
            "branch.py",
            "if hd:\n"
            '    body = {"talking_photo_url": p, "audio_url": a, "resolution": "1080"}\n'
            "else:\n"
            '    body = {"talking_photo_url": p}\n'
            f'requests.post("{V3}/content/video/createbytalkingphoto", json=body)\n',
        ),
        (  # a helper of the script's own
            "helper.ts",
            "async function akoolPost(path: string, body: object) {\n"
            f'  return fetch(`{V3}${{path}}`, {{ method: "POST", body: JSON.stringify({{ audio_url: DEFAULT, ...body }}) }});\n'
            "}\n"
            'await akoolPost("/content/video/createbytalkingphoto", { talking_photo_url: p });\n',
        ),
        (  # sent in the query string instead
            "query.py",
            f'requests.post(f"{V4}/knowledge/update?id={{kid}}", json={{"name": "kb"}})\n',
        ),
        (  # files go with the form fields
            "files.py",
            f'requests.post("{V4}/voice/clone", data={{"name": "me"}}, files={{"source_voice_file": f}})\n',
        ),
        (  # a shell function of the script's own
            "fn.sh",
            f'API="{V3}"\n'
            'post() { curl -s -X POST "$API$1" -d "$2"; }\n'
            'post /content/video/createbytalkingphoto \'{"talking_photo_url": "p"}\'\n',
        ),
    ],
)
def test_d_guards(name: str, text: str) -> None:
    assert _missing(text, name) == []


def test_d_a_go_struct_is_not_judged_for_missing_fields() -> None:
    text = (
        "package main\n"
        "type Talk struct {\n"
        '\tPhoto string `json:"talking_photo_url"`\n'
        '\tAudio string `json:"audio_url,omitempty"`\n'
        "}\n"
        "func run(p string) {\n"
        "\tb, _ := json.Marshal(Talk{Photo: p})\n"
        f'\thttp.Post("{V3}/content/video/createbytalkingphoto", "application/json", bytes.NewReader(b))\n'
        "}\n"
    )
    assert _missing(text, "t.go") == []


# -- e. Java org.json / Gson and C# bodies --------------------------------------------------------------

JAVA = (
    "import okhttp3.*;\n"
    "import org.json.JSONObject;\n"
    "import com.google.gson.JsonObject;\n"
    "public class E1 {\n"
    f'    static final String BASE = "{V3}";\n'
    "    String detect(String u) throws Exception {\n"
    '        String payload = new JSONObject().put("image_url", u).put("single_face", true).put("face_enhance", 1).toString();\n'
    '        Request req = new Request.Builder().url("https://sg3.akool.com/detect").post(RequestBody.create(payload, JSON)).build();\n'
    "        return http.newCall(req).execute().body().string();\n"
    "    }\n"
    "    String talk(String p, String a) throws Exception {\n"
    "        Request req = new Request.Builder()\n"
    '            .url(BASE + "/content/video/createbytalkingphoto")\n'
    '            .post(RequestBody.create(new JSONObject().put("talking_photo_url", p).put("audio_url", a).put("resolution", "720p").toString(), JSON))\n'
    "            .build();\n"
    "        return http.newCall(req).execute().body().string();\n"
    "    }\n"
    "    String lipsync(String v, String a) throws Exception {\n"
    "        JsonObject o = new JsonObject();\n"
    '        o.addProperty("video_url", v);\n'
    '        o.addProperty("audio_url", a);\n'
    '        o.addProperty("webhook_url", "https://x.example/h");\n'
    "        RequestBody body = RequestBody.create(o.toString(), JSON);\n"
    '        Request req = new Request.Builder().url(BASE + "/content/video/lipsync").post(body).build();\n'
    "        return http.newCall(req).execute().body().string();\n"
    "    }\n"
    "}\n"
)


def test_e_java_org_json_chains_and_gson_bodies() -> None:
    found = {(n, r, f) for n, r, f in rules(JAVA, "E1.java") if r != "wrong-host"}
    assert (7, "unknown-field", "face_enhance") in found
    assert (14, "bad-value", '"720p"') in found
    assert (22, "misnamed-field", "webhook_url") in found
    assert not [f for f in found if f[1] == "missing-field"]


CSHARP = (
    "class E2 {\n"
    f'    const string Base = "{V3}";\n'
    "    async Task<string> Detect(string u) {\n"
    "        var body = new { image_url = u, single_face = false, face_enhance = 1 };\n"
    '        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");\n'
    '        var res = await http.PostAsync("https://sg3.akool.com/detect", content);\n'
    "        return await res.Content.ReadAsStringAsync();\n"
    "    }\n"
    "    async Task<string> Talk(string p, string a) {\n"
    '        var res = await http.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", new { talking_photo_url = p, audio_url = a, resolution = "720p" });\n'
    "        return await res.Content.ReadAsStringAsync();\n"
    "    }\n"
    "    async Task<string> Lip(string v, string a) {\n"
    '        var payload = new Dictionary<string, object> { ["video_url"] = v, ["audio_url"] = a, ["webhook_url"] = "h" };\n'
    '        var res = await http.PostAsync(Base + "/content/video/lipsync", new StringContent(JsonSerializer.Serialize(payload)));\n'
    "        return await res.Content.ReadAsStringAsync();\n"
    "    }\n"
    "}\n"
)


def test_e_csharp_anonymous_objects_and_dictionaries() -> None:
    found = {(n, r, f) for n, r, f in rules(CSHARP, "E2.cs") if r != "wrong-host"}
    assert (4, "unknown-field", "face_enhance") in found
    assert (10, "bad-value", '"720p"') in found
    assert (14, "misnamed-field", "webhook_url") in found


def test_e_kotlin_json_object_chain() -> None:
    text = (
        f'private val base = "{V3}"\n'
        "fun talk(p: String, a: String): String {\n"
        '    val json = JSONObject().put("talking_photo_url", p).put("audio_url", a).put("resolution", "4k")\n'
        '    val req = Request.Builder().url("$base/content/video/createbytalkingphoto")\n'
        "        .post(json.toString().toRequestBody(JSON)).build()\n"
        "    return client.newCall(req).execute().body!!.string()\n"
        "}\n"
    )
    assert (3, "bad-value", '"4k"') in rules(text, "t.kt")


def test_e_a_json_object_inside_an_array_is_an_item_not_the_body() -> None:
    text = (
        "class S {\n"
        f'  static final String BASE = "{V3}";\n'
        "  String swap(String s, String t, String m) throws Exception {\n"
        "    JSONObject body = new JSONObject();\n"
        '    body.put("sourceImage", new JSONArray().put(new JSONObject().put("path", s).put("opts", "")));\n'
        '    body.put("targetImage", new JSONArray().put(new JSONObject().put("path", t).put("opts", "")));\n'
        '    body.put("modifyImage", m);\n'
        '    return post(BASE + "/faceswap/highquality/specifyimage", body);\n'
        "  }\n"
        "}\n"
    )
    assert rules(text, "S.java") == []


def test_e_java_http_client_and_a_hash_map() -> None:
    text = (
        "class J {\n"
        f'  static final String BASE = "{V3}";\n'
        "  String talk(String p, String a) throws Exception {\n"
        "    Map<String, Object> body = new HashMap<>();\n"
        '    body.put("talking_photo_url", p);\n'
        '    body.put("resolution", "720p");\n'
        '    HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/content/video/createbytalkingphoto"))\n'
        "        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();\n"
        "    return http.send(req, BodyHandlers.ofString()).body();\n"
        "  }\n"
        "}\n"
    )
    # (the HashMap filled by puts and serialized whole lacks the required audio_url: recall31j)
    assert [(n, r) for n, r, _ in rules(text, "J.java")] == [(4, "missing-field"), (6, "bad-value")]


def test_e_csharp_object_initialisers_are_not_bodies() -> None:
    text = (
        "class C {\n"
        f'    const string Base = "{V3}";\n'
        "    async Task Talk(string p, string a) {\n"
        "        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };\n"
        '        var res = await client.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", new TalkRequest { Photo = p, Audio = a });\n'
        "    }\n"
        "}\n"
    )
    assert [f for f in rules(text, "c.cs") if "field" in f[1]] == []


# -- f. axios answer reads are placed where they read -------------------------------------------------


@pytest.mark.parametrize(
    ("chain", "bad"),
    [
        ("\n    .then((res) => res.data.job_id);", True),
        ("\n    .then(res => res.data.data.job_id);", False),
        (".then(function (res) { return res.data.data.job_id; });", False),
        ("\n    .then((r) => r.data)\n    .then((body) => body.data.job_id);", False),
        ("\n    .then((r) => r.data)\n    .then((body) => body.data.task_id);", True),
    ],
)
def test_f_promise_chains(chain: str, bad: bool) -> None:
    text = (
        f'const V4 = "{V4}";\n'
        "function swap(s, t) {\n"
        "  return axios.post(`${V4}/faceswap/faceswapByImage`, "
        "{ sourceImage: [{ path: s }], targetImage: [{ path: t }] })"
        f"{chain}\n"
        "}\n"
    )
    found = [f for f in rules(text, "swap.js") if f[1] == "response-field"]
    assert bool(found) == bad, found


@pytest.mark.parametrize(
    ("read", "bad"),
    [
        ("const res = await axios.post(URL, BODY);\n  return res.data.job_id;", True),
        ("const res = await axios.post(URL, BODY);\n  return res.data.data.job_id;", False),
        ("const { data } = await axios.post(URL, BODY);\n  return data.data.job_id;", False),
        ("const { data } = await axios.post(URL, BODY);\n  return data.job_id;", True),
        ("const r = (await axios.post(URL, BODY)).data;\n  return r.data.job_id;", False),
        ("const r = (await axios.post(URL, BODY)).data;\n  return r.job_id;", True),
        (
            "const r = await axios.post(URL, BODY).then((x) => x.data);\n  return r.data.job_id;",
            False,
        ),
        ("const { data: out } = await axios.post(URL, BODY);\n  return out.data.job_id;", False),
    ],
)
def test_f_axios_reads(read: str, bad: bool) -> None:
    body = "{ sourceImage: [{ path: s }], targetImage: [{ path: t }] }"
    text = (
        f'const BASE = "{V4}";\n'
        "async function swap(s, t) {\n"
        f"  {read.replace('URL', '`${BASE}/faceswap/faceswapByImage`').replace('BODY', body)}\n"
        "}\n"
    )
    found = [f for f in rules(text, "swap.js") if f[1] == "response-field"]
    assert bool(found) == bad, found

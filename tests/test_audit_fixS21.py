"""`akool audit` on request bodies written away from their call (break-it report's M22, M23,
M17, L7): bodies built by a function of the script, step by step or by jq; typed objects whose
serialized names are the fields; values read from the environment or the command line with a
literal fallback; calls written in one-line function bodies. Wrong fields and values are found
there, and correct code gives nothing. The corpus scripts are in tests/audit_corpus/builders21/."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

PY = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'
JS = 'const axios = require("axios");\nconst BASE = "https://openapi.akool.com/api/open/v3";\n'
SH = '#!/bin/sh\nAPI="https://openapi.akool.com/api/open/v3"\n'
TALK = "/content/video/createbytalkingphoto"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return [(line, rule) for line, rule, _ in found(text, name)]


# -- M22: body builders ------------------------------------------------------------------------------

BUILDERS = {
    "python function": (
        PY + "def build_body(url, audio):\n"
        '    return {"talking_photo_url": url, "audio_url": audio, "resolution": "RES"}\n'
        f'requests.post(BASE + "{TALK}", json=build_body(u, a))\n',
        "a.py",
        4,
    ),
    "python function bound first": (
        PY + "def build_body(url, audio):\n"
        '    body = {"talking_photo_url": url, "audio_url": audio}\n'
        '    body["resolution"] = "RES"\n'
        "    return body\n"
        "payload = build_body(u, a)\n"
        f'requests.post(BASE + "{TALK}", json=payload)\n',
        "a.py",
        5,
    ),
    "js arrow function": (
        JS + "const makePayload = (u, a) => ({ talking_photo_url: u, audio_url: a, resolution: "
        '"RES" });\n'
        f"axios.post(`${{BASE}}{TALK}`, makePayload(u, a));\n",
        "a.js",
        3,
    ),
    "js function in fetch options": (
        JS
        + 'function body(u, a) {\n  return { talking_photo_url: u, audio_url: a, resolution: "RES" };\n}\n'
        f'fetch(`${{BASE}}{TALK}`, {{ method: "POST", body: JSON.stringify(body(u, a)) }});\n',
        "a.js",
        4,
    ),
    "js Object.assign": (
        JS + "const body = { talking_photo_url: u, audio_url: a };\n"
        'Object.assign(body, { resolution: "RES" });\n'
        f"axios.post(`${{BASE}}{TALK}`, body);\n",
        "a.js",
        4,
    ),
    "jq piped into curl -d @-": (
        SH + 'jq -n --arg u "$U" --arg a "$A" \'{talking_photo_url: $u, audio_url: $a, '
        'resolution: "RES"}\' \\\n'
        f'  | curl -s -X POST "$API{TALK}" -H "x-api-key: $K" -d @-\n',
        "a.sh",
        3,
    ),
    "jq over lines piped into curl": (
        SH + 'jq -n --arg u "$U" \'{\n  talking_photo_url: $u,\n  audio_url: "a",\n'
        f'  resolution: "RES"\n}}\' | curl -s -X POST "$API{TALK}" -d @-\n',
        "a.sh",
        6,
    ),
    "jq substituted into -d": (
        SH + f'curl -s -X POST "$API{TALK}" -d "$(jq -n --arg u "$U" '
        '\'{talking_photo_url: $u, audio_url: "a", resolution: "RES"}\')"\n',
        "a.sh",
        3,
    ),
    "jq bound to a name": (
        SH + 'BODY=$(jq -n --arg u "$U" --arg a "$A" --arg h "$SOME_LONG_HOOK_VARIABLE" '
        "'{talking_photo_url: $u, audio_url: $a, resolution: \"RES\"}')\n"
        f'curl -s -X POST "$API{TALK}" -H "x-api-key: $K" -d "$BODY"\n',
        "a.sh",
        3,
    ),
    "go function returning a map": (
        'package main\n\nconst base = "https://openapi.akool.com/api/open/v3"\n\n'
        "func buildBody(u string) map[string]interface{} {\n"
        '\treturn map[string]interface{}{"talking_photo_url": u, "audio_url": "a", "resolution": "RES"}\n'
        "}\n\nfunc talk(u string) {\n\tb, _ := json.Marshal(buildBody(u))\n"
        f'\thttp.Post(base+"{TALK}", "application/json", bytes.NewReader(b))\n}}\n',
        "a.go",
        6,
    ),
    "php function returning an array": (
        '<?php\nconst BASE = "https://openapi.akool.com/api/open/v3";\n'
        "function body($u) { return ['talking_photo_url' => $u, 'audio_url' => 'a', "
        "'resolution' => 'RES']; }\n"
        f"function talk($u) {{ return Http::post(BASE . '{TALK}', body($u)); }}\n",
        "a.php",
        3,
    ),
    "a JSON literal bound to a name": (
        SH + 'BODY=\'{"talking_photo_url": "x", "audio_url": "y", "resolution": "RES"}\'\n'
        f'curl -s -X POST "$API{TALK}" --data-raw "${{BODY}}"\n',
        "a.sh",
        3,
    ),
}


@pytest.mark.parametrize("shape", sorted(BUILDERS))
def test_m22_a_built_body_is_judged_where_it_is_written(shape: str) -> None:
    text, name, line = BUILDERS[shape]
    assert rules(text.replace("RES", "720p"), name) == [(line, "bad-value")]
    assert found(text.replace("RES", "720"), name) == []


def test_m22_a_builder_sent_by_two_calls_is_reported_once_without_a_fix() -> None:
    text = (
        PY + "def body(u):\n"
        '    return {"talking_photo_url": u, "audio_url": "a", "resolution": "720p"}\n'
        f'requests.post(BASE + "{TALK}", json=body(u))\n'
        f'requests.post(BASE + "{TALK}", json=body(v))\n'
    )
    hits = [f for f in audit_text(text, "a.py") if f.severity != "info"]
    assert [(f.line, f.rule) for f in hits] == [(4, "bad-value")]
    assert all(f.fix is None for f in hits)


def test_m22_functions_that_build_no_body_add_no_field() -> None:
    text = (
        PY + "def headers():\n"
        '    return {"x-api-key": "k", "Content-Type": "application/json"}\n'
        "def url(path):\n"
        "    return BASE + path\n"
        f'requests.post(url("{TALK}"), headers=headers(), '
        'json={"talking_photo_url": u, "audio_url": a})\n'
    )
    assert found(text, "a.py") == []


def test_a_misnamed_key_whose_value_the_right_field_refuses_gets_no_rename() -> None:
    text = JS + "axios.post(`${BASE}/content/image/createbyprompt`, { prompt: p, size: 2 });\n"
    hits = [f for f in audit_text(text, "a.js") if f.severity != "info"]
    # (its value is judged as scale's too: body21, break21c M13)
    assert sorted((f.line, f.rule) for f in hits) == [(3, "bad-value"), (3, "misnamed-field")]
    assert all(f.fix is None for f in hits)
    good = text.replace("size: 2", 'size: "1:1"')
    assert [f.fix is not None for f in audit_text(good, "a.js") if f.severity != "info"] == [True]


# -- M17: values from the environment and the command line -----------------------------------------

TALK_BODY = '{"talking_photo_url": u, "audio_url": a, "resolution": VALUE}'
FALLBACKS = {
    "os.getenv default": (PY + 'RES = os.getenv("RES", "RV")\n', "RES", "a.py", 3),
    "environ.get or": (PY + 'RES = os.environ.get("RES") or "RV"\n', "RES", "a.py", 3),
    "environ.get default in place": (PY, 'os.environ.get("RES", "RV")', "a.py", 3),
    "config lookup default": (PY, 'settings.get("resolution", "RV")', "a.py", 3),
    "argparse default": (
        PY + "p = argparse.ArgumentParser()\n"
        'p.add_argument("--resolution", default="RV")\nargs = p.parse_args()\n',
        "args.resolution",
        "a.py",
        4,
    ),
    "argparse choices": (
        PY + "p = argparse.ArgumentParser()\n"
        'p.add_argument("-r", "--resolution", choices=["RV"])\nargs = p.parse_args()\n',
        "args.resolution",
        "a.py",
        4,
    ),
}


@pytest.mark.parametrize("shape", sorted(FALLBACKS))
def test_m17_a_fallback_from_outside_the_script_is_judged(shape: str) -> None:
    head, value, name, line = FALLBACKS[shape]
    call = f'requests.post(BASE + "{TALK}", json={TALK_BODY.replace("VALUE", value)})\n'
    text = head + call
    assert rules(text.replace("RV", "720p"), name) == [(line, "bad-value")]
    assert found(text.replace("RV", "720"), name) == []


SHELL_FALLBACKS = {
    "through a name": ('RES="${RES:-RV}"\n', '\\"$RES\\"', 3),
    "in place": ("", '\\"${RES:-RV}\\"', 3),
}


@pytest.mark.parametrize("shape", sorted(SHELL_FALLBACKS))
def test_m17_a_shell_parameter_fallback_is_judged(shape: str) -> None:
    head, value, line = SHELL_FALLBACKS[shape]
    body = '{\\"talking_photo_url\\": \\"$U\\", \\"audio_url\\": \\"$A\\", \\"resolution\\": VALUE}'
    text = SH + head + f'curl -s -X POST "$API{TALK}" -d "{body.replace("VALUE", value)}"\n'
    assert rules(text.replace("RV", "720p"), "a.sh") == [(line, "bad-value")]
    assert found(text.replace("RV", "720"), "a.sh") == []


def test_m17_the_name_a_lookup_reads_and_an_interpolation_are_no_values() -> None:
    body = TALK_BODY.replace("VALUE", 'getenv("RES")')
    py = PY + f'requests.post(BASE + "{TALK}", json={body})\n'
    js = JS + 'const hd = "1080";\n' + f"axios.post(`${{BASE}}{TALK}`, "
    js += "{ talking_photo_url: u, audio_url: a, resolution: `${hd}` });\n"
    sh = SH + 'RES="$1"\n' + f'curl -s -X POST "$API{TALK}" -d "{{\\"talking_photo_url\\": '
    sh += '\\"$U\\", \\"audio_url\\": \\"$A\\", \\"resolution\\": \\"$RES\\"}"\n'
    assert found(py, "a.py") == []
    assert found(js, "a.js") == []
    assert found(sh, "a.sh") == []


# -- M23: typed request objects ---------------------------------------------------------------------

JAVA = """import com.fasterxml.jackson.annotation.JsonProperty;
public class T {
    static final String BASE = "https://openapi.akool.com/api/open/v3";
    static class TalkRequest {
        @JsonProperty("PHOTO")
        private String photo;
        private String audio_url;
        private String resolution = "RES";
    }
    void run() throws Exception {
        TalkRequest req = new TalkRequest();
        HttpRequest r = HttpRequest.newBuilder(URI.create(BASE + "/content/video/createbytalkingphoto"))
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(req))).build();
    }
}
"""
CSHARP = """using System.Text.Json.Serialization;
public record TalkRequest(
    [property: JsonPropertyName("PHOTO")] string Photo,
    [property: JsonPropertyName("audio_url")] string Audio,
    [property: JsonPropertyName("resolution")] string Resolution);
public static class Akool {
    const string Base = "https://openapi.akool.com/api/open/v3";
    public static async Task Run(HttpClient http) {
        var req = new TalkRequest("p", "a", "RES");
        await http.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", req);
    }
}
"""
KOTLIN = """const val BASE = "https://openapi.akool.com/api/open/v3"
@Serializable
data class TalkRequest(
    @SerialName("PHOTO") val photo: String,
    @SerialName("audio_url") val audio: String,
    val resolution: String = "RES",
)
fun talk(client: OkHttpClient) {
    val body = Json.encodeToString(TalkRequest("p", "a"))
    val request = Request.Builder().url("$BASE/content/video/createbytalkingphoto")
        .post(body.toRequestBody(JSON)).build()
}
"""
PYDANTIC = (
    PY
    + """class TalkRequest(BaseModel):
    PHOTO: str
    audio_url: str
    resolution: str = "720"
def talk(u, a):
    req = TalkRequest(PHOTO=u, audio_url=a, resolution="RES")
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=req.model_dump())
"""
)
DATACLASS = (
    PY
    + """@dataclass
class TalkRequest:
    PHOTO: str
    audio_url: str
    resolution: str = "RES"
requests.post(BASE + "/content/video/createbytalkingphoto", json=asdict(TalkRequest("p", "a")))
"""
)
DTOS = {
    "java jackson": (JAVA, "T.java", 5, 8),
    "csharp record": (CSHARP, "T.cs", 3, 9),
    "kotlin data class": (KOTLIN, "T.kt", 4, 6),
    "pydantic": (PYDANTIC, "a.py", 4, 8),
    "dataclass": (DATACLASS, "a.py", 5, 7),
}


@pytest.mark.parametrize("shape", sorted(DTOS))
def test_m23_a_typed_object_sends_its_serialized_names(shape: str) -> None:
    text, name, field_line, value_line = DTOS[shape]
    wrong = text.replace("PHOTO", "image_url").replace("RES", "720p")
    assert rules(wrong, name) == [(field_line, "misnamed-field"), (value_line, "bad-value")]
    assert all(f.fix is None for f in audit_text(wrong, name))
    right = text.replace("PHOTO", "talking_photo_url").replace("RES", "1080")
    assert found(right, name) == []


def test_m23_an_object_whose_attributes_are_read_is_not_sent() -> None:
    text = PY + (
        "@dataclass\nclass Settings:\n    base_url: str = BASE\n    api_key: str = ''\n"
        "s = Settings()\n"
        'requests.post(f"{s.base_url}/content/video/createbytalkingphoto", '
        'headers={"x-api-key": s.api_key}, json={"talking_photo_url": "u", "audio_url": "a"})\n'
    )
    assert found(text, "a.py") == []


def test_a_config_object_read_for_its_base_adds_no_field() -> None:
    text = (
        'const cfg = { baseUrl: "https://openapi.akool.com/api/open/v3", apiKey: process.env.K };\n'
        'fetch(`${cfg.baseUrl}/content/video/createbytalkingphoto`, { method: "POST", headers: '
        '{ "x-api-key": cfg.apiKey }, body: JSON.stringify({ talking_photo_url: u, audio_url: a }) });\n'
    )
    assert found(text, "a.js") == []


# -- L7: one-line function bodies -------------------------------------------------------------------

ONE_LINE_CLASS = (
    PY
    + "def download(url): return requests.get(url).content\n"
    + "class Api:\n"
    + '    base = "https://openapi.akool.com/api/open/v3"\n'
    + "    def _post(self, path, body): return requests.post(self.base + path, json=body).json()\n"
    + f'    def talk(self, u): return self._post("{TALK}", '
    + '{"talking_photo_url": u, "audio_url": "a", "resolution": "RES"})\n'
)


def test_l7_a_one_line_def_ends_on_its_line() -> None:
    assert rules(ONE_LINE_CLASS.replace("RES", "720p"), "a.py") == [(7, "bad-value")]
    assert found(ONE_LINE_CLASS.replace("RES", "720"), "a.py") == []


ONE_LINE_RETURNERS = {
    "python def": (
        PY + f'def create(u): return requests.post(BASE + "{TALK}", '
        'json={"talking_photo_url": u, "audio_url": "a"}).json()\n'
        'job = create("u")\nprint(job["data"]["FIELD"])\n',
        "a.py",
    ),
    "python def with type": (
        PY + f'def create(u: str) -> dict: return requests.post(BASE + "{TALK}", '
        'json={"talking_photo_url": u, "audio_url": "a"}).json()\n'
        'job = create("u")\nprint(job["data"]["FIELD"])\n',
        "a.py",
    ),
    "js arrow, axios' data": (
        JS + "const poll = async (id) => (await axios.get(`${BASE}/content/video/infobymodelid"
        "?video_model_id=${id}`)).data;\n"
        'async function main() {\n  const job = await poll("x");\n  console.log(job.data.FIELD);\n}\n',
        "a.js",
    ),
    "js function, fetch's json": (
        JS + f'function create(u) {{ return fetch(`${{BASE}}{TALK}`, {{ method: "POST", '
        'body: JSON.stringify({ talking_photo_url: u, audio_url: "a" }) }).then((r) => r.json()); }\n'
        'async function main() {\n  const job = await create("u");\n  console.log(job.data.FIELD);\n}\n',
        "a.js",
    ),
}
LINE_OF_READ = {"a.py": 5, "a.js": 6}


@pytest.mark.parametrize("shape", sorted(ONE_LINE_RETURNERS))
def test_l7_a_one_line_function_returns_its_answer_to_its_callers(shape: str) -> None:
    text, name = ONE_LINE_RETURNERS[shape]
    wrong, right = ("video_url", "video") if "poll" in text else ("task_id", "_id")
    assert rules(text.replace("FIELD", wrong), name) == [(LINE_OF_READ[name], "response-field")]
    assert found(text.replace("FIELD", right), name) == []


def test_m22_a_jq_filter_that_reads_an_answer_sends_nothing() -> None:
    text = SH + (
        f'curl -s -X POST "$API{TALK}" -d \'{{"talking_photo_url": "u", "audio_url": "a"}}\' '
        "| jq '{id: .data._id, state: .data.video_status}'\n"
    )
    assert found(text, "a.sh") == []


def test_m22_a_builder_called_inside_a_body_gives_a_value_not_the_body() -> None:
    text = PY + (
        "def element(u):\n"
        '    return {"type": "image", "url": u}\n'
        'requests.post(BASE + "/content/video/createbytalkingphoto", '
        'json={"talking_photo_url": element("u")["url"], "audio_url": "a"})\n'
    )
    assert found(text, "a.py") == []


def test_m17_a_click_option_default_is_not_hidden_by_another_functions_keyword() -> None:
    text = PY + (
        "class Client:\n"
        "    def _body(self, u):\n"
        '        return dict(talking_photo_url=u, audio_url="a", resolution="1080")\n'
        '@click.command()\n@click.option("--resolution", default="RV")\ndef main(resolution):\n'
        f'    requests.post(BASE + "{TALK}", json={TALK_BODY.replace("VALUE", "resolution")})\n'
    )
    assert rules(text.replace("RV", "720p"), "a.py") == [(7, "bad-value")]
    assert found(text.replace("RV", "720"), "a.py") == []

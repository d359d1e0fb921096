"""False findings a blind tester (break35) and a tester on real third-party code (real35) found
on correct code, each beside the same shape written wrong, which must still be found."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.found) for f in audit_text(text, name)]


OWN_RELATIVE_BASE = """const BASE = "/api";
export async function startRender(photo: string, audio: string) {
  const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ photoUrl: photo, audioUrl: audio, quality: "hd" }),
  });
  return (await r.json()) as { jobId: string };
}
"""


def test_a_base_bound_to_a_relative_path_is_the_apps_own_server() -> None:
    """fp-own-backend-relative-base: `const BASE = "/api"` is the page's own origin; the paths
    joined to it are the app's own routes, however AKOOL-like."""
    assert found(OWN_RELATIVE_BASE, "api.ts") == []
    for own in ('"/backend"', "'/srv/jobs'", '"./api"'):
        assert found(OWN_RELATIVE_BASE.replace('"/api"', own), "api.ts") == [], own
    # AKOOL's own base, and AKOOL's prefix written relative, are still AKOOL's
    for akool in (f'"{V3}"', '"/api/open/v3"'):
        rules = {rule for _, rule, _ in found(OWN_RELATIVE_BASE.replace('"/api"', akool), "api.ts")}
        assert "misnamed-field" in rules and "missing-field" in rules, akool


SUPERAGENT = """const request = require("superagent");
const BASE = "V3/content/analysis";
async function verdict(id) {
  const res = await request
    .get(`${BASE}/infobyid`)
    .query({ _id: id })
    .set("x-api-key", process.env.AKOOL_API_KEY);
  const d = res.body.data;
  if (d.status !== 3) return null;
  return { conclusion: d.final_conclusion, detail: d.%s };
}
""".replace("V3", V3)


def test_a_responses_body_data_is_the_answers_data_field_not_the_answer() -> None:
    """fp-superagent-res-body: superagent's `res.body` is the parsed answer, so `res.body.data`
    is its data field (data.status is documented), not the answer itself."""
    assert found(SUPERAGENT % "result", "mod.js") == []
    # (the chain over lines leaves `res` untied: its reads are not judged; on one line they are)
    one_line = SUPERAGENT.replace("request\n    .get", "request.get").replace(")\n    .", ").")
    assert found(one_line % "result", "mod.js") == []
    assert found(one_line % "verdictx", "mod.js") == [(7, "answer-field", "verdictx")]


REQUEST_PROMISE = """const rp = require("request-promise");
async function imageState(id) {
  const body = await rp({
    uri: "%s/content/image/infobymodelid",
    qs: { image_model_id: id },
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
    json: true,%s
  });
  const d = body.data;
  return d.image_status === 3 ? d.%s : null;
}
"""


def test_request_promise_with_json_true_resolves_to_the_parsed_answer() -> None:
    """fp-explore-request-promise-json: `await rp({ ..., json: true })` gives the parsed body."""
    assert found(REQUEST_PROMISE % (V3, "", "image"), "img.js") == []
    assert found(REQUEST_PROMISE % (V3, "", "imagex"), "img.js") == [
        (10, "response-field", "imagex")
    ]
    # asked for the full response, `body.data` is the parsed answer (as axios' `res.data`)
    full = REQUEST_PROMISE % (V3, " resolveWithFullResponse: true,", "image")
    assert {rule for _, rule, _ in found(full, "img.js")} == {"response-field"}


FARADAY = """require "faraday"
require "json"
class Moderator
  BASE = "V3/content/analysis"
  def initialize(key)
    @conn = Faraday.new(%s, headers: { "x-api-key" => key })
  end
  def verdict(id)
    JSON.parse(@conn.get("infobyid", _id: id).body)["data"]
  end
end
""".replace("V3", V3)


@pytest.mark.parametrize("given", ["url: BASE", ":url => BASE", "BASE"])
def test_a_faraday_clients_url_option_is_its_base_not_a_request(given: str) -> None:
    """fp-faraday-base-as-endpoint: `Faraday.new(url: BASE)` gives the client its base (a path
    prefix of documented endpoints), it sends nothing to BASE itself."""
    assert found(FARADAY % given, "mod.rb") == []


def test_an_options_objects_url_is_still_the_requests_url() -> None:
    text = f'const URL = "{V3}/content/analysis";\nrequest({{ url: URL, method: "GET" }});\n'
    assert [rule for _, rule, _ in found(text, "a.js")] == ["unknown-endpoint"]


AIGMODEL = """import os, requests
def models(kind):
    types = %s
    return requests.get("%s/aigModel/list", params={"types": types},
                        headers={"x-api-key": os.environ["AKOOL_API_KEY"]}).json()
"""


def test_a_value_taken_out_of_a_dict_literal_is_not_the_dict() -> None:
    """fp-dict-subscript-is-int: `{"i2v": 1501, ...}[kind]` is 1501, no object."""
    for part in ('{"i2v": 1501, "t2v": 1502}[kind]', '{"i2v": 1501}.get(kind)', "[1501, 1502][0]"):
        assert found(AIGMODEL % (part, V4), "m.py") == [], part
    whole = found(AIGMODEL % ('{"i2v": 1501}', V4), "m.py")
    assert [(line, rule) for line, rule, _ in whole] == [(3, "bad-value")]


RECORD = """import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
public class Images {
    private final WebClient web = WebClient.builder().baseUrl("V3").build();
    public record Created(int code, String msg, Map<String, Object> %s) {}
    public Mono<String> generate(String prompt) {
        return web.post().uri("/content/image/createbyprompt")
                .bodyValue(Map.of("prompt", prompt, "scale", "16:9"))
                .retrieve().bodyToMono(Created.class)
                .map(c -> (String) c.data().get("_id"));
    }
}
""".replace("V3", V3)


def test_a_records_generic_component_is_one_component() -> None:
    """fp-java-record-components: `Map<String, Object> data` is the component `data`, not
    `Map<String` (read as a member `String`) and `Object> data`."""
    assert found(RECORD % "data", "Images.java") == []
    assert [(rule, name) for _, rule, name in found(RECORD % "payload", "Images.java")] == [
        ("answer-field", "payload")
    ]


CATALOG = """import asyncio, os
import aiohttp
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
async def fetch_json(s, url, **params):
    async with s.get(url, params=params, headers=H) as r:
        return await r.json()
async def catalog():
    async with aiohttp.ClientSession() as s:
        avatars, live = await asyncio.gather(
            fetch_json(s, "V3/avatar/list", **{"from": "2", "page": "1", "size": "100"}),
            fetch_json(s, "V4/liveAvatar/avatar/list", page="1", size="100"),
        )
    return {
        "avatars": [a["avatar_id"] for a in avatars["data"]],
        "live": [a["avatar_id"] for a in live["data"]["result"] if a.get("%s")],
    }
""".replace("V3", V3).replace("V4", V4)


def test_a_comprehension_reusing_a_name_walks_its_own_list() -> None:
    """fp-gather-tuple-misbinding: `a` of the second comprehension is an item of the live avatar
    list, not of the avatar list the first comprehension's `a` walked."""
    assert found(CATALOG % "available", "cat.py") == []
    wrong = audit_text(CATALOG % "availablex", "cat.py")
    assert [(f.line, f.rule, f.found) for f in wrong] == [(15, "answer-field", "availablex")]
    assert "liveAvatar/avatar/list" in wrong[0].message


def test_the_own_relative_base_holds_across_a_folder(tmp_path: Path) -> None:
    """The browser file of a project whose server file talks to AKOOL: still the app's own."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "api.ts").write_text(OWN_RELATIVE_BASE)
    (tmp_path / "src" / "akool.ts").write_text(
        f'const AKOOL = "{V3}";\nexport async function info(id: string) {{\n'
        f"  const r = await fetch(`${{AKOOL}}/content/video/infobymodelid?video_model_id=${{id}}`,"
        ' { headers: { "x-api-key": process.env.AKOOL_API_KEY! } });\n'
        "  return (await r.json()).data.video;\n}\n"
    )
    result = audit([tmp_path])
    assert [f for f in result.findings if isinstance(f, Finding)] == []


TUPLE_VERSIONS = """import os, requests
HOST = "https://openapi.akool.com"
V3, V4 = "v3", "v4"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
def resources(kind: int = 1) -> list:
    r = requests.get(f"{HOST}/api/open/{V4}/voice/resource/%s", params={"type": str(kind)}, headers=H)
    return r.json()["data"]["result"]
"""


def test_a_version_name_assigned_side_by_side_is_not_the_first_literals() -> None:
    """fp-w4-tuple-assignment-binding (break35 w4): after `V3, V4 = "v3", "v4"`, `{V4}` is not
    v3 (an unknown endpoint of a documented v4 path); one name per line still gives its version."""
    assert found(TUPLE_VERSIONS % "list", "voices.py") == []
    own_lines = TUPLE_VERSIONS.replace('V3, V4 = "v3", "v4"', 'V3 = "v3"\nV4 = "v4"')
    assert [rule for _, rule, _ in found(own_lines % "listx", "voices.py")] == ["unknown-endpoint"]
    assert (
        "(as /api/open/v4/voice/resource/listx)"
        in audit_text(own_lines % "listx", "v.py")[0].message
    )


OWN_ROWS = """import requests
def poll(vid, key, jobs):
    j = requests.get(f"%s/content/video/infobymodelid?video_model_id={vid}", headers={"x-api-key": key}).json()
    if j["data"]["video_status"] == %d:
        return j["data"]["video"]
    for job in jobs:
        if job["video_status"] == 0:
            print("unsent", job["id"])
    return None
"""


def test_zero_on_the_apps_own_rows_is_not_akools_state() -> None:
    """breakit35 status-zero-own-rows: `job["video_status"] == 0` of the app's own rows (a loop
    over its jobs, tied to no call) is its own number; the answer's own 0 is still judged."""
    assert found(OWN_ROWS % (V3, 3), "poll.py") == []
    tied = [(line, rule) for line, rule, _ in found(OWN_ROWS % (V3, 0), "poll.py")]
    assert tied == [(4, "status-value")]


def test_an_object_made_with_another_services_base_is_not_the_akool_client(
    tmp_path: Path,
) -> None:
    """breakit35 client-instance-other-base: a client class whose base defaults to AKOOL's,
    made with HeyGen's base (`heygen = ApiClient(base=HEYGEN_BASE)`), calls HeyGen."""
    (tmp_path / "config.py").write_text(
        f'AKOOL_BASE = "{V3}"\nHEYGEN_BASE = "https://api.heygen.com"\n'
    )
    (tmp_path / "client.py").write_text(
        "import os, requests\nfrom config import AKOOL_BASE\n\nclass ApiClient:\n"
        "    def __init__(self, base=AKOOL_BASE):\n        self.base = base\n\n"
        "    def post(self, path, body):\n"
        '        return requests.post(self.base + path, json=body, headers={"x-api-key": "k"}).json()\n'
    )
    (tmp_path / "main.py").write_text(
        "from client import ApiClient\nfrom config import HEYGEN_BASE\n\n"
        "akool = ApiClient()\nheygen = ApiClient(base=HEYGEN_BASE)\n\n"
        "def render(text):\n"
        '    heygen.post("/v2/video/generate", {"video_inputs": []})\n'
        '    return akool.post("/content/video/createbytalkingphotox", {})\n'
    )
    result = audit([tmp_path])
    assert [(Path(f.file).name, f.line, f.rule) for f in result.findings] == [
        ("main.py", 9, "unknown-endpoint")
    ]


def test_a_number_an_operator_makes_part_of_a_string_is_not_a_number() -> None:
    """breakit35 php-concat-number: PHP's `42 . ' people'` is a string; `42` alone is a number."""
    php = (
        "<?php\n$r = Http::withHeaders(['x-api-key' => $k])->post('"
        + V3
        + "/content/video/createbytalkingphoto', ['talking_photo_url' => $p, 'audio_url' => $a,"
        " 'prompt' => %s]);\n"
    )
    assert found(php % "42 . ' people'", "tp.php") == []
    assert [rule for _, rule, _ in found(php % "42", "tp.php")] == ["bad-value"]


def _unterminated(n: int) -> str:
    line = (
        "fetch('" + V4 + "/voice/tts',{method:'POST',body:JSON.stringify({input_text:`abc ${x, "
        "voice_id: 1, extra_options:{audio_setting:{sample_rate:3\n"
    )
    return line * n


def test_an_unterminated_template_costs_the_value_checks_little(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """breakit35 unterminated-template-cubic: each body's value ran to the file's end and the
    value-type check read it whole per key (N=100: 20.6 s, main 1.0 s); now it costs about what
    the audit costs without that check (a ratio in one run, the smallest of three)."""
    from akool_cli.audit import rules
    from tests.test_audit_perf22 import _seconds

    text = _unterminated(60)
    audit_text(text, "ut.js")
    with_check = min(_seconds(lambda: audit_text(text, "ut.js")) for _ in range(3))
    monkeypatch.setattr(rules, "_shape_hit", lambda *args: None)
    without = min(_seconds(lambda: audit_text(text, "ut.js")) for _ in range(3))
    assert with_check <= 1.5 * without + 0.05


class _CountedSearch:
    def __init__(self, pattern: object, tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def search(self, text: str) -> object:
        self._tally[0] += 1
        return self._pattern.search(text)  # type: ignore[attr-defined]


def test_a_fields_zero_default_is_looked_for_once_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """breakit35 zero-default-quadratic: the file was searched for a 0 default of the field once
    per comparison with 0 (5,000 of them: 113.6 s, main 11.5 s)."""
    from akool_cli.audit import statuses

    tally = [0]
    made = statuses._zero_default_pattern
    monkeypatch.setattr(
        statuses, "_zero_default_pattern", lambda name: _CountedSearch(made(name), tally)
    )
    poll = (
        "d{i} = requests.get('" + V3 + "/content/video/infobymodelid', params={{'video_model_id':"
        " 'x{i}'}}, headers=H).json()\nif d{i}['data']['video_status'] == 0: print('x')\n"
    )
    text = "import requests\nH = {'x-api-key': 'k'}\n" + "".join(
        poll.format(i=i) for i in range(40)
    )
    found_ = audit_text(text, "z.py")
    assert len([f for f in found_ if f.rule == "status-value"]) == 40
    assert tally[0] == 1

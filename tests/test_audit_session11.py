"""The audit on shapes the held-out and break-it runs of session eleven found: a long call laid
out over several lines with the URL's name on a line of its own (heldout21k: black and prettier
write it so), an answer whose keys a converter turned to camelCase (break21e #13: read right,
no finding and no patch), and a file whose models map JSON names still has its answer's own
keys judged (break21e #5: `GetProperty("status")`), and a stop while `--json` is written leaves
one whole document (break21e #1)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

from akool_cli.audit.scan import audit_text
from tests.support.runner import AKOOL, exit_report, process_env

INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def _rules(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in audit_text(text, name) if f.severity == "error"]


def test_a_call_laid_out_over_lines_with_its_url_name_alone_has_its_answer_judged() -> None:
    python = (
        "import httpx\n"
        "async def poll(client: httpx.AsyncClient, vid: str) -> str:\n"
        f'    status_url = f"{INFO}?video_model_id={{vid}}"\n'
        "    resp = await client.get(\n"
        "        status_url,\n"
        "        headers={},\n"
        "    )\n"
        '    return resp.json().get("status")\n'
    )
    assert _rules(python, "poll.py") == [(8, "response-field")]
    js = (
        "export async function poll(vid) {\n"
        f"  const url = `{INFO}?video_model_id=${{vid}}`;\n"
        "  const resp = await fetch(\n"
        "    url,\n"
        "    { headers: {} },\n"
        "  );\n"
        "  const j = await resp.json();\n"
        "  return j.status;\n"
        "}\n"
    )
    assert _rules(js, "poll.js") == [(8, "response-field")]


def test_a_multi_line_value_that_only_holds_the_url_is_no_answer() -> None:
    # (a payload naming the URL is not what the URL's call answers)
    text = (
        "import requests\n"
        f'url = "{INFO}?video_model_id=1"\n'
        "payload = dict(\n"
        "    callback=url,\n"
        ")\n"
        'print(payload["status"])\n'
        'r = requests.get(url).json()["data"]["video_status"]\n'
    )
    assert _rules(text, "p.py") == []


def test_an_answer_whose_keys_were_camelized_is_read_by_its_own_names() -> None:
    ts = (
        'import camelcaseKeys from "camelcase-keys";\n'
        "export async function a(id: string) {\n"
        f"  const res = await fetch(`{INFO}?video_model_id=${{id}}`);\n"
        "  const json = camelcaseKeys(await res.json(), { deep: true });\n"
        "  return json.data.videoStatus;\n"
        "}\n"
    )
    assert _rules(ts, "cc.ts") == []
    python = (
        "import humps, requests\n"
        "def a(i):\n"
        f'    j = humps.camelize(requests.get("{INFO}", params={{"video_model_id": i}}).json())\n'
        '    return j["data"]["videoStatus"]\n'
    )
    assert _rules(python, "hz.py") == []
    # (without a converter, camelCase is a misspelling)
    plain = ts.replace('import camelcaseKeys from "camelcase-keys";\n', "// x\n")
    plain = plain.replace("camelcaseKeys(await res.json(), { deep: true })", "await res.json()")
    assert _rules(plain, "cc.ts") == [(5, "response-field")]


def test_a_file_whose_models_map_json_names_still_has_quoted_answer_keys_judged() -> None:
    cs = (
        "using System.Text.Json;\n"
        "using System.Text.Json.Serialization;\n"
        "public sealed class TranslateRequest\n"
        "{\n"
        '    [JsonPropertyName("url")] public string Url { get; set; } = "";\n'
        "}\n"
        "public sealed class AkoolStatus\n"
        "{\n"
        "    public async Task<int> StatusAsync(string id)\n"
        "    {\n"
        f'        var res = await _http.GetStringAsync($"{INFO}?video_model_id={{id}}");\n'
        "        using var doc = JsonDocument.Parse(res);\n"
        '        return doc.RootElement.GetProperty("data").GetProperty("status").GetInt32();\n'
        "    }\n"
        "}\n"
    )
    assert _rules(cs, "Status.cs") == [(13, "response-field")]


def test_a_host_under_a_name_reserved_for_examples_is_a_placeholder_not_a_wrong_host() -> None:
    # (heldout21k: a README's env block with `https://api.akool.example`)
    text = "AKOOL_BASE_URL=https://api.akool.example\n"
    assert [f.rule for f in audit_text(text, "env.sh")] == []
    assert [f.rule for f in audit_text(text.replace("example", "io"), "env.sh")] == ["wrong-host"]


def test_a_stop_while_the_json_document_is_written_leaves_it_whole(tmp_path: Path) -> None:
    # (break21e #1: SIGTERM while a big findings array went to a slow reader gave half of it,
    # then an error document; and CPython's own buffered write, interrupted, had lost the rest)
    folder = tmp_path / "scripts"
    folder.mkdir()
    call = (
        f'requests.post("{TALK}", json={{"talking_photo_url": "a", "audio_url": "b", '
        '"resolution": "720p"}})\n'
    )
    for k in range(10):
        (folder / f"f{k}.py").write_text(call * 100)
    command = [AKOOL, "audit", "--json", str(folder)]
    env = process_env(tmp_path / "home")
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as run:
        assert run.stdout is not None and run.stderr is not None
        # The document is far bigger than a pipe holds: once its first bytes are here, the
        # writer is inside its write, blocked on this reader.
        first = os.read(run.stdout.fileno(), 1000)
        run.send_signal(signal.SIGTERM)
        rest = run.stdout.read()
        stderr = run.stderr.read()
        code = run.wait()
    document = json.loads(first + rest)  # one document, whole
    assert len(document) == 1000, exit_report(code, stderr)
    assert code == 8, exit_report(code, stderr)


FACES = (
    'const EP = { detect: "https://openapi.akool.com/interface/detect-api/detect_faces" };\n'
    "async function jpost(url, body) {\n"
    '  const r = await fetch(url, { method: "POST", body: JSON.stringify(body) });\n'
    "  const t = await r.text();\n"
    "  let d; try { d = JSON.parse(t); } catch { d = { _raw: t }; }\n"
    "  return { status: r.status, d };\n"
    "}\n"
    "async function faces(img) {\n"
    "  const { status, d } = await jpost(EP.detect, { img: img, single_face: true });\n"
    "  const fo = d.faces_obj || d.data?.faces_obj || {};\n"
    "  return fo;\n"
    "}\n"
)


def test_a_documented_read_first_in_a_chain_defends_the_guess_after_it() -> None:
    # (heldout21i: `d.faces_obj || d.data?.faces_obj` on a helper's `{ status, d }`)
    assert _rules(FACES, "fc.mjs") == []
    alone = FACES.replace("d.faces_obj || d.data?.faces_obj", "d.data?.faces_obj")
    assert _rules(alone, "fc.mjs") == [(10, "response-field")]


LOGGED = (
    "export class Api {\n"
    "  private host: string;\n"
    "  private async fetchApi(endpoint: string, method: string) {\n"
    "    const response = await fetch(`${this.host}${endpoint}`, { method });\n"
    "    const responseBody = await response.json();\n"
    + "".join(f"    console.log('step {k}', response.status);\n" for k in range(14))
    + "    if (responseBody.code != 1000) {\n"
    '      throw new Error("x");\n'
    "    }\n"
    "    return responseBody.data;\n"
    "  }\n"
    "  public async langs(): Promise<string[]> {\n"
    "    const data = await this.fetchApi('/api/open/v3/language/list', 'GET');\n"
    "    return data?.lang_list;\n"
    "  }\n"
    "}\n"
)


def test_a_helper_returning_its_answers_data_far_below_the_parse_gives_callers_data() -> None:
    # (heldout21k: a class method logs the answer over a dozen lines, then `return body.data`;
    # its callers' `data?.lang_list` was judged as a top-level read)
    assert _rules(LOGGED, "api.ts") == []
    whole = LOGGED.replace("return responseBody.data;", "return responseBody;")
    assert _rules(whole, "api.ts") == [(27, "response-field")]

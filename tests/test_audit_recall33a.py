"""Session 33, recall33a: JavaScript/TypeScript, PHP, Python and shell misses of the blind testers
(/work/notes/repro21v, /work/notes/repro21w) and the program-structure matrix in
/work/notes/matrix21/recall33a: each shape, with a correct twin that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"


def rules_at(text: str, name: str, rule: str) -> list[int]:
    return sorted(f.line for f in audit_text(text, name) if f.rule == rule)


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


# -- a curl piped straight into jq reads its own answer, whatever variable its URL holds -----------

CREATE_THEN_FETCH = (
    "#!/bin/sh\n"
    "ID=$(curl -s -X POST '{B}/content/image/createbyprompt' \\\n"
    "  -H \"x-api-key: $KEY\" -H 'Content-Type: application/json' \\\n"
    '  -d "{{\\"prompt\\": \\"$1\\", \\"scale\\": \\"1:1\\"}}" | jq -r \'.data._id\')\n'
    "sleep 30\n"
    '{cmd} "{B}/content/image/infobymodelid?image_model_id=$ID" -H "x-api-key: $KEY" | jq -r \'.data.{read}\'\n'
)


@pytest.mark.parametrize("cmd", ["curl -s", "command curl -sS", "wget -qO-"])
def test_a_curl_piped_to_jq_reads_its_own_answer_not_the_url_variables(cmd: str) -> None:
    ok = CREATE_THEN_FETCH.format(B=B, cmd=cmd, read="image")
    assert errors(ok, "img.sh") == []
    wrong = CREATE_THEN_FETCH.format(B=B, cmd=cmd, read="image_url")
    found = errors(wrong, "img.sh")
    assert [f.line for f in found] == [6]
    assert "infobymodelid" in found[0].message and "createbyprompt" not in found[0].message


def test_a_jq_given_a_variable_still_reads_that_variables_answer() -> None:
    text = (
        "#!/bin/sh\n"
        f'R=$(curl -s -X POST \'{B}/content/image/createbyprompt\' -d \'{{"prompt":"a","scale":"1:1"}}\')\n'
        f'curl -s "{B}/content/image/infobymodelid?image_model_id=1" -o out.json\n'
        "echo \"$R\" | jq -r '.data.image'\n"
    )
    assert [f.line for f in errors(text, "r.sh")] == [4]


@pytest.mark.parametrize("other", ["https://api.example.com/jobs/$ID", "$OTHER_API/jobs/$ID"])
def test_a_curl_of_another_api_piped_to_jq_is_no_akool_read(other: str) -> None:
    text = (
        "#!/bin/sh\n"
        f'R=$(curl -s "{B}/content/video/infobymodelid?video_model_id=$ID" | jq -r .data.video_status)\n'
        f"other=$(curl -s \"{other}\" | jq -r '.data.status')\n"
    )
    assert errors(text, "o.sh") == []


# -- a success flag named ready / isReady / ok -----------------------------------------------------

READY = {
    "js": (
        "const axios = require('axios');\n"
        f'const BASE = "{B}";\n'
        "async function f(id) {{\n"
        "  const {{ data }} = await axios.get(`${{BASE}}/content/video/infobymodelid`, {{ params: {{ video_model_id: id }} }});\n"
        "  const {flag} = data.data.video_status === {n};\n"
        "  return {flag} ? data.data.video : null;\n}}\n"
    ),
    "py": (
        "import requests\n"
        f'BASE = "{B}"\n'
        "def f(vid):\n"
        '    d = requests.get(f"{{BASE}}/content/video/infobymodelid", params={{"video_model_id": vid}}).json()["data"]\n'
        '    {flag} = d["video_status"] == {n}\n'
        '    return d["video"] if {flag} else None\n'
    ),
}


@pytest.mark.parametrize("lang", sorted(READY))
@pytest.mark.parametrize("flag", ["ready", "isReady", "ok", "is_ready"])
def test_a_flag_named_ready_or_ok_takes_its_number_for_completed(lang: str, flag: str) -> None:
    text = READY[lang]
    assert rules_at(text.format(flag=flag, n=2), f"p.{lang}", "status-value") == [5]
    assert errors(text.format(flag=flag, n=3), f"p.{lang}") == []
    assert rules_at(text.format(flag="notReady", n=2), f"p.{lang}", "status-value") == []


# -- a route's parameter (`params.id`, `req.query.id`) as the value of a GET's one query key ------

ROUTE_VALUE = (
    f'const AKOOL = "{B}";\n'
    "export async function GET(_req, {{ params }}) {{\n"
    "  const r = await fetch(`${{AKOOL}}/content/video/infobymodelid?{key}=${{{value}}}`);\n"
    "  return Response.json(await r.json());\n}}\n"
)


@pytest.mark.parametrize("value", ["params.id", "req.query.id", "ctx.params.videoId", "query.id"])
def test_a_route_parameters_value_leaves_the_query_whole(value: str) -> None:
    found = errors(ROUTE_VALUE.format(key="video_id", value=value), "route.ts")
    assert [(f.line, f.rule, f.severity) for f in found] == [(3, "misnamed-field", "error")]
    assert errors(ROUTE_VALUE.format(key="video_model_id", value=value), "route.ts") == []


def test_a_query_built_from_params_still_may_add_to_it() -> None:
    text = (
        f'const AKOOL = "{B}";\n'
        "export async function GET(params) {\n"
        "  const r = await fetch(`${AKOOL}/content/video/infobymodelid?video_id=1&${params.toString()}`);\n"
        "  return r.json();\n}\n"
    )
    assert [f.severity for f in errors(text, "route.ts")] == ["warning"]


# -- a name turned into a string where the docs give an integer -------------------------------------

REAGE = {
    "js": (
        f'const API = "{B}";\n'
        "function f(face, video, years) {{\n"
        "  return fetch(`${{API}}/faceswap/highquality/imgreage`, {{ method: 'POST', body: JSON.stringify("
        "{{ targetImage: [{{ path: face, opts: '' }}], face_reage: {v}, modifyImage: video }}) }});\n}}\n"
    ),
    "py": (
        f'import requests\nAPI = "{B}"\n'
        "def f(face, video, years):\n"
        '    return requests.post(f"{{API}}/faceswap/highquality/imgreage", json={{"targetImage": '
        '[{{"path": face, "opts": ""}}], "face_reage": {v}, "modifyImage": video}})\n'
    ),
    "php": (
        f'<?php\n$API = "{B}";\nfunction f($face, $video, $years) {{{{\n'
        '  $ch = curl_init("$API/faceswap/highquality/imgreage");\n'
        "  curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['targetImage' => [['path' => $face, 'opts' => '']], "
        "'face_reage' => {v}, 'modifyImage' => $video]));\n  return curl_exec($ch);\n}}\n"
    ),
    "rb": (
        f'require "net/http"\nrequire "json"\nAPI = "{B}"\ndef f(face, video, years)\n'
        '  Net::HTTP.post(URI("#{{API}}/faceswap/highquality/imgreage"), {{ targetImage: [{{ path: face, opts: "" }}], '
        'face_reage: {v}, modifyImage: video }}.to_json, "Content-Type" => "application/json")\nend\n'
    ),
}
STRINGIFIED = {
    "js": (
        ["String(years)", "years.toString()", "`${years}`", "String(opts.years)"],
        ["years", "Number(years)"],
    ),
    "py": (["str(years)", 'f"{years}"', 'str(args["years"])'], ["years", "int(years)"]),
    "php": (
        ["(string)$years", "(string) $years", "strval($years)", '"$years"', '"{$years}"'],
        ["$years", "(int)$years"],
    ),
    "rb": (["years.to_s", '"#{years}"'], ["years", "years.to_i"]),
}


@pytest.mark.parametrize("lang", sorted(REAGE))
def test_a_name_made_a_string_for_an_integer_field_is_a_bad_value(lang: str) -> None:
    wrong, right = STRINGIFIED[lang]
    line = REAGE[lang].count("\n", 0, REAGE[lang].index("face_reage")) + 1
    for value in wrong:
        found = errors(REAGE[lang].format(v=value), f"r.{lang}")
        assert [(f.line, f.rule) for f in found] == [(line, "bad-value")], value
        assert "is sent as a string" in found[0].message
    for value in right:
        assert errors(REAGE[lang].format(v=value), f"r.{lang}") == [], value


# -- a PHP config file returning an array, required by another file -----------------------------


def folder_findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = audit([tmp_path]).findings
    return sorted((Path(f.file).name, f.line, f.rule) for f in found if f.severity != "info")


PHP_PAGE = (
    "<?php\n$cfg = require __DIR__ . '/{file}';\n"
    "$ch = curl_init($cfg['akool_base'] . '/faceswap/highquality/specifyimages');\n"
    "$info = file_get_contents(\"{{$cfg['akool_base']}}/faceswap/quota/info\");\n"
)


@pytest.mark.parametrize(
    "config",
    [
        f"<?php\nreturn ['akool_base' => '{B}'];\n",
        f"<?php\n\nreturn [\n    'akool_base' => getenv('AKOOL_BASE') ?: '{B}',\n    'key' => getenv('AKOOL_KEY'),\n];\n",
        f"<?php\nreturn array('akool_base' => \"{B}\");\n",
    ],
)
def test_a_base_a_required_php_config_array_holds_is_joined(tmp_path: Path, config: str) -> None:
    files = {"config/cfg.php": config, "page.php": PHP_PAGE.format(file="config/cfg.php")}
    assert folder_findings(tmp_path, files) == [("page.php", 3, "unknown-endpoint")]


def test_a_php_config_of_another_name_or_another_host_gives_no_base(tmp_path: Path) -> None:
    files = {
        "cfg.php": "<?php\nreturn ['akool_base' => 'https://api.example.com/v3'];\n",
        "other.php": f"<?php\nreturn ['akool_base' => '{B}'];\n",
        "page.php": PHP_PAGE.format(file="cfg.php"),
    }
    assert folder_findings(tmp_path, files) == []


# -- node-config's config/default.json read with config.get("akool.baseUrl") -----------------------

NODE_CONFIG = f'{{\n  "akool": {{\n    "baseUrl": "{B}",\n    "timeout": 5000\n  }}\n}}\n'
NODE_READS = {
    "joined": 'const config = require("config");\nfetch(config.get("akool.baseUrl") + "/faceswap/quota/infos");\n',
    "named": 'const config = require("config");\nconst BASE = config.get("akool.baseUrl");\nfetch(`${BASE}/faceswap/quota/infos`);\n',
    "template": 'import config from "config";\nfetch(`${config.get("akool.baseUrl")}/faceswap/quota/infos`);\n',
}


@pytest.mark.parametrize("shape", sorted(NODE_READS))
def test_a_node_config_base_is_joined(tmp_path: Path, shape: str) -> None:
    code = NODE_READS[shape]
    line = code.count("\n", 0, code.index("/faceswap")) + 1
    files = {"config/default.json": NODE_CONFIG, "credit.js": code}
    assert folder_findings(tmp_path, files) == [("credit.js", line, "unknown-endpoint")]
    files["credit.js"] = code.replace("infos", "info")
    assert folder_findings(tmp_path, files) == []


# -- PHP's json_decode(curl_exec($ch), true)['data'][...] read in the same statement ---------------

PHP_EXEC_READ = (
    "<?php\nfunction a(string $id): int {{\n"
    f"    $ch = curl_init('{B}/content/video/infobymodelid?video_model_id=' . $id);\n"
    "    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n"
    "    return {read};\n}}\n"
)


@pytest.mark.parametrize(
    "read",
    [
        "json_decode(curl_exec($ch), true)['data']['{f}']",
        "json_decode(curl_exec($ch))->data->{f}",
        'json_decode(curl_exec( $ch ), true)["data"]["{f}"]',
    ],
)
def test_a_read_chained_on_json_decode_of_curl_exec_is_judged(read: str) -> None:
    wrong = PHP_EXEC_READ.format(read=read.format(f="videoStatus"))
    assert rules_at(wrong, "s.php", "response-field") == [5]
    assert errors(PHP_EXEC_READ.format(read=read.format(f="video_status")), "s.php") == []


# -- PHP clients whose GET sends only the query it is given: a missing required field ------------

V4 = "https://openapi.akool.com/api/open/v4/voice/list"
PHP_GETS = {
    "symfony": "$res = $http->request('GET', '"
    + V4
    + "', [\n    'headers' => ['x-api-key' => $key],\n    'query' => {q},\n]);\n",
    "guzzle": "$c = new \\GuzzleHttp\\Client();\n$r = $c->get('"
    + V4
    + "', ['query' => {q}, 'headers' => ['x-api-key' => $key]]);\n",
    "laravel": "$r = Http::withHeaders(['x-api-key' => $key])->timeout(10)->get('"
    + V4
    + "', {q});\n",
}


@pytest.mark.parametrize("shape", sorted(PHP_GETS))
def test_a_php_get_query_lacking_a_required_field_is_missing_field(shape: str) -> None:
    code = "<?php\n" + PHP_GETS[shape]
    line = code.count("\n", 0, code.index(V4)) + 1
    assert rules_at(code.format(q="['page' => 1, 'size' => 100]"), "v.php", "missing-field") == [
        line
    ]
    assert errors(code.format(q="['type' => 1, 'page' => 1]"), "v.php") == []


@pytest.mark.parametrize(
    "code",
    [
        "$c = new \\GuzzleHttp\\Client(['query' => ['type' => 1]]);\n$r = $c->get('"
        + V4
        + "', ['query' => ['page' => 1]]);\n",
        "$r = Http::withQueryParameters(['type' => 1])->get('" + V4 + "', ['page' => 1]);\n",
        "$r = $api->get('" + V4 + "', ['query' => ['page' => 1]]);\n",
    ],
)
def test_a_php_client_that_may_add_a_query_is_not_judged(code: str) -> None:
    assert rules_at("<?php\n" + code, "v.php", "missing-field") == []


# -- the shell's `: "${BASE:=...}"` default, and a wrapper called in a one-line function -----------

WRAPPER = (
    'akool_post() {{ curl -fsS -X POST "$AKOOL_URL$1" -H "x-api-key: $AKOOL_API_KEY" -d "$2"; }}\n'
)
TALK = '/content/video/createbytalkingphoto \'{{"talking_photo_url":"a","audio_url":"b","resolution":"{r}"}}\''


@pytest.mark.parametrize(
    "base",
    [
        f': "${{AKOOL_URL:={B}}}"\n',
        f": ${{AKOOL_URL:={B}}}\n",
        f'AKOOL_URL="${{AKOOL_URL:-{B}}}"\n',
    ],
)
@pytest.mark.parametrize(
    "call",
    ["akool_post " + TALK + "\n", "new_photo() {{ akool_post " + TALK + " | jq -r .data._id; }}\n"],
)
def test_a_colon_default_base_and_a_one_line_functions_wrapper_call(base: str, call: str) -> None:
    head = "#!/usr/bin/env bash\n" + base.replace("{", "{{").replace("}", "}}") + WRAPPER
    assert rules_at((head + call).format(r="2k"), "e.sh", "bad-value") == [4]
    assert errors((head + call).format(r="720"), "e.sh") == []


def test_colon_defaults_on_consecutive_lines_each_bind() -> None:
    text = (
        f'#!/bin/sh\n: "${{AKOOL_URL:={B}}}"\n: "${{AKOOL_API_KEY:?set it}}"\n'
        + WRAPPER.format()
        + "akool_post "
        + TALK.format(r="2k")
        + "\n"
    )
    assert rules_at(text, "e.sh", "bad-value") == [5]


# -- state names given in the expression that reads the status; a comparison under a named key ----

PY_STATUS = (
    f'import requests\nAPI = "{B}"\n\n\ndef state(vid):\n'
    '    d = requests.get(f"{{API}}/content/video/infobymodelid", params={{"video_model_id": vid}}).json()["data"]\n'
    "    return {expr}\n"
)
JS_STATUS = (
    "export async function state(id) {{\n"
    f"  const j = await (await fetch(`{B}/content/video/infobymodelid?video_model_id=${{{{id}}}}`)).json();\n"
    "  return {expr};\n}}\n"
)
PHP_STATUS = (
    f"<?php\n$ch = curl_init('{B}/content/video/infobymodelid?video_model_id=' . $id);\n"
    "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n$res = json_decode(curl_exec($ch), true);\n"
    "$label = {expr};\n"
)
INLINE = [
    (PY_STATUS, "p.py", '{{1: "queued", {a}: "done", {b}: "failed"}}[d["video_status"]]', 7),
    (
        PY_STATUS,
        "p.py",
        '{{1: "queued", {a}: "done", {b}: "failed"}}.get(d["video_status"], "?")',
        7,
    ),
    (JS_STATUS, "j.js", '({{ 1: "queued", {a}: "done", {b}: "failed" }})[j.data.video_status]', 3),
    (
        PHP_STATUS,
        "m.php",
        "match ($res['data']['video_status']) {{ 1 => 'queued', {a} => 'done', {b} => 'failed', default => '?' }}",
        5,
    ),
    (PY_STATUS, "p.py", '{{"done": d["video_status"] == {a}, "url": d.get("video")}}', 7),
    (JS_STATUS, "j.js", "{{ done: j.data.video_status === {a}, url: j.data.video }}", 3),
    (PHP_STATUS, "m.php", "['ready' => $res['data']['video_status'] == {a}]", 5),
]


@pytest.mark.parametrize(("template", "name", "expr", "line"), INLINE)
def test_state_names_given_inline_or_as_a_key_are_judged(
    template: str, name: str, expr: str, line: int
) -> None:
    wrong = template.format(expr=expr.format(a=2, b=3))
    assert line in rules_at(wrong, name, "status-value")
    assert errors(template.format(expr=expr.format(a=3, b=4)), name) == []


def test_a_key_that_names_no_state_says_nothing() -> None:
    text = PY_STATUS.format(expr='{"status": d["video_status"] == 2}')
    assert errors(text, "p.py") == []


# -- a word compared with the status of a list item taken by its index ----------------------------

SWAP_FIRST = {
    "js": (
        'const axios = require("axios");\nasync function f(id) {{\n'
        f'  const {{{{ data }}}} = await axios.get("{B}/faceswap/result/listbyids", {{{{ params: {{{{ _ids: id }}}} }}}});\n'
        "  const item = data.data.result[0];\n"
        "  if (item.faceswap_status === {v}) return item.url;\n"
        "  if (data.data.result[0].faceswap_status === {w}) throw new Error('failed');\n}}\n"
    ),
    "py": (
        "import requests\ndef f(ids):\n"
        f'    res = requests.get("{B}/faceswap/result/listbyids", params={{{{"_ids": ids}}}}).json()\n'
        '    first = res["data"]["result"][0]\n'
        '    if first["faceswap_status"] == {v}:\n        return first["url"]\n'
        '    if res["data"]["result"][0]["faceswap_status"] == {w}:\n        raise RuntimeError("failed")\n'
    ),
}


@pytest.mark.parametrize("lang", sorted(SWAP_FIRST))
def test_a_word_compared_with_an_indexed_items_status_is_judged(lang: str) -> None:
    text = SWAP_FIRST[lang]
    wrong = rules_at(text.format(v='"completed"', w='"failed"'), f"s.{lang}", "status-value")
    assert len(wrong) == 2
    assert errors(text.format(v="3", w="4"), f"s.{lang}") == []


# -- the script's own request function piped to jq reads its own answer too ----------------------

WRAPPED_FETCH = (
    "#!/usr/bin/env bash\n"
    f': "${{AKOOL_URL:={B}}}"\n'
    'akool_get() { curl -fsS "$AKOOL_URL$1" -H "x-api-key: $AKOOL_API_KEY"; }\n'
    'id=$(curl -fsS -X POST "$AKOOL_URL/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" '
    '-d \'{"prompt":"a cat","scale":"1:1"}\' | jq -r .data._id)\n'
    'akool_get "/content/image/infobymodelid?image_model_id=$id" | jq -r .data.READ\n'
)


def test_a_wrapper_piped_to_jq_reads_its_own_answer_not_its_arguments_variable() -> None:
    assert errors(WRAPPED_FETCH.replace("READ", "image"), "w.sh") == []
    found = errors(WRAPPED_FETCH.replace("READ", "image_url"), "w.sh")
    assert [f.line for f in found] == [5] and "infobymodelid" in found[0].message


def test_echo_of_a_variable_piped_to_jq_still_reads_that_variable() -> None:
    text = WRAPPED_FETCH.replace(
        'akool_get "/content/image/infobymodelid?image_model_id=$id" | jq -r .data.READ',
        'R=$(akool_get "/content/image/infobymodelid?image_model_id=$id")\necho "$R" | jq -r .data.image_url',
    )
    assert [f.line for f in errors(text, "w.sh")] == [6]


# -- a status held in a typed local; a PHP array of state names ----------------------------------

TYPED_LOCAL = {
    "ts": (
        "export async function f(id: string): Promise<string> {{\n"
        f"  const j = await (await fetch(`{B}/content/image/infobymodelid?image_model_id=${{{{id}}}}`)).json();\n"
        "  const s{t} = j.data.image_status;\n"
        '  if (s === {n}) {{\n    return "done";\n  }}\n  return "pending";\n}}\n'
    ),
    "py": (
        "import requests\ndef f(i):\n"
        f'    d = requests.get("{B}/content/image/infobymodelid", params={{{{"image_model_id": i}}}}).json()["data"]\n'
        '    s{t} = d["image_status"]\n'
        '    if s == {n}:\n        return d["image"]\n    return None\n'
    ),
}


@pytest.mark.parametrize(
    ("lang", "typed"), [("ts", ": number"), ("ts", ": number | null"), ("py", ": int")]
)
def test_a_status_held_in_a_typed_local_is_judged(lang: str, typed: str) -> None:
    text = TYPED_LOCAL[lang]
    line = text.count("\n", 0, text.index("{n}")) + 1
    assert rules_at(text.format(t=typed, n=2), f"f.{lang}", "status-value") == [line]
    assert errors(text.format(t=typed, n=3), f"f.{lang}") == []


def test_a_php_array_of_state_names_looked_up_by_the_status() -> None:
    text = (
        "<?php\n$labels = [1 => 'queued', {a} => 'done', {b} => 'failed'];\n"
        f"$ch = curl_init('{B}/content/video/infobymodelid?video_model_id=' . $id);\n"
        "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n$res = json_decode(curl_exec($ch), true);\n"
        "echo $labels[$res['data']['video_status']] ?? 'unknown';\n"
    )
    assert rules_at(text.format(a=2, b=3), "l.php", "status-value") == [2, 2]
    assert errors(text.format(a=3, b=4), "l.php") == []


# -- a shell case on a request's answer: the request is a call -------------------------------------

CASE_ON_CURL = (
    "#!/bin/sh\n"
    f"BASE={B}\n"
    'case "$(curl -s "$BASE/content/image/infobymodelid{x}?image_model_id=$1" | jq -r .data.image_status)" in\n'
    '  {n}) echo "done" ;;\n'
    '  *) echo "pending" ;;\nesac\n'
)


def test_a_case_on_a_curls_answer_is_a_call_whose_states_are_judged() -> None:
    assert rules_at(CASE_ON_CURL.format(x="", n=2), "c.sh", "status-value") == [4]
    assert rules_at(CASE_ON_CURL.format(x="s", n=3), "c.sh", "unknown-endpoint") == [3]
    assert errors(CASE_ON_CURL.format(x="", n=3), "c.sh") == []


def test_a_case_on_a_path_held_as_data_stays_data() -> None:
    text = '#!/bin/sh\ncase "$1" in\n  /api/open/v3/photo/talking) echo old ;;\nesac\n'
    assert errors(text, "d.sh") == []


# -- an SDK method returning its shared request helper's result -----------------------------------

SDK = (
    "import requests\n\n\nclass Akool:\n"
    "    def __init__(self):\n        self.s = requests.Session()\n\n"
    "    def _request(self, method, path, **kw):\n"
    '        j = self.s.request(method, "https://openapi.akool.com" + path, **kw).json()\n'
    '        return j["data"]\n\n'
    "    def image_info(self, image_id):\n"
    '        return self._request("GET", "/api/open/v3/content/image/infobymodelid", params={"image_model_id": image_id})\n'
)


def test_reads_of_an_sdk_methods_result_are_judged_through_its_request_helper() -> None:
    use = 'ak = Akool()\nprint(ak.image_info("a")["{f}"])\ninfo = ak.image_info("a")\nprint(info["{f}"])\n'
    found = rules_at(SDK + "\n\n" + use.format(f="image_url"), "sdk.py", "response-field")
    assert found == [17, 19]
    assert errors(SDK + "\n\n" + use.format(f="image"), "sdk.py") == []


def test_a_method_reading_further_into_the_helpers_result_is_not_the_helpers_result() -> None:
    text = SDK.replace(
        'params={"image_model_id": image_id})\n', 'params={"image_model_id": image_id})["image"]\n'
    )
    assert errors(text + '\n\nprint(Akool().image_info("a").upper())\n', "sdk.py") == []


# -- a shell function printing the status, bound by its caller -----------------------------------

STATUS_FN = {
    "lines": (
        "video_status() {{\n"
        '  curl -s "$BASE/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $K" | jq -r \'.data.{f}\'\n'
        "}}\n"
    ),
    "one": 'video_status() {{ curl -s "$BASE/content/video/infobymodelid?video_model_id=$1" | jq -r .data.{f}; }}\n',
}


@pytest.mark.parametrize("shape", sorted(STATUS_FN))
def test_a_variable_bound_to_a_function_printing_the_status_is_judged(shape: str) -> None:
    head = f"#!/bin/sh\nBASE={B}\n" + STATUS_FN[shape]
    tail = 'while :; do\n  s=$(video_status "$1")\n  if [ "$s" = "{n}" ]; then echo done; break; fi\n  sleep 5\ndone\n'
    text = head + tail
    line = text.count("\n", 0, text.index('[ "$s"')) + 1
    assert rules_at(text.format(f="video_status", n=2), "w.sh", "status-value") == [line]
    assert errors(text.format(f="video_status", n=3), "w.sh") == []
    assert rules_at(text.format(f="video", n=2), "w.sh", "status-value") == []


# -- a JavaScript Map of paths looked up with .get -------------------------------------------------

ENDPOINT_MAP = (
    f'const BASE = "{B}";\n'
    'const ENDPOINTS = new Map([\n  ["credit", "/faceswap/quota/{c}"],\n  ["voices", "/voice/list"],\n]);\n'
    "export async function call(name) {{\n"
    '  const r = await fetch(BASE + ENDPOINTS.get(name), {{ headers: {{ "x-api-key": "k" }} }});\n'
    "  return r.json();\n}}\n"
)


def test_a_map_of_paths_read_with_get_and_joined_to_the_base() -> None:
    assert rules_at(ENDPOINT_MAP.format(c="infos"), "m.js", "unknown-endpoint") == [3]
    assert errors(ENDPOINT_MAP.format(c="info"), "m.js") == []


def test_a_python_table_of_paths_read_with_get_and_joined() -> None:
    text = (
        f'import requests\nBASE = "{B}"\nPATHS = {{\n    "credit": "/faceswap/quota/infos",\n}}\n'
        "def call(kind):\n    return requests.get(BASE + PATHS.get(kind)).json()\n"
    )
    assert rules_at(text, "p.py", "unknown-endpoint") == [4]


# -- an axios instance made from a config module's member, imported by another file -------------

CONFIG_JS = {
    "cjs": (
        f'module.exports = {{\n  akool: {{ base: "{B}", key: process.env.K }},\n}};\n',
        'const axios = require("axios");\nconst config = require("./config");\n\n'
        "module.exports = axios.create({ baseURL: config.akool.base });\n",
        'const router = require("express").Router();\nconst akool = require("../akool");\n\n'
        'router.post("/lipsync", async (req, res) => {{\n'
        '  const {{ data }} = await akool.post("/content/video/lipsync", {{ video_url: "v", audio_url: "a", {k}: "h" }});\n'
        "  res.json(data);\n}});\n",
    ),
    "esm": (
        f'export default {{\n  akool: {{ base: "{B}" }},\n}};\n',
        'import axios from "axios";\nimport config from "./config.js";\n\n'
        "export default axios.create({ baseURL: config.akool.base });\n",
        'import express from "express";\nimport akool from "../akool.js";\n\nconst router = express.Router();\n'
        'router.post("/lipsync", async (req, res) => {{\n'
        '  const {{ data }} = await akool.post("/content/video/lipsync", {{ video_url: "v", audio_url: "a", {k}: "h" }});\n'
        "  res.json(data);\n}});\n",
    ),
}


@pytest.mark.parametrize("kind", sorted(CONFIG_JS))
def test_an_axios_instance_made_from_an_imported_config_member_is_followed(
    tmp_path: Path, kind: str
) -> None:
    config, client, route = CONFIG_JS[kind]
    files = {"config.js": config, "akool.js": client, "routes/videos.js": route.format(k="webhook")}
    line = route.count("\n", 0, route.index("{k}")) + 1
    assert folder_findings(tmp_path, files) == [("videos.js", line, "misnamed-field")]
    files["routes/videos.js"] = route.format(k="webhookUrl")
    assert folder_findings(tmp_path, files) == []


def test_a_plain_function_calling_the_imported_config_client_is_judged(tmp_path: Path) -> None:
    config, client, _ = CONFIG_JS["cjs"]
    route = (
        'const akool = require("../akool");\n\nasync function f() {\n'
        '  return akool.post("/content/video/lipsync", { video_url: "v", audio_url: "a", webhook: "h" });\n}\n'
    )
    files = {"config.js": config, "akool.js": client, "routes/videos.js": route}
    assert folder_findings(tmp_path, files) == [("videos.js", 4, "misnamed-field")]

"""Session 31, prec31: no false finding and no patch where nothing is sent (a comment naming an
old URL, a request log, a deny-list of retired paths, a media file's URL on a doubtful host) and
no value misread (a shell default written without quotes, Python's positional format slots)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
TALK = "/content/video/createbytalkingphoto"
PROMPT = "/content/image/createbyprompt"


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


def rules_of(text: str, name: str) -> list[str]:
    return [f.rule for f in reported(text, name)]


# -- repro21r comment-url-line-or-semicolon-read-as-call -----------------------------------------


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ("#   https://api.akool.com/api/open/v3/content/video/lipsync", "a.py"),
        ("# we used to post to https://api.akool.com/api/open/v3/content/video/lipsync;", "a.py"),
        ("// until 2024-12 this file called /api/open/v3/liveAvatar/session/create;", "a.js"),
        ("//   https://api.akool.com/api/open/v3/content/video/lipsync", "A.java"),
        ("# old: /api/open/v3/content/image/createbyimagine;", "a.sh"),
    ],
)
def test_a_comment_that_names_an_old_url_alone_or_before_a_semicolon_is_no_call(
    comment: str, name: str
) -> None:
    assert reported(comment + "\nx = 1\n", name) == []


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ('# requests.post("https://api.akool.com/api/open/v3/content/video/lipsync");', "a.py"),
        ("# curl -X POST https://api.akool.com/api/open/v3/content/video/lipsync;", "a.sh"),
        ('// const u = "https://api.akool.com/api/open/v3/content/video/lipsync";', "a.js"),
    ],
)
def test_commented_out_code_ending_in_a_semicolon_is_still_read(comment: str, name: str) -> None:
    assert "wrong-host" in rules_of(comment + "\n", name)


# -- repro21r request-log-file-judged-and-patched ------------------------------------------------


LOG = (
    "2024-11-03T10:00:01Z INFO POST https://api.akool.com/api/open/v3/content/video/"
    "createbytalkingphoto 200 312ms\n"
    "2024-11-03T10:01:02Z WARN POST https://openapi.akool.com/api/open/v3/content/image/"
    "createbyimagine 200 402ms\n"
    "2024-11-03T10:01:03Z DEBUG curl -X POST https://api.akool.com/api/open/v3/content/video/lipsync\n"
)


def test_a_request_log_is_a_record_never_judged_nor_patched(tmp_path: Path) -> None:
    (tmp_path / "render.log").write_text(LOG)
    found = audit([tmp_path]).findings
    assert found == [] or all(f.severity == "info" and f.fix is None for f in found)


# -- repro21r shell-unquoted-default-expansion-value-read-with-dash ------------------------------


def _render(defaults: str) -> str:
    return (
        f"{defaults}\n"
        f"curl -X POST {B}{TALK} -H 'x-api-key: k' -d "
        '"{\\"talking_photo_url\\": \\"$1\\", \\"audio_url\\": \\"$2\\", '
        '\\"resolution\\": \\"$RESOLUTION\\"}"\n'
        f"curl -X POST {B}{PROMPT} -H 'x-api-key: k' -d "
        '"{\\"prompt\\": \\"p\\", \\"scale\\": \\"$SCALE\\"}"\n'
    )


@pytest.mark.parametrize(
    "defaults",
    [
        "RESOLUTION=${RESOLUTION:-1080}\nSCALE=${SCALE:-16:9}",
        "export RESOLUTION=${RESOLUTION:-720}\nexport SCALE=${SCALE:-1:1}",
        "RESOLUTION=${1:-1080}\nSCALE=${2:-9:16}",
    ],
)
def test_an_unquoted_shell_default_is_its_value_without_the_dash(defaults: str) -> None:
    assert reported(_render(defaults), "render.sh") == []


def test_a_wrong_unquoted_shell_default_is_reported_as_written() -> None:
    found = reported(_render("RESOLUTION=${RESOLUTION:-4k}\nSCALE=${SCALE:-16:10}"), "render.sh")
    assert sorted((f.line, f.rule, f.message.split(" is ")[0]) for f in found) == [
        (1, "bad-value", "resolution 4k"),
        (2, "bad-value", "scale 16:10"),
    ]


# -- repro21r python-str-format-positional-placeholder-read-as-value -----------------------------


@pytest.mark.parametrize(
    "body",
    [
        """'{{"prompt": "{}", "scale": "{}"}}'.format(prompt, scale)""",
        """'{{"prompt": "{0}", "scale": "{1}"}}'.format(prompt, scale)""",
        """'{{"prompt": "{}", "scale": "{:s}"}}'.format(prompt, scale)""",
        """'{"prompt": "%(p)s", "scale": "%(s)s"}' % {"p": prompt, "s": scale}""",
    ],
)
@pytest.mark.parametrize("inline", [False, True])
def test_a_positional_format_slot_is_no_value_nor_its_mapping_a_body(
    body: str, inline: bool
) -> None:
    send = body if inline else "body"
    text = (
        "import requests\n"
        f'BASE = "{B}"\n'
        'def image(prompt, scale="1:1"):\n'
        + ("" if inline else f"    body = {body}\n")
        + f'    return requests.post(f"{{BASE}}{PROMPT}", data={send}).json()\n'
    )
    assert reported(text, "raw.py") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'def image(prompt, scale = "1:1")\n'
            """  body = format('{"prompt": "%<p>s", "scale": "%<s>s"}', p: prompt, s: scale)\n"""
            f'  Net::HTTP.post(URI("{B}{PROMPT}"), body, "x-api-key" => ENV["K"])\nend\n',
            "fmt.rb",
        ),
        (
            "package main\nfunc image(prompt, scale string) {\n"
            '\tbody := fmt.Sprintf(`{"prompt": "%v", "scale": "%-4s"}`, prompt, scale)\n'
            f'\thttp.Post("{B}{PROMPT}", "application/json", strings.NewReader(body))\n}}\n',
            "fmt.go",
        ),
    ],
)
def test_a_printf_slot_in_any_language_is_no_value(text: str, name: str) -> None:
    assert reported(text, name) == []


# -- repro21r diff-rewrites-retired-path-lists-inverting-them ------------------------------------


OLD = ('"/api/open/v3/content/image/createbyimagine"', '"/api/open/v3/avatar/createVideoo"')


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            f"const RETIRED = new Set([\n  {OLD[0]},\n  {OLD[1]},\n]);\n"
            "export function ok(path) {\n"
            "  if (RETIRED.has(path)) throw new Error(`${path} is retired`);\n"
            "  return path;\n}\n",
            "guard.js",
        ),
        (
            f"RETIRED = [\n    {OLD[0]},\n    {OLD[1]},\n]\n\n"
            '@pytest.mark.parametrize("old", RETIRED)\n'
            "def test_migrated(old):\n    assert migrate(old) != old\n",
            "test_migrate.py",
        ),
        (
            f"const RETIRED: Set<string> = new Set([\n  {OLD[0]},\n]);\n"
            "export const ok = (p: string) => !RETIRED.has(p);\n",
            "guard.ts",
        ),
        (
            f"RETIRED = frozenset({{\n    {OLD[0]},\n}})\n"
            "def check(path):\n    if path in RETIRED:\n        raise ValueError(path)\n",
            "guard.py",
        ),
        (
            "class Deny {\n  static final Set<String> RETIRED = Set.of(\n"
            f"      {OLD[0]},\n      {OLD[1]}\n  );\n"
            "  static boolean ok(String p) { return !RETIRED.contains(p); }\n}\n",
            "Deny.java",
        ),
        (
            f"package x\nvar retired = []string{{\n\t{OLD[0]},\n}}\n"
            "func ok(p string) bool { return !slices.Contains(retired, p) }\n",
            "deny.go",
        ),
        (
            f"RETIRED = [\n  {OLD[0]},\n]\ndef ok?(p) = !RETIRED.include?(p)\n",
            "deny.rb",
        ),
    ],
)
def test_a_deny_list_of_retired_paths_is_data_never_patched(text: str, name: str) -> None:
    found = audit_text(text, name)
    assert [f for f in found if f.severity != "info"] == []
    assert all(f.fix is None for f in found)


def test_a_list_of_paths_a_loop_requests_is_still_judged() -> None:
    text = (
        "import requests\n"
        f"PATHS = [\n    {OLD[0]},\n]\n"
        "for p in PATHS:\n"
        '    requests.post("https://openapi.akool.com" + p, json={})\n'
    )
    assert rules_of(text, "loop.py") == ["retired-endpoint"]


# -- repro21r doubtful-host-judged-on-field-values-and-bare-links --------------------------------


def test_a_media_url_or_a_link_on_a_doubtful_host_is_no_call() -> None:
    text = (
        "import requests\n"
        'DASH = "https://content.akool.com/"\n'
        f'requests.post("{B}{TALK}", json={{"talking_photo_url": "https://x.io/p.jpg",'
        ' "audio_url": "https://content.akool.com/media/hello.mp3"}, headers={"x-api-key": k})\n'
    )
    found = audit_text(text, "talk.py")
    assert [f for f in found if f.severity != "info"] == []
    assert all(f.fix is None for f in found)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            'BASE = "https://content.akool.com"\nrequests.post(BASE + "/api/open/v3'
            + TALK
            + '")\n',
            1,
        ),
        ('BASE = "https://contentapi.akool.com"\n', 1),
        ('BASE = "https://open.akool.com/"\n', 1),
        ('requests.post("https://content.akool.com/api/open/v3/content/video/lipsync")\n', 1),
        ('r = requests.get("https://content.akool.com/upload/status")\n', 1),
    ],
)
def test_a_base_or_an_api_path_on_a_doubtful_host_is_still_reported(text: str, line: int) -> None:
    found = reported("import requests\n" + text, "b.py")
    assert [(f.line, f.rule) for f in found if f.rule == "doubtful-host"] == [
        (line + 1, "doubtful-host")
    ]


# -- repro21r generated-client-header-params-taken-for-body-low ----------------------------------


@pytest.mark.parametrize(
    ("holder", "argument"), [("_header_params", "header"), ("_path_params", "path")]
)
def test_a_generated_clients_header_and_path_params_are_no_body(holder: str, argument: str) -> None:
    text = (
        "def serialize(self, req, _given=None):\n"
        f"    {holder} = _given or {{}}\n"
        "    _body_params = None\n"
        "    if req is not None:\n"
        "        _body_params = req\n"
        f"    {holder}['Accept'] = 'application/json'\n"
        "    return self.api_client.param_serialize(\n"
        "        method='POST',\n"
        f"        resource_path='/api/open/v3{TALK}',\n"
        f"        {argument}_params={holder},\n"
        "        body=_body_params,\n"
        "    )\n"
    )
    assert reported(text, "default_api.py") == []


# -- a page or a log named like a module a script imports (requests.log beside `import requests`) --


@pytest.mark.parametrize("page", ["requests.log", "requests.txt", "requests.md"])
def test_a_log_or_page_named_like_an_imported_module_makes_no_akool_module(
    tmp_path: Path, page: str
) -> None:
    (tmp_path / "payments.py").write_text(
        "import os\nimport requests\n\n"
        'API_BASE = os.environ.get("PAY_API_BASE", "")\n\n\n'
        "def refund(order_no):\n"
        '    return requests.post(API_BASE + "/api/open/v1/pay/refund", json={"o": order_no})\n'
    )
    (tmp_path / page).write_text(
        "2024-11-03T10:00:01Z INFO POST https://openapi.akool.com/api/open/v3/content/video/"
        "createbytalkingphoto 200 312ms\n"
    )
    found = audit([tmp_path]).findings
    assert [(Path(f.file).name, f.rule) for f in found if f.severity != "info"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'const res = await fetch("https://contentapi.akool.com/detect", {\n'
            '  method: "POST",\n  body: JSON.stringify({ single_face: false, image_url: u }),\n});\n',
            "akool.mjs",
        ),
        (
            "curl -X POST https://contentapi.akool.com/detect -d '{\"single_face\": false}'\n",
            "d.sh",
        ),
    ],
)
def test_a_url_a_request_sends_on_a_doubtful_host_is_a_call(text: str, name: str) -> None:
    assert [(f.line, f.rule) for f in reported(text, name)][:1] == [(1, "doubtful-host")]


def test_a_media_url_in_a_curl_body_on_a_doubtful_host_is_no_call() -> None:
    text = (
        f"curl -X POST {B}{TALK} -H 'x-api-key: k' -d '{{\"talking_photo_url\": "
        '"https://x.io/p.jpg", "audio_url": "https://content.akool.com/media/x.mp3"}\'\n'
    )
    assert reported(text, "t.sh") == []


# -- repro21s ts-json-generic-destructured-data-false-response-field -------------------------------

INFO = "/content/video/infobymodelid"


@pytest.mark.parametrize("parse", ["r.json<any>()", "r.json<{ data: { video_status: number } }>()"])
def test_data_destructured_from_a_typed_json_parse_is_the_answers_data(parse: str) -> None:
    text = (
        f'const r = await fetch("{B}{INFO}?video_model_id=" + id);\n'
        f"const {{ data }} = await {parse};\n"
        "return { done: data.video_status === 3, url: data.video, bad: data.nope };\n"
    )
    found = reported(text, "status.ts")
    assert [(f.rule, f.line) for f in found] == [("answer-field", 3)]
    assert "data.nope" in found[0].message


# -- repro21s ky-multiline-post-then-json-false-response-field ------------------------------------

KY = 'const api = ky.create({ prefixUrl: "' + B + '", headers: { "x-api-key": "k" } });\n'


@pytest.mark.parametrize("parse", [".json()", ".json<{ data: { _id: string } }>()"])
@pytest.mark.parametrize("read", ["r.data._id", "r._id"])
def test_a_ky_chain_whose_options_go_over_lines_is_parsed_by_its_json_link(
    parse: str, read: str
) -> None:
    text = (
        'import ky from "ky";\n'
        + KY
        + "export async function b(prompt: string) {\n"
        + "  const r = await api\n"
        + '    .post("content/image/createbyprompt", {\n'
        + '      json: { prompt, scale: "1:1" } })\n'
        + f"    {parse};\n"
        + f"  return {read};\n"
        + "}\n"
    )
    wanted = [] if read == "r.data._id" else [("response-field", 8)]
    assert [(f.rule, f.line) for f in reported(text, "image.ts")] == wanted


# -- repro21s ruby-interpolation-with-brackets-in-url-false-unknown-endpoint ----------------------

V4 = "https://openapi.akool.com/api/open/v4"


@pytest.mark.parametrize(
    "hole", ["#{id}", "#{@id}", "#{params[:id]}", '#{v.fetch("_id")}', "#{v['_id']}"]
)
@pytest.mark.parametrize("path", ["/voice/detail/", "/voice/resource/detail/"])
def test_a_ruby_interpolation_in_a_documented_id_path_is_its_id(hole: str, path: str) -> None:
    text = f'require "httparty"\nHTTParty.get("{V4}{path}{hole}", headers: H)\n'
    assert reported(text, "app.rb") == []
    assert reported(text.replace(path, "/voice/nope/"), "app.rb")[0].rule == "unknown-endpoint"


# -- repro21s endpoint-table-id-path-prefix-false-unknown-endpoint --------------------------------

TABLE = (
    'const BASE = "https://openapi.akool.com";\n'
    "const ENDPOINTS = {\n"
    '  voiceResult: "/api/open/v4/voice/resource/detail",\n'
    '  nope: "/api/open/v4/voice/nope",\n'
    '  talk: "/api/open/v3/content/video/createbytalkingphoto",\n'
    "};\n"
    "export const t = (b: object) => fetch(BASE + ENDPOINTS.talk, { method: 'POST', body: b });\n"
)


@pytest.mark.parametrize(
    "use",
    [
        "",  # (its method in another file)
        "export const r = (id: string) => fetch(`${BASE}${ENDPOINTS.voiceResult}/${id}`);\n",
        'export const r = (id: string) => fetch(BASE + ENDPOINTS.voiceResult + "/" + id);\n',
        'export const r = (id: string) => fetch(BASE + ENDPOINTS["voiceResult"] + "/" + id);\n',
    ],
)
def test_a_table_entry_holding_a_documented_id_paths_prefix_goes_on_with_the_id(use: str) -> None:
    found = reported(TABLE + use, "sdk.ts")
    assert [(f.rule, f.line) for f in found] == [("unknown-endpoint", 4)]


def test_a_table_entry_sent_without_its_id_is_still_judged_as_it_is() -> None:
    use = "export const r = () => fetch(BASE + ENDPOINTS.voiceResult);\n"
    found = reported(TABLE + use, "sdk.ts")
    assert [(f.rule, f.line) for f in found] == [("unknown-endpoint", 3), ("unknown-endpoint", 4)]


def test_a_ruby_hash_entry_holding_a_documented_id_paths_prefix_goes_on_with_the_id() -> None:
    text = (
        'require "httparty"\n'
        "PATHS = {\n"
        '  detail: "/api/open/v4/voice/detail",\n'
        "}\n"
        'def v(id) = HTTParty.get("https://openapi.akool.com#{PATHS[:detail]}/#{id}", headers: H)\n'
        'def t(b) = HTTParty.post("' + B + TALK + '", body: b.to_json, headers: H)\n'
    )
    assert reported(text, "sdk.rb") == []


def test_a_ky_chain_whose_body_takes_more_than_ten_lines_is_parsed_by_its_json_link() -> None:
    fields = "".join(f'        f{k}: "v",\n' for k in range(12))
    text = (
        'import ky from "ky";\n'
        + KY
        + "export async function b(prompt: string) {\n"
        + "  const r = await api\n"
        + '    .post("content/image/createbyprompt", {\n'
        + "      json: {\n"
        + '        prompt, scale: "1:1",\n'
        + fields
        + "      },\n"
        + "    })\n"
        + "    .json<{ data: { _id: string } }>();\n"
        + "  return r.data._id;\n"
        + "}\n"
    )
    assert "response-field" not in rules_of(text, "image.ts")


def test_a_ruby_interpolation_cut_inside_a_path_leaves_the_rest_of_the_path_unjudged() -> None:
    url = B + "/content/#{kinds[:video]}/infobymodelid?video_model_id=#{id}"
    text = f'require "httparty"\nHTTParty.get("{url}", headers: H)\n'
    assert reported(text, "app.rb") == []
    wrong = text.replace("/content/", "/nothing/")
    assert [f.rule for f in reported(wrong, "app.rb")] == ["unknown-endpoint"]

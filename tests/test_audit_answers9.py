"""The answer reads and request fields of `akool audit` after a ninth measurement on real
third-party code (issue 21): a field read one level above where the docs put it names the
documented path (`data.result.status`), top-level body keys the docs document only inside an
array's items say so, also through a TypeScript wrapper called with a type argument, and every
distinct named read on a list answer is judged (`data.count` is no list's member in JavaScript)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
DETAIL = f"{V4}/voice/resource/detail"
ANSWER_RULES = ("response-field", "answer-field")


def answer_reads(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.found, f.documented) for f in findings if f.rule in ANSWER_RULES]


# -- 1. a field read one level above where the docs put it ----------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "detail.py",
            "import requests\n"
            "def status(rid):\n"
            f'    r = requests.get(f"{DETAIL}/{{rid}}", headers=H)\n'
            '    return r.json()["data"]["status"]\n',
            4,
        ),
        (
            "detail.js",
            "async function status(id) {\n"
            f'  const res = await fetch("{DETAIL}/" + id, {{ headers }});\n'
            "  const json = await res.json();\n"
            "  return json.data.status === 3;\n"
            "}\n",
            4,
        ),
        (
            "detail.ts",
            'import axios from "axios";\n'
            "export async function status(id: string): Promise<number> {\n"
            f"  const res = await axios.get(`{DETAIL}/${{id}}`, {{ headers }});\n"
            "  return res.data.data.status;\n"
            "}\n",
            4,
        ),
    ],
)
def test_1_a_read_one_level_up_names_the_documented_path(name: str, text: str, line: int) -> None:
    found = answer_reads(audit_text(text, name))
    assert found == [(line, "status", "data.result.status")]


def test_1_any_field_of_the_nested_object_is_named_where_the_docs_put_it() -> None:
    text = (
        "import requests\n"
        f'r = requests.get(f"{DETAIL}/{{rid}}", headers=H)\n'
        "body = r.json()\n"
        'print(body["data"]["file_name"], body["data"]["preview"])\n'
    )
    findings = [f for f in audit_text(text, "d.py") if f.rule in ANSWER_RULES]
    assert [(f.found, f.documented) for f in findings] == [
        ("file_name", "data.result.file_name"),
        ("preview", "data.result.preview"),
    ]
    assert "data.result.file_name" in findings[0].message


def test_1_a_field_documented_inside_a_list_is_named_with_its_items() -> None:
    text = (
        "async function voices() {\n"
        f'  const res = await fetch("{V4}/voice/list?page=1", {{ headers }});\n'
        "  const json = await res.json();\n"
        "  return json.data.preview;\n"
        "}\n"
    )
    assert answer_reads(audit_text(text, "v.js")) == [(4, "preview", "data.result[i].preview")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "ok.py",
            "import requests\n"
            f'r = requests.get(f"{DETAIL}/{{rid}}", headers=H)\n'
            "body = r.json()\n"
            'info = body["data"]["result"]\n'
            'print(body["data"]["result"]["status"], info["status"], info["preview"])\n'
            'data = body["data"]["result"]\n'
            'print(data["status"], data.get("file_name"))\n',
        ),
        (
            "ok.js",
            "async function voiceStatus(id) {\n"
            f"  const res = await fetch(`{DETAIL}/${{id}}`, {{ headers }});\n"
            "  const json = await res.json();\n"
            "  const { status, preview } = json.data.result;\n"
            "  const d = json.data;\n"
            "  console.log(d.result.status, json?.data?.result?.status, status, preview);\n"
            "  const data = json.data.result;\n"
            "  return data.status;\n"
            "}\n",
        ),
        (
            "ok.ts",
            'import axios from "axios";\n'
            "export async function voiceStatus(id: string) {\n"
            f"  const res = await axios.get(`{DETAIL}/${{id}}`);\n"
            "  const { data } = res.data;\n"
            "  const v = res.data.data.result;\n"
            "  return data.result.status ?? v.status;\n"
            "}\n",
        ),
    ],
)
def test_1_correct_nested_reads_are_silent(name: str, text: str) -> None:
    assert answer_reads(audit_text(text, name)) == []


# -- 2. top-level body keys the docs document only inside elements[] items ------------------------

WRAPPER_TS = (
    'const BASE = "https://openapi.akool.com";\n'
    "async function akoolFetch<T>(url: string, init: RequestInit = {}): Promise<T> {\n"
    "  const res = await fetch(BASE + url, { ...init, headers: { 'x-api-key': KEY } });\n"
    "  return (await res.json()) as T;\n"
    "}\n"
    "export async function create(a: string, v: string, t: string) {\n"
    '  return akoolFetch<{ data: { _id: string } }>("/api/open/v3/talkingavatar/create", {\n'
    '    method: "POST",\n'
    "    body: JSON.stringify({ width: 1280, height: 720, avatar_id: a, voice_id: v, input_text: t }),\n"
    "  });\n"
    "}\n"
)


def test_2_a_wrapper_called_with_a_type_argument_sends_its_init_body() -> None:
    found = [f for f in audit_text(WRAPPER_TS, "w.ts") if f.rule == "unknown-field"]
    assert [(f.line, f.found) for f in found] == [
        (9, "avatar_id"),
        (9, "voice_id"),
        (9, "input_text"),
    ]


def test_2_the_message_says_the_key_is_documented_inside_elements() -> None:
    found = [f for f in audit_text(WRAPPER_TS, "w.ts") if f.found == "avatar_id"]
    assert len(found) == 1
    assert "elements[]" in found[0].message
    assert found[0].documented == "elements[].avatar_id"


@pytest.mark.parametrize(
    "generic",
    ["<{ data: { _id: string } }>", "<AkoolResponse<{ _id: string }>>", "<Resp | null>"],
)
def test_2_type_arguments_of_every_shape(generic: str) -> None:
    text = WRAPPER_TS.replace("<{ data: { _id: string } }>", generic)
    found = [f.found for f in audit_text(text, "w.ts") if f.rule == "unknown-field"]
    assert found == ["avatar_id", "voice_id", "input_text"]


def test_2_documented_keys_and_another_hosts_wrapper_are_silent() -> None:
    text = (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        'const MINE = "https://api.example.com";\n'
        "async function akoolFetch(url, init) {\n"
        "  return fetch(BASE + url, { ...init, headers });\n"
        "}\n"
        "async function ownFetch(url, init) {\n"
        "  return fetch(MINE + url, { ...init, headers });\n"
        "}\n"
        "async function create(a, v, t) {\n"
        '  await ownFetch("/talkingavatar/create", {\n'
        '    method: "POST",\n'
        "    body: JSON.stringify({ avatar_id: a, voice_id: v, input_text: t }),\n"
        "  });\n"
        '  return akoolFetch("/talkingavatar/create", {\n'
        '    method: "POST",\n'
        "    body: JSON.stringify({\n"
        "      width: 1280, height: 720, avatar_from: 2,\n"
        '      elements: [{ type: "avatar", avatar_id: a, url: u, scale_x: 1, scale_y: 1,\n'
        "        width: 1080, height: 1080, offset_x: 0, offset_y: 0, input_text: t, voice_id: v }],\n"
        "    }),\n"
        "  });\n"
        "}\n"
    )
    assert [f.render() for f in audit_text(text, "ok.js") if "field" in f.rule] == []


# -- 3. every distinct named read on a list answer ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "list.js",
            "async function avatars() {\n"
            f'  const res = await fetch("{V3}/avatar/list?from=2", {{ headers }});\n'
            "  const data = await res.json();\n"
            "  const items = data.data.result;\n"
            "  const total = data.data.count;\n"
            "  return { items, total };\n"
            "}\n",
        ),
        (
            "list.py",
            "import requests\n"
            f'r = requests.get("{V3}/avatar/list", headers=H)\n'
            "body = r.json()\n"
            "items = body['data']['result']\n"
            "total = body['data']['count']\n",
        ),
    ],
)
def test_3_a_second_named_read_on_a_list_answer_is_judged(name: str, text: str) -> None:
    found = [(f.line, f.rule, f.found) for f in audit_text(text, name)]
    assert found == [(4, "list-answer", "result"), (5, "list-answer", "count")]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("l.js", "res.data.data.length"),
        ("l.ts", "res.data.data?.length"),
        ("l.rb", "res.data.data.count"),
        ("l.kt", "res.data.data.size"),
        ("l.cs", "res.data.data.Count"),
    ],
)
def test_3_a_lists_own_length_is_no_field(name: str, read: str) -> None:
    text = (
        f'const res = await axios.get("{V3}/avatar/list");\n'
        f"console.log({read}, res.data.data[0].avatar_id);\n"
    )
    assert [f.render() for f in audit_text(text, name)] == []


def test_2_a_call_formatted_over_lines_by_prettier() -> None:
    text = (
        'const AKOOL_BASE = "https://openapi.akool.com";\n'
        "async function akoolFetch<T>(url: string, init: RequestInit = {}): Promise<T> {\n"
        "  const res = await fetch(`${AKOOL_BASE}${url}`, { ...init, headers });\n"
        "  return (await res.json()) as T;\n"
        "}\n"
        "export async function create(a: string, v: string) {\n"
        "  await akoolFetch<{\n"
        "    _id: string;\n"
        '  }>("/api/open/v3/talkingavatar/create", { method: "POST", body: JSON.stringify({ avatar_id: a }) });\n'
        "  return akoolFetch<AkoolResponse<TalkingAvatarResult>>(\n"
        '    "/talkingavatar/create",\n'
        '    { method: "POST", body: JSON.stringify({ voice_id: v }) },\n'
        "  );\n"
        "}\n"
    )
    found = [(f.line, f.rule, f.found) for f in audit_text(text, "p.ts")]
    assert found == [
        (9, "unknown-field", "avatar_id"),
        (11, "unknown-endpoint", "/talkingavatar/create"),
        (12, "unknown-field", "voice_id"),
    ]


def test_1_a_data_variable_rebound_to_a_nested_object_is_not_the_answers_data() -> None:
    text = (
        "import requests\n"
        "def name_of(rid):\n"
        f'    r = requests.get(f"{DETAIL}/{{rid}}", headers=H)\n'
        '    data = r.json()["data"]\n'
        '    data = data["result"]\n'
        '    return data["name"], data["status"]\n'
    )
    assert answer_reads(audit_text(text, "n.py")) == []

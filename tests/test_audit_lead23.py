"""Session twelve, lead: a destructuring pattern with a nested default (`data: { x = 0 } = {}`)
is read to its own closing brace (break21f #8: the file was "not scanned", its findings lost)."""

from __future__ import annotations

import itertools

import pytest

from akool_cli.audit import answers
from akool_cli.audit.scan import audit_text

STATUS_JS = (
    "const BASE = 'https://openapi.akool.com/api/open/v3';\n"
    "export async function status(id, key) {\n"
    "  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`,"
    " { headers: { 'x-api-key': key } });\n"
    "  const { code, msg, data: { KEY: status, video: url = '' } = {} } = await res.json();\n"
    "  if (code !== 1000) throw new Error(msg);\n"
    "  return { status, url };\n"
    "}\n"
    'const { data: { title = "" } = {} } = props;\n'
)


@pytest.mark.parametrize(("key", "found"), [("video_status", []), ("status", [(4, "status")])])
def test_a_nested_default_in_a_destructuring_is_read_and_judged(
    key: str, found: list[tuple[int, str]]
) -> None:
    findings = audit_text(STATUS_JS.replace("KEY", key), "status.js")
    assert [(f.line, f.found) for f in findings if f.rule == "response-field"] == found


def test_a_destructuring_pattern_runs_to_its_own_closing_brace() -> None:
    line = "const { code, data: { video = null, url: u = '' } = {} } = await res.json();"
    names, at, expr = answers.destructuring(line) or ("", 0, "")
    assert names == " code, data: { video = null, url: u = '' } = {} "
    assert line[at - 1] == "{" and expr == "await res.json()"
    assert answers.destructuring("const { a = 1 } == b") is None
    assert answers.destructuring("const { a, b") is None


PIECES = [
    "data",
    ": ",
    "{ ",
    " }",
    " = {}",
    " = null",
    "'x'",
    ", ",
    "video",
    "...rest",
    "= '}'",
    "[",
    "]",
]


def test_no_destructuring_variant_stops_the_audit() -> None:
    lines = []
    for n, combo in enumerate(itertools.product(PIECES, repeat=3)):
        if n % 7 == 0:
            lines.append("const { " + "".join(combo) + " } = j;")
    text = "const j = await (await fetch('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1')).json();\n"
    for line in lines:
        audit_text(
            text + line + "\n", "v.js"
        )  # (raised ValueError on `{ data: { video = null } = {} }`)


ENVELOPE_TS = (
    "const AKOOL_ORIGIN = 'https://openapi.akool.com';\n"
    "interface AkoolEnvelope<T> { code: number; msg?: string; data?: T }\n"
    "interface AudioInfoData {\n"
    "  _id: string\n"
    "  MEMBER: number\n"
    "}\n"
    "async function akoolFetch<T>(key: string, path: string): GIVES {\n"
    "  const r = await fetch(`${AKOOL_ORIGIN}${path}`, { headers: { 'x-api-key': key } });\n"
    "  return (await r.json()) as GIVES;\n"
    "}\n"
    "export async function poll(key: string, id: string) {\n"
    "  const result = await akoolFetch<AudioInfoData>(\n"
    "    key, `/api/open/v3/audio/infobymodelid?audio_model_id=${id}`);\n"
    "  return result;\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("gives", "member", "found"),
    [
        ("Promise<AkoolEnvelope<T>>", "status", []),  # T is the envelope's data: documented
        ("Promise<AkoolEnvelope<T>>", "state", [(5, "warning")]),  # data.state: not documented
        ("Promise<T>", "status", [(4, "error"), (5, "error")]),  # T is the whole answer: no
        ("Promise<Other<T>>", "status", []),  # another shape around T: not judged
    ],
)
def test_a_helpers_type_argument_is_read_where_its_return_type_puts_it(
    gives: str, member: str, found: list[tuple[int, str]]
) -> None:
    text = ENVELOPE_TS.replace("GIVES", gives).replace("MEMBER", member)
    findings = audit_text(text, "akool.ts")
    rules = ("response-field", "answer-field")
    assert [(f.line, f.severity) for f in findings if f.rule in rules] == found


CLASS_HELPER_TS = (
    "interface Session { _id: string; status: number }\n"
    "export class ApiService {\n"
    "  private async fetchApi<T>(endpoint: string, method: string): Promise<T> {\n"
    "    const r = await fetch(`https://openapi.akool.com${endpoint}`, { method });\n"
    "    const body = await r.json();\n"
    "    return RETURNED as T;\n"
    "  }\n"
    "  public async createSession(): Promise<Session> {\n"
    "    return this.fetchApi<Session>('/api/open/v4/liveAvatar/session/create', 'POST');\n"
    "  }\n"
    "}\n"
)


@pytest.mark.parametrize(("returned", "found"), [("body.data", []), ("body", [1, 1])])
def test_a_class_helper_that_unwraps_data_gives_its_type_argument_no_whole_answer(
    returned: str, found: list[int]
) -> None:
    """AKOOL's own streaming-avatar demo: `fetchApi<Session>(...)` returns the answer's data."""
    findings = audit_text(CLASS_HELPER_TS.replace("RETURNED", returned), "api.ts")
    assert [f.line for f in findings if f.severity == "error"] == found

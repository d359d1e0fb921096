"""`akool audit` on the request side after a break-it run (issue 21's H7, H8, H10, H11, M5):
curl's bundled short options and httpie's items read as those tools read them, a query's values
judged as text, TypeScript bodies and answers typed by the file's own declared types left to a
person, mock handlers' answers not taken for requests, and shorthand properties followed to
their local's value. The corpus scripts of these shapes are in tests/audit_corpus/request21/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "request21"
API = 'API="https://openapi.akool.com/api/open/v3"\n'


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


# -- H10: curl's bundled short options, httpie's items ---------------------------------------------

CORRECT_SHELL = {
    "-fsSG": 'curl -fsSG "$API/faceswap/result/listbyids" --data-urlencode "_ids=$IDS"\n',
    "-sLG -d": 'curl -sLG "$API/avatar/list" -d from=2 -d page=1\n',
    "-sG query": 'curl -sG "$API/content/video/infobymodelid" --data-urlencode "video_model_id=$I"\n',
    "-sd": 'curl -sd \'{"prompt":"x","scale":"1:1"}\' "$API/content/image/createbyprompt"\n',
    "-sSXPOST": 'curl -sSXPOST "$API/content/image/createbyprompt" -d \'{"prompt":"x"}\'\n',
    "-sXGET": 'curl -sXGET "$API/content/video/infobymodelid?video_model_id=$ID"\n',
    "httpie ==": 'http GET "$API/content/video/infobymodelid" video_model_id=="$ID" "x-api-key:$K"\n',
    "httpie =": 'http POST "$API/content/image/createbyprompt" prompt=x scale=1:1 "x-api-key:$K"\n',
}


@pytest.mark.parametrize("shape", sorted(CORRECT_SHELL))
def test_h10_correct_curl_and_httpie_commands_are_silent(shape: str) -> None:
    assert found(API + CORRECT_SHELL[shape], "a.sh") == []


def test_h10_a_bundled_d_is_a_post_and_a_bundled_g_a_get() -> None:
    text = (
        API + 'curl -sd \'{"image_model_id":"x"}\' "$API/content/image/infobymodelid"\n'
        'curl -sLG "$API/content/image/createbyprompt" -d prompt=x\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.sh")] == [
        (2, "wrong-method"),
        (3, "wrong-method"),
    ]


def test_h10_a_g_commands_data_is_its_query_and_httpies_double_equals_too() -> None:
    text = (
        API + 'curl -sG "$API/content/video/infobymodelid" --data-urlencode "videoModelId=$ID"\n'
        'http GET "$API/content/video/infobymodelid" videoModelId=="$ID"\n'
        'http POST "$API/content/image/createbyprompt" prompt=x size=1:1\n'
    )
    assert [(line, rule, what) for line, rule, what in found(text, "a.sh")] == [
        (2, "misnamed-field", "videoModelId"),
        (3, "misnamed-field", "videoModelId"),
        (4, "misnamed-field", "size"),
    ]


def test_h10_a_method_fix_in_a_bundle_changes_only_the_method() -> None:
    text = API + 'curl -sXPUT "$API/content/image/createbyprompt" -d \'{"prompt":"x"}\'\n'
    fixes = [f.fix for f in audit_text(text, "a.sh") if f.rule == "wrong-method"]
    assert len(fixes) == 1 and fixes[0] is not None
    fix = fixes[0]
    line = text.splitlines()[fix.line]
    assert line[: fix.start] + fix.new + line[fix.end :] == line.replace("-sXPUT", "-sXPOST")


def test_corpus_request21_gives_exactly_its_findings() -> None:
    result = audit([CORPUS], exclude=["expected.json"])
    good = [f for f in result.findings if "_good" in f.file and f.severity != "info"]
    assert good == []


# -- H11: a query's values are text ------------------------------------------------------------------

V4 = 'BASE = "https://openapi.akool.com/api/open/v4"\n'


@pytest.mark.parametrize(
    "params",
    [
        '{"page": "1", "size": "100"}',
        '{"page": 1, "size": 100}',
        '{"page": str(2), "size": "50"}',
    ],
)
def test_h11_a_querys_numbers_written_as_strings_are_silent(params: str) -> None:
    text = (
        "import requests\n" + V4 + f'requests.get(f"{{BASE}}/liveAvatar/avatar/list", '
        f"params={params})\n"
    )
    assert found(text, "a.py") == []


def test_h11_urlsearchparams_strings_get_no_finding_and_no_patch() -> None:
    text = (
        'const q = new URLSearchParams({ page: String(2), size: "50", platform: "open" });\n'
        'fetch("https://openapi.akool.com/api/open/v4/liveAvatar/avatar/list?" + q.toString());\n'
    )
    assert audit_text(text, "list.ts") == []


def test_h11_a_querys_value_is_still_judged_against_documented_values_and_ranges() -> None:
    text = (
        "import requests\n" + V4 + 'requests.get(f"{BASE}/liveAvatar/avatar/list", '
        'params={"size": "500", "platform": "web"})\n'
        'requests.get(f"{BASE}/voice/resource/list", params={"type": 3})\n'
        'requests.get(f"{BASE}/voice/resource/list", params={"type": 1})\n'
    )
    got = [(line, rule, what) for line, rule, what in found(text, "a.py")]
    assert got == [(3, "bad-value", '"500"'), (3, "bad-value", '"web"'), (4, "bad-value", "3")]
    fixes = [f.fix for f in audit_text(text, "a.py") if f.fix is not None]
    assert fixes == []  # (no type change on a query: "500" is a number in the URL either way)


# -- H8: TypeScript's own declared types ---------------------------------------------------------------

TS_BODY = (
    "interface TalkRequest {\n"
    "  talking_photo_url: string;\n"
    "  audio_url: string;\n"
    "  webhook_url?: string;\n"
    "}\n"
    'const BASE = "https://openapi.akool.com/api/open/v3";\n'
    "export async function talk(photo: string, audio: string, hook: string) {\n"
    "  const body: TalkRequest = { talking_photo_url: photo, audio_url: audio, webhook_url: hook };\n"
    "  await fetch(`${BASE}/content/video/createbytalkingphoto`, "
    '{ method: "POST", body: JSON.stringify(body) });\n'
    '  await fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", '
    "body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, webhook_url: hook } "
    "satisfies TalkRequest) });\n"
    "}\n"
)


def test_h8_a_literal_typed_by_the_files_interface_is_left_to_a_person_and_the_member_reported() -> (
    None
):
    got = audit_text(TS_BODY, "talk.ts")
    assert sorted((f.line, f.rule, f.found) for f in got) == [
        (4, "misnamed-field", "webhook_url"),  # the interface's own member
        (8, "misnamed-field", "webhook_url"),
        (10, "misnamed-field", "webhook_url"),
    ]
    assert [f.fix for f in got] == [None, None, None]  # (renaming one side breaks tsc --strict)


def test_h8_the_same_literal_untyped_or_in_javascript_is_still_patched() -> None:
    untyped = TS_BODY.replace(": TalkRequest =", " =").replace(" satisfies TalkRequest", "")
    assert [f.fix is not None for f in audit_text(untyped, "talk.ts") if f.line != 4] == [
        True,
        True,
    ]
    as_const = TS_BODY.replace("satisfies TalkRequest", "as const")
    assert [f.line for f in audit_text(as_const, "talk.ts") if f.fix is not None] == [10]


def test_h8_a_type_named_by_satisfies_is_not_taken_for_the_body() -> None:
    text = (
        "type Img = { prompt: string; size: string };\n"
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        'fetch(`${BASE}/content/image/createbyprompt`, { method: "POST", '
        'body: JSON.stringify({ prompt: "x", scale: "1:1" } satisfies Img) });\n'
    )
    assert audit_text(text, "img.ts") == []


def test_h8_an_answer_read_through_the_files_type_is_reported_without_a_fix_with_its_member() -> (
    None
):
    text = (
        "interface VideoInfo { status: number; video: string }\n"
        "interface Envelope<T> { code: number; msg: string; data: T }\n"
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "export async function status(id: string): Promise<number> {\n"
        "  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);\n"
        "  const body = (await res.json()) as Envelope<VideoInfo>;\n"
        "  return body.data.status;\n"
        "}\n"
    )
    got = audit_text(text, "info.ts")
    assert [(f.line, f.rule, f.fix) for f in got] == [
        (1, "response-field", None),  # VideoInfo's own `status`, which the read goes through
        (7, "response-field", None),
    ]
    js = (
        text.replace(": string", "")
        .replace(": Promise<number>", "")
        .replace(" as Envelope<VideoInfo>", "")
    )
    js = "\n".join(js.splitlines()[2:]) + "\n"
    assert [f.fix is not None for f in audit_text(js, "info.js")] == [True]


# -- H7: mock handlers are not calls ------------------------------------------------------------------

MOCKS = {
    "msw": 'import { http, HttpResponse } from "msw";\n'
    'const BASE = "https://openapi.akool.com/api/open/v3";\n'
    "export const handlers = [\n"
    "  http.post(`${BASE}/content/video/createbytalkingphoto`, () => "
    'HttpResponse.json({ code: 1000, data: { _id: "abc" } })),\n'
    "];\n",
    "msw v1": 'import { rest } from "msw";\n'
    'const BASE = "https://openapi.akool.com/api/open/v3";\n'
    "rest.post(`${BASE}/content/video/createbytalkingphoto`, (req, res, ctx) => "
    'res(ctx.json({ code: 1000, data: { _id: "abc" } })));\n',
    "nock": 'const nock = require("nock");\n'
    'nock("https://openapi.akool.com")\n'
    '  .get("/api/open/v3/content/video/infobymodelid")\n'
    '  .query({ video_model_id: "abc" })\n'
    "  .reply(200, { code: 1000, data: { video_status: 3 } });\n",
    "nock scope": 'const nock = require("nock");\n'
    'const scope = nock("https://openapi.akool.com");\n'
    'scope.post("/api/open/v3/content/video/createbytalkingphoto")'
    '.reply(200, { code: 1000, data: { _id: "abc" } });\n',
    "playwright": 'import { test } from "@playwright/test";\n'
    'test("x", async ({ page }) => {\n'
    '  await page.route("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",'
    ' (route) => route.fulfill({ json: { code: 1000, data: { _id: "abc" } } }));\n'
    "});\n",
}


@pytest.mark.parametrize("library", sorted(MOCKS))
def test_h7_a_mocked_answer_is_not_a_request(library: str) -> None:
    assert found(MOCKS[library], "mocks.test.ts") == []


def test_h7_a_real_call_after_a_nock_chain_is_still_judged() -> None:
    text = MOCKS["nock"] + (
        'fetch("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", '
        '{ method: "POST", body: JSON.stringify({ prompt: "x", size: "1:1" }) })\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.test.js")] == [(6, "misnamed-field")]


def test_h7_without_the_mock_library_the_same_call_is_a_request() -> None:
    text = MOCKS["msw"].replace('import { http, HttpResponse } from "msw";\n', "")
    assert "missing-field" in [rule for _, rule, _ in found(text, "handlers.ts")]


# -- M5: a shorthand property sends its local's value ----------------------------------------------

SHORTHAND = (
    'const BASE = "https://openapi.akool.com/api/open/v3";\n'
    "async function talk(talking_photo_url, audio_url, opts) {\n"
    "  const resolution = VALUE;\n"
    '  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", '
    "body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("value", "wrong"),
    [('"720p"', ['"720p"']), ('opts.hd ? "1080p" : "720p"', ['"1080p"', '"720p"'])],
)
def test_m5_a_shorthand_propertys_local_value_is_judged(value: str, wrong: list[str]) -> None:
    got = found(SHORTHAND.replace("VALUE", value), "a.js")
    assert got == [(3, "bad-value", w) for w in wrong]


def test_m5_a_shorthand_local_with_a_documented_value_is_silent() -> None:
    assert found(SHORTHAND.replace("VALUE", 'opts.hd ? "1080" : "720"'), "a.js") == []


def test_m5_the_fix_of_a_shorthand_local_changes_the_local() -> None:
    fixes = [f.fix for f in audit_text(SHORTHAND.replace("VALUE", '"720p"'), "a.js")]
    assert [(x.line, x.old, x.new) for x in fixes if x is not None] == [(2, '"720p"', '"720"')]


def test_h8_a_member_of_a_type_the_read_does_not_go_through_is_not_reported() -> None:
    text = (
        "interface Row { status: number }\n"
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "export async function status(id: string, row: Row) {\n"
        "  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);\n"
        "  const body = await res.json();\n"
        "  return body.data.status + row.status;\n"
        "}\n"
    )
    got = audit_text(text, "info.ts")
    assert [(f.line, f.rule) for f in got] == [(6, "response-field")]

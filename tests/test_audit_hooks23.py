"""Session 23, hooks23: answer reads through JS/TS data-fetching hooks and wrappers (break21e #27):
a hook's `data` holds what its fetcher, queryFn or handler gives after its `select`/`transform`
(SWR, TanStack Query, Nuxt's useFetch/useAsyncData), judged at that level, and not judged when
the fetcher is not in view."""

from __future__ import annotations

import pytest

from akool_cli.audit import hooks
from akool_cli.audit.scan import Finding, audit_text

BASE = "https://openapi.akool.com/api/open/v3"
INFO = "/content/video/infobymodelid?video_model_id=${id}"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_reads(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.found) for f in findings if f.rule in ANSWER_RULES)


# -- break21e #27: a fetcher that unwraps the envelope ------------------------------------------------

SWR_NAMED = (
    'import useSWR from "swr";\n'
    f'const BASE = "{BASE}";\n'
    "FETCHER\n"
    "export function Status({ id }: { id: string }) {\n"
    f"  const {{ data }} = useSWR(`${{BASE}}{INFO}`, fetcher);\n"
    "  return <p>{data?.READ}</p>;\n"
    "}\n"
)
ARROW_UNWRAPS = (
    "const fetcher = (u: string) => fetch(u, { headers: { 'x-api-key': 'k' } })"
    ".then((r) => r.json()).then((j) => j.data);"
)
ARROW_BODY = "const fetcher = (u: string) => fetch(u).then((r) => r.json());"
ASYNC_UNWRAPS = (
    "async function fetcher(url: string) {\n"
    "  const res = await fetch(url);\n"
    "  const json = await res.json();\n"
    "  if (json.code !== 1000) throw new Error(json.msg);\n"
    "  return json.data;\n"
    "}"
)
AXIOS_BODY = (
    'import axios from "axios";\nconst fetcher = (u: string) => axios.get(u).then((r) => r.data);'
)


@pytest.mark.parametrize(
    ("fetcher", "right", "wrong"),
    [
        (ARROW_UNWRAPS, "video_status", "status"),
        (ASYNC_UNWRAPS, "video_status", "status"),
        (ARROW_BODY, "data?.video_status", "video_status"),
        (AXIOS_BODY, "data?.video_status", "video_status"),
    ],
)
def test_swr_data_holds_what_its_fetcher_gives(fetcher: str, right: str, wrong: str) -> None:
    text = SWR_NAMED.replace("FETCHER", fetcher)
    assert answer_reads(audit_text(text.replace("READ", right), "a.tsx")) == []
    found = answer_reads(audit_text(text.replace("READ", wrong), "a.tsx"))
    assert [name for _, name in found] == [wrong.split(".")[-1]]


def test_swr_unwrapping_fetcher_wrong_read_is_said_at_the_data_level() -> None:
    text = SWR_NAMED.replace("FETCHER", ARROW_UNWRAPS).replace("READ", "status")
    (hit,) = [f for f in audit_text(text, "a.tsx") if f.rule in ANSWER_RULES]
    assert "no data.status" in hit.message


def test_swr_fetcher_out_of_view_is_not_judged() -> None:
    text = SWR_NAMED.replace("FETCHER", 'import { fetcher } from "@/lib/fetcher";')
    for read in ("video_status", "data?.video_status", "status"):
        assert answer_reads(audit_text(text.replace("READ", read), "a.tsx")) == []


RQ = (
    'import { useQuery } from "@tanstack/react-query";\n'
    f'const BASE = "{BASE}";\n'
    "export function View({ id }: { id: string }) {\n"
    "  const { data } = useQuery({\n"
    '    queryKey: ["video", id],\n'
    f"    queryFn: () => fetch(`${{BASE}}{INFO}`).then((r) => r.json())STEP,\n"
    "    SELECT\n"
    "  });\n"
    "  return <p>{data?.READ}</p>;\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("step", "select", "right", "wrong"),
    [
        (".then((j) => j.data)", "", "video_status", "status"),
        ("", "select: (r) => r.data,", "video_status", "status"),
        ("", "select: ({ data }) => data,", "video_status", "status"),
        ("", "", "data?.video_status", "video_status"),
    ],
)
def test_react_query_data_holds_what_queryfn_and_select_give(
    step: str, select: str, right: str, wrong: str
) -> None:
    text = RQ.replace("STEP", step).replace("SELECT", select)
    assert answer_reads(audit_text(text.replace("READ", right), "a.tsx")) == []
    found = answer_reads(audit_text(text.replace("READ", wrong), "a.tsx"))
    assert [name for _, name in found] == [wrong.split(".")[-1]]


def test_react_query_select_of_something_else_is_not_judged() -> None:
    text = RQ.replace("STEP", "").replace("SELECT", "select: (r) => r.data.video_status,")
    assert answer_reads(audit_text(text.replace("READ", "toFixed"), "a.tsx")) == []


NUXT = (
    '<script setup lang="ts">\n'
    "const props = defineProps<{ id: string }>();\n"
    "const id = props.id;\n"
    f"const {{ data }} = await useFetch(`{BASE}{INFO}`, {{\n"
    '  headers: { "x-api-key": "k" },\n'
    "  TRANSFORM\n"
    "});\n"
    "const shown = computed(() => data.value?.READ);\n"
    "</script>\n"
    "<template><p>{{ data?.video_status }}</p></template>\n"
)


@pytest.mark.parametrize(
    ("transform", "right", "wrong"),
    [
        ("transform: (r: any) => r.data,", "video_status", "status"),
        ("", "data?.video_status", "video_status"),
    ],
)
def test_nuxt_use_fetch_data_is_a_ref_of_what_transform_gives(
    transform: str, right: str, wrong: str
) -> None:
    text = NUXT.replace("TRANSFORM", transform)
    assert answer_reads(audit_text(text.replace("READ", right), "a.vue")) == []
    found = answer_reads(audit_text(text.replace("READ", wrong), "a.vue"))
    assert found == [(8, wrong.split(".")[-1])]


def test_nuxt_use_async_data_handler_unwrapping() -> None:
    text = (
        '<script setup lang="ts">\n'
        "const id = useRoute().params.id;\n"
        f'const {{ data: info }} = await useAsyncData("v", () => $fetch(`{BASE}{INFO}`)'
        ".then((r: any) => r.data));\n"
        "const url = computed(() => info.value?.READ);\n"
        "</script>\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "video"), "a.vue")) == []
    assert answer_reads(audit_text(text.replace("READ", "video_url"), "a.vue")) == [
        (4, "video_url")
    ]


@pytest.mark.parametrize(
    ("expr", "level"),
    [
        ("fetch(u).then((r) => r.json())", 1),
        ("fetch(u, { a: 1 }).then(r => r.json()).then((j) => j.data)", 2),
        ("fetch(u).then((r) => r.json()).then(({ data }) => data)", 2),
        ("(await fetch(u)).json()", 1),
        ("ky.get(u).json()", 1),
        ("$fetch(u)", 1),
        ("$fetch<T>(u).then((r) => r.data)", 2),
        ("fetch(u)", 0),
        ("fetch(u).then((r) => r.text())", 0),
        ("fetch(u).then((r) => r.json()).then((j) => j.data.result)", 0),
        ("other(u)", 0),
    ],
)
def test_what_a_fetcher_expression_gives(expr: str, level: int) -> None:
    assert hooks.Found([], lambda name: 0, 0).expression(expr) == level


# -- break21e #28: Rust's `.await` after a parse is no field; Spring WebClient's parsed Map --------

RUST = (
    'const B: &str = "https://openapi.akool.com/api/open/v3";\n'
    "async fn a(c: &reqwest::Client, id: &str) -> serde_json::Value {\n"
    '    c.get(format!("{B}/content/video/infobymodelid?video_model_id={id}"))'
    ".send().await.unwrap().json().await.unwrap()\n"
    "}\n"
    "async fn d(c: &reqwest::Client, id: &str) -> i64 {\n"
    '    let resp = c.get(format!("{B}/content/video/infobymodelid?video_model_id={id}"))'
    '.send().await.expect("send");\n'
    '    let v: serde_json::Value = resp.json().await.expect("json");\n'
    '    v["data"]["READ"].as_i64().unwrap()\n'
    "}\n"
)


def test_rust_await_after_json_is_no_answer_field() -> None:
    assert answer_reads(audit_text(RUST.replace("READ", "video_status"), "a.rs")) == []
    assert answer_reads(audit_text(RUST.replace("READ", "video_stat"), "a.rs")) == [
        (8, "video_stat")
    ]


def test_spring_webclient_body_to_mono_block_is_the_parsed_answer() -> None:
    text = (
        "import java.util.Map;\n"
        "class S {\n"
        "  Object status(WebClient w, String id) {\n"
        f'    Map m = w.get().uri("{BASE}/content/video/infobymodelid?video_model_id=" + id)'
        ".retrieve().bodyToMono(Map.class).block();\n"
        '    return m.get("READ");\n'
        "  }\n"
        "}\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "data"), "S.java")) == []
    assert answer_reads(audit_text(text.replace("READ", "video_status"), "S.java")) == [
        (5, "video_status")
    ]


# -- break21e #16: a URL is a request only where something sends it --------------------------------

OLD = "https://openapi.akool.com/api/open/v3/content/video/status/123"
MIGRATE = (
    '"""Rewrite old AKOOL paths.\n'
    "\n"
    f'    >>> rewrite("{OLD}")\n'
    "    'https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=123'\n"
    '"""\n'
    "import re\n"
    "\n"
    "def rewrite(url: str) -> str:\n"
    '    m = re.search(r"/(\\w+)$", url)\n'
    '    return url.replace("/status/", "/infobymodelid?video_model_id=") if m else url\n'
    "\n"
    "def check(url: str) -> None:\n"
    '    if "/content/video/status" in url:\n'
    '        raise ValueError(f"{url} does not exist")\n'
    "\n"
    f'rewrite("{OLD}")\n'
)
TESTS = (
    "from migrate import rewrite, check\n"
    "import pytest\n"
    "\n"
    "def test_rewrite():\n"
    f'    assert rewrite("{OLD}") != ""\n'
    "\n"
    "def test_check():\n"
    "    with pytest.raises(ValueError):\n"
    f'        check("{OLD}")\n'
    "\n"
    '@pytest.mark.parametrize("path", [\n'
    '    "/api/open/v3/photo/talking",\n'
    '    "/api/open/v3/faceswap/highquality/detectface",\n'
    "])\n"
    "def test_known_bad(path):\n"
    '    assert path.startswith("/api/open")\n'
)


def test_urls_given_to_own_string_functions_and_tests_are_no_requests() -> None:
    assert audit_text(MIGRATE, "migrate.py") == []
    assert audit_text(TESTS, "test_migrate.py") == []


@pytest.mark.parametrize(
    "line",
    [
        f'requests.get(normalize("{OLD}"))',  # (what the pure function gives is sent)
        f'u = normalize("{OLD}")',  # (kept in a name that may be sent)
        f'assert requests.get("{OLD}").ok',  # (a request in an assertion)
        f'assert get_status("{OLD}") == 3',  # (a helper whose name says it may send)
    ],
)
def test_urls_that_may_be_sent_stay_requests(line: str) -> None:
    text = f'import requests\n\ndef normalize(u):\n    return u.rstrip("/")\n\n{line}\n'
    assert [f.rule for f in audit_text(text, "a.py")] == ["undocumented-path"]


def test_a_referer_header_value_is_no_request() -> None:
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "r = requests.get(\n"
        '    f"{BASE}/content/video/infobymodelid?video_model_id=1",\n'
        f'    headers={{"x-api-key": "k", "Referer": "{OLD}"}},\n'
        ")\n"
    )
    assert audit_text(text, "a.py") == []


def test_js_expect_of_a_pure_function_is_no_request() -> None:
    text = (
        'import { toPath } from "./paths";\n'
        'test("old paths", () => {\n'
        f'  expect(toPath("{OLD}")).toBe("/x");\n'
        "});\n"
        'it.each(["/api/open/v3/photo/talking"])("%s is old", (p) => expect(p).toBeTruthy());\n'
    )
    assert audit_text(text, "paths.test.ts") == []


def test_a_generic_types_commas_bind_no_second_name() -> None:
    text = (
        "class A {\n"
        "  String f(WebClient web, String id) {\n"
        f'    Map<?, ?> out = web.get().uri("{BASE}/content/video/infobymodelid?video_model_id=" + id)\n'
        "        .retrieve().bodyToMono(Map.class).block();\n"
        '    return String.valueOf(((Map<?, ?>) out.get("data")).get("video"));\n'
        "  }\n"
        "}\n"
    )
    assert audit_text(text, "A.java") == []


# -- cleanup: ties.tuple_parts splits through arguments.spans -----------------------------------------


@pytest.mark.parametrize(
    ("expr", "parts"),
    [
        ("resp.status_code, resp.json()", ["resp.status_code", "resp.json()"]),
        ("[res.status, await res.json()]", ["res.status", "await res.json()"]),
        ("(status, {a: 1, b: [2, 3]})", ["status", "{a: 1, b: [2, 3]}"]),
        ("a, 'x\\'s, y', c", ["a", "'x\\'s, y'", "c"]),
        ("f(a, b)", None),
        ("a, b,", None),
        ("a", None),
    ],
)
def test_tuple_parts(expr: str, parts: list[str] | None) -> None:
    from akool_cli.audit import ties

    assert ties.tuple_parts(expr) == parts


def test_hook_statements_ending_in_a_strings_backslash_do_not_fail() -> None:
    assert hooks.held('useSWR("a\\', [], lambda name: 0) == hooks.Held(0, False)
    assert hooks.held('useQuery({ queryFn: "x\\', [], lambda name: 0) == hooks.Held(0, False)


# -- which hooks' data are Vue refs -----------------------------------------------------------------


def test_a_nuxt_composable_with_reactive_reads_the_refs_value() -> None:
    text = (
        "export function useVideo(id: string) {\n"
        "  const state = reactive({ done: false });\n"
        f"  const {{ data }} = useFetch(`{BASE}{INFO}`, {{ transform: (r: any) => r.data }});\n"
        "  const done = computed(() => data.value?.READ === 3);\n"
        "  return { state, done };\n"
        "}\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "video_status"), "useVideo.ts")) == []
    assert answer_reads(audit_text(text.replace("READ", "status"), "useVideo.ts")) == [
        (4, "status")
    ]


def test_vue_query_data_is_a_ref_and_react_use_fetch_is_not() -> None:
    vue = (
        'import { useQuery } from "@tanstack/vue-query";\n'
        "export function useVideo(id: string) {\n"
        "  const { data } = useQuery({ queryKey: [id], queryFn: () =>"
        f" fetch(`{BASE}{INFO}`).then((r) => r.json()).then((j) => j.data) }});\n"
        "  return computed(() => data.value?.video_status);\n"
        "}\n"
    )
    assert answer_reads(audit_text(vue, "useVideo.ts")) == []
    react = (
        'import React from "react";\n'
        'import useFetch from "react-fetch-hook";\n'
        "export function Status({ id }: { id: string }) {\n"
        f"  const {{ data }} = useFetch(`{BASE}{INFO}`);\n"
        "  return <p>{data?.READ}</p>;\n"
        "}\n"
    )
    assert answer_reads(audit_text(react.replace("READ", "data?.video_status"), "a.tsx")) == []
    assert answer_reads(audit_text(react.replace("READ", "video_status"), "a.tsx")) == [
        (5, "video_status")
    ]


# -- a parse destructured: `const { data } = await $fetch(u)`, ky's `.json<T>()` ----------------------


@pytest.mark.parametrize(
    "call",
    [
        f"$fetch(`{BASE}{INFO}`)",
        f'ofetch(`{BASE}{INFO}`, {{ headers: {{ "x-api-key": "k" }} }})',
        f"ky.get(`{BASE}{INFO}`).json<any>()",
        f"(await fetch(`{BASE}{INFO}`)).json()",
    ],
)
def test_data_destructured_from_a_parse_is_the_answers_data(call: str) -> None:
    text = (
        'import ky from "ky";\n'
        "export async function a(id: string) {\n"
        f"  const {{ code, data }} = await {call};\n"
        "  return code === 1000 ? data.READ : null;\n"
        "}\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "video_status"), "a.ts")) == []
    assert answer_reads(audit_text(text.replace("READ", "status"), "a.ts")) == [(4, "status")]


def test_what_ofetch_gives_held_whole_is_the_parsed_answer() -> None:
    text = (
        'import { ofetch } from "ofetch";\n'
        "export async function a(id: string) {\n"
        f"  const body = await ofetch(`{BASE}{INFO}`);\n"
        "  return body.READ;\n"
        "}\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "data.video_status"), "a.ts")) == []
    assert answer_reads(audit_text(text.replace("READ", "video_status"), "a.ts")) == [
        (4, "video_status")
    ]


def test_a_query_fn_on_an_unwrapping_axios_client() -> None:
    text = (
        'import axios from "axios";\n'
        'import { useQuery } from "@tanstack/react-query";\n'
        f'const api = axios.create({{ baseURL: "{BASE}" }});\n'
        "api.interceptors.response.use((r) => r.data);\n"
        "export function View({ id }: { id: string }) {\n"
        "  const { data } = useQuery({ queryKey: [id], queryFn: () =>"
        f" api.get(`{INFO}`).then((res) => res.data) }});\n"
        "  return <p>{data?.READ}</p>;\n"
        "}\n"
    )
    assert answer_reads(audit_text(text.replace("READ", "video_status"), "a.tsx")) == []
    assert answer_reads(audit_text(text.replace("READ", "status"), "a.tsx")) == [(7, "status")]

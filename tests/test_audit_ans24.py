"""Session 24, ans24: answer reads tied to the right call (break21f #17: answers bound side by
side before their reads were crossed, and `--diff` patched image reads to `video_status`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
VIDEO = f"{B}/content/video/infobymodelid"
IMAGE = f"{B}/content/image/infobymodelid"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_findings(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.rule in ANSWER_RULES]


# -- #17: two answers bound side by side, each read by its own name ------------------------------

GATHER_PY = (
    "import asyncio\nimport httpx\n"
    "async def both(v, i):\n"
    f'    async with httpx.AsyncClient(base_url="{B}") as c:\n'
    "        video, image = await asyncio.gather(\n"
    '            c.get("/content/video/infobymodelid", params={"video_model_id": v}),\n'
    '            c.get("/content/image/infobymodelid", params={"image_model_id": i}),\n'
    "        )\n"
    '    return video.json()["data"]["video_status"], image.json()["data"]["IMG"]\n'
)
TASKS_PY = (
    "import asyncio\nimport httpx\n"
    "async def both(v, i):\n"
    f'    async with httpx.AsyncClient(base_url="{B}") as c:\n'
    '        vt = asyncio.create_task(c.get("/content/video/infobymodelid", params={"video_model_id": v}))\n'
    '        it = asyncio.create_task(c.get("/content/image/infobymodelid", params={"image_model_id": i}))\n'
    "        video, image = await asyncio.gather(vt, it, return_exceptions=False)\n"
    '    return video.json()["data"]["video_status"], image.json()["data"]["IMG"]\n'
)
TUPLE_PY = (
    "import requests\n"
    "def both(v, i):\n"
    f'    video, image = requests.get("{VIDEO}", params={{"video_model_id": v}}).json(), '
    f'requests.get("{IMAGE}", params={{"image_model_id": i}}).json()\n'
    '    return video["data"]["video_status"], image["data"]["IMG"]\n'
)
SWAPPED_PY = (
    "import requests\n"
    "def both(v, i):\n"
    f'    image, video = (requests.get("{IMAGE}", params={{"image_model_id": i}}).json(), '
    f'requests.get("{VIDEO}", params={{"video_model_id": v}}).json())\n'
    '    return video["data"]["video_status"], image["data"]["IMG"]\n'
)
DICT_PY = (
    "import requests\n"
    "def both(v, i):\n"
    "    answers = {\n"
    f'        "video": requests.get("{VIDEO}", params={{"video_model_id": v}}).json(),\n'
    f'        "image": requests.get("{IMAGE}", params={{"image_model_id": i}}).json(),\n'
    "    }\n"
    '    return answers["video"]["data"]["video_status"], answers["image"]["data"]["IMG"]\n'
)
LATER_JS = (
    "export async function both(v, i) {\n"
    f"  const video = fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json());\n"
    f"  const image = fetch(`{IMAGE}?image_model_id=${{i}}`).then((r) => r.json());\n"
    "  const iv = await image;\n"
    "  const vv = await video;\n"
    "  return [vv.data.video_status, iv.data.IMG];\n"
    "}\n"
)
ALL_JS = (
    "export async function both(v, i) {\n"
    "  const [vv, iv] = await Promise.all([\n"
    f"    fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json()),\n"
    f"    fetch(`{IMAGE}?image_model_id=${{i}}`).then((r) => r.json()),\n"
    "  ]);\n"
    "  return [vv.data.video_status, iv.data.IMG];\n"
    "}\n"
)
ALL_LATER_JS = (
    "export async function both(v, i) {\n"
    f"  const video = fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json());\n"
    f"  const image = fetch(`{IMAGE}?image_model_id=${{i}}`).then((r) => r.json());\n"
    "  const [vv, iv] = await Promise.all([video, image]);\n"
    "  return [vv.data.video_status, iv.data.IMG];\n"
    "}\n"
)
ALL_AXIOS_TS = (
    'import axios from "axios";\n'
    "export async function both(v: string, i: string) {\n"
    f"  const [vr, ir] = await Promise.all([axios.get(`{VIDEO}`, {{ params: {{ video_model_id: v }} }}), "
    f"axios.get(`{IMAGE}`, {{ params: {{ image_model_id: i }} }})]);\n"
    "  return [vr.data.data.video_status, ir.data.data.IMG];\n"
    "}\n"
)
OBJECT_JS = (
    "export async function both(v, i) {\n"
    "  const answers = {\n"
    f"    video: await fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json()),\n"
    f"    image: await fetch(`{IMAGE}?image_model_id=${{i}}`).then((r) => r.json()),\n"
    "  };\n"
    "  return [answers.video.data.video_status, answers.image.data.IMG];\n"
    "}\n"
)
SIDE_BY_SIDE = [
    (GATHER_PY, "g.py"),
    (TASKS_PY, "t.py"),
    (TUPLE_PY, "u.py"),
    (SWAPPED_PY, "s.py"),
    (DICT_PY, "d.py"),
    (LATER_JS, "l.js"),
    (ALL_JS, "a.js"),
    (ALL_LATER_JS, "b.js"),
    (ALL_AXIOS_TS, "x.ts"),
    (OBJECT_JS, "o.js"),
]


@pytest.mark.parametrize(("text", "name"), SIDE_BY_SIDE)
def test_answers_bound_side_by_side_are_each_their_own_calls(text: str, name: str) -> None:
    """The image read `status` is image infobymodelid's (error, fixed to image_status), the
    video read is silent; the right image read is silent too."""
    found = answer_findings(text.replace("IMG", "status"), name)
    assert [(f.rule, f.found) for f in found] == [("response-field", "status")], found
    assert "image/infobymodelid" in found[0].message
    assert found[0].fix is not None and found[0].fix.new == "image_status"
    assert answer_findings(text.replace("IMG", "image_status"), name) == []


UNKNOWN_PY = (
    "import asyncio\nimport httpx\n"
    "async def both(v, i):\n"
    f'    async with httpx.AsyncClient(base_url="{B}") as c:\n'
    "        results = await asyncio.gather(\n"
    '            c.get("/content/video/infobymodelid", params={"video_model_id": v}),\n'
    '            c.get("/content/image/infobymodelid", params={"image_model_id": i}),\n'
    "        )\n"
    '    return results[0].json()["data"]["video_status"], results[1].json()["data"]["image_status"]\n'
)
SETTLED_JS = (
    "export async function both(v, i) {\n"
    "  const [vv, iv] = await Promise.allSettled([\n"
    f"    fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json()),\n"
    f"    fetch(`{IMAGE}?image_model_id=${{i}}`).then((r) => r.json()),\n"
    "  ]);\n"
    "  return [vv.value.data.video_status, iv.value.data.image_status];\n"
    "}\n"
)
COUNT_PY = (
    "import asyncio\n"
    "async def both(c, v, i):\n"
    "    video, image = await asyncio.gather(\n"
    f'        c.get("{VIDEO}", params={{"video_model_id": v}}),\n'
    f'        c.get("{IMAGE}", params={{"image_model_id": i}}),\n'
    "        asyncio.sleep(1),\n"
    "    )\n"
    '    return video.json()["data"]["image_status"], image.json()["data"]["video_status"]\n'
)


@pytest.mark.parametrize(
    ("text", "name"), [(UNKNOWN_PY, "r.py"), (SETTLED_JS, "s.js"), (COUNT_PY, "c.py")]
)
def test_answers_whose_names_cannot_be_told_are_not_judged(text: str, name: str) -> None:
    """One name for both answers, Promise.allSettled's wrappers, more values than names: which
    answer a read is of is unknown, so no read is judged (no crossed warning or patch)."""
    assert answer_findings(text, name) == []


CALLBACK_JS = (
    "export async function both(v, i) {\n"
    f"  const video = await fetch(`{VIDEO}?video_model_id=${{v}}`).then((r) => r.json());\n"
    f"  const image = await fetch(`{IMAGE}?image_model_id=${{i}}`)\n"
    "    .then((r) => r.json())\n"
    "    .then((r) => r.data.image_status);\n"
    "  return [video.data.video_status, image];\n"
    "}\n"
)


def test_a_callbacks_parameter_names_nothing_after_its_statement() -> None:
    """`.then((r) => r.json())`'s r is the callback's own: a later statement's callback of the
    same parameter name reads another call's answer."""
    assert answer_findings(CALLBACK_JS, "c.js") == []


# -- #14: a helper is the one its import names (module and alias) ---------------------------------

JS_HELPER = (
    f'const B = "{B}";\n'
    "export async function getStatus(id) {\n"
    "  const r = await fetch(`${B}/content/KIND/infobymodelid?KIND_model_id=${id}`);\n"
    "  return (await r.json()).data;\n"
    "}\n"
)
PY_HELPER = (
    f'import requests\nB = "{B}"\n'
    "def get_status(i):\n"
    '    return requests.get(f"{B}/content/KIND/infobymodelid", params={"KIND_model_id": i}).json()["data"]\n'
)
JS_APP = (
    'import { getStatus } from "./image.js";\n'
    'import * as video from "./video.js";\n'
    'import { getStatus as videoStatus } from "./video.js";\n'
    "export async function done(i, v) {\n"
    "  const img = await getStatus(i);\n"
    "  const vid = await video.getStatus(v);\n"
    "  const vid2 = await videoStatus(v);\n"
    "  return img.IMG === 3 && vid.VID === 3 && vid2.VID2;\n"
    "}\n"
)
PY_APP = (
    "from pkg.image import get_status\n"
    "from pkg import video\n"
    "from pkg.video import get_status as video_status\n"
    "def done(i, v):\n"
    "    img = get_status(i)\n"
    "    vid = video.get_status(v)\n"
    "    vid2 = video_status(v)\n"
    '    return img["IMG"] == 3 and vid["VID"] == 3 and vid2["VID2"]\n'
)


def _same_named(tmp_path: Path, suffix: str, app: str) -> list[Finding]:
    helper, folder = (JS_HELPER, "js") if suffix == ".js" else (PY_HELPER, "pkg")
    (tmp_path / folder).mkdir()
    for kind in ("image", "video"):
        (tmp_path / folder / f"{kind}{suffix}").write_text(helper.replace("KIND", kind))
    (tmp_path / folder / f"app{suffix}").write_text(app)
    return [f for f in audit([tmp_path]).findings if f.rule in ANSWER_RULES]


@pytest.mark.parametrize(("suffix", "app"), [(".js", JS_APP), (".py", PY_APP)])
def test_same_named_helpers_of_two_modules_are_each_their_own(
    tmp_path: Path, suffix: str, app: str
) -> None:
    """`getStatus` imported from image.js beside video.js's (imported whole, and by an alias):
    img's `status` is image infobymodelid's (fixed to image_status), the video reads video's."""
    wrong = app.replace("IMG", "status").replace("VID2", "video").replace("VID", "video_status")
    found = _same_named(tmp_path, suffix, wrong)
    assert [(f.line, f.found) for f in found] == [(8, "status")], found
    assert "image/infobymodelid" in found[0].message
    assert found[0].fix is not None and found[0].fix.new == "image_status"


@pytest.mark.parametrize(("suffix", "app"), [(".js", JS_APP), (".py", PY_APP)])
def test_same_named_helpers_right_reads_are_silent(tmp_path: Path, suffix: str, app: str) -> None:
    right = (
        app.replace("IMG", "image_status").replace("VID2", "video").replace("VID", "video_status")
    )
    assert _same_named(tmp_path, suffix, right) == []


@pytest.mark.parametrize(("suffix", "app"), [(".js", JS_APP), (".py", PY_APP)])
def test_same_named_helpers_aliased_video_read_is_judged(
    tmp_path: Path, suffix: str, app: str
) -> None:
    """The alias is the video helper: its answer's wrong read is found and fixed as video's."""
    text = (
        app.replace("IMG", "image_status").replace("VID2", "status").replace("VID", "video_status")
    )
    found = _same_named(tmp_path, suffix, text)
    assert [(f.found, f.fix and f.fix.new) for f in found] == [("status", "video_status")], found
    assert "video/infobymodelid" in found[0].message


# -- #16 remainder: an option that reshapes the answer before the code reads it ---------------------

AXIOS_OWN = (
    'import axios from "axios";\n'
    "export async function status(id) {\n"
    f"  const res = await axios.get(`{VIDEO}`, {{\n"
    "    params: { video_model_id: id },\n"
    "    transformResponse: [(raw) => JSON.parse(raw).data],\n"
    "  });\n"
    "  return res.data.video_status;\n"
    "}\n"
)
AXIOS_DEFAULTS = (
    'import axios from "axios";\n'
    "axios.defaults.transformResponse = [(raw) => JSON.parse(raw).data];\n"
    "export async function status(id) {\n"
    f"  const res = await axios.get(`{VIDEO}?video_model_id=${{id}}`);\n"
    "  return res.data.video_status;\n"
    "}\n"
)
KY_HOOK = (
    'import ky from "ky";\n'
    f'const api = ky.create({{ prefixUrl: "{B}", hooks: {{ afterResponse: [async (_q, _o, res) => '
    "new Response(JSON.stringify((await res.json()).data))] } });\n"
    "export async function status(id) {\n"
    "  const j = await api.get(`content/video/infobymodelid?video_model_id=${id}`).json();\n"
    "  return j.video_status;\n"
    "}\n"
)
OFETCH_HOOK = (
    'import { ofetch } from "ofetch";\n'
    "export async function status(id: string) {\n"
    f"  const d = await ofetch(`{VIDEO}?video_model_id=${{id}}`, {{\n"
    "    onResponse({ response }) { response._data = response._data.data; },\n"
    "  });\n"
    "  return d.video_status;\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("text", "name"),
    [(AXIOS_OWN, "a.js"), (AXIOS_DEFAULTS, "d.js"), (KY_HOOK, "k.js"), (OFETCH_HOOK, "o.ts")],
)
def test_an_answer_reshaped_by_an_option_is_not_judged(text: str, name: str) -> None:
    """axios' transformResponse (per request or as a default), ky's afterResponse hook, ofetch's
    onResponse: what the code reads is the option's making, not AKOOL's answer."""
    assert answer_findings(text, name) == []


def test_an_option_on_one_call_leaves_the_others_judged() -> None:
    text = OFETCH_HOOK + (
        "export async function other(id: string) {\n"
        f"  const r = await ofetch(`{VIDEO}?video_model_id=${{id}}`);\n"
        "  return r.data.status;\n"
        "}\n"
    )
    assert [(f.line, f.found) for f in answer_findings(text, "o.ts")] == [(10, "status")]


# -- relay 1: a chain's later member is a guarded fallback: a warning, never an error ---------------

CHAIN_TS = (
    "export async function img(id: string) {\n"
    f"  const res = await fetch(`{IMAGE}?image_model_id=${{id}}`);\n"
    "  const json = await res.json();\n"
    "  return CHAIN;\n"
    "}\n"
)
CHAIN_PY = (
    "import requests\n"
    "def img(i):\n"
    f'    d = requests.get("{IMAGE}", params={{"image_model_id": i}}).json()["data"]\n'
    "    return CHAIN\n"
)


@pytest.mark.parametrize(
    ("text", "name", "chain"),
    [
        (CHAIN_TS, "c.ts", "json.data.image_url || json.data.url"),
        (CHAIN_TS, "c.ts", "json.data.status ?? json.data.state"),
        (CHAIN_PY, "c.py", 'd.get("image_url") or d.get("url")'),
        (CHAIN_PY, "c.py", 'd.get("status") or d.get("state")'),
    ],
)
def test_a_chains_first_read_is_judged_its_later_guesses_are_warnings(
    text: str, name: str, chain: str
) -> None:
    """The first member is the read the script makes (an error, as alone); a later undocumented
    member is its guarded fallback: a warning with no fix."""
    found = answer_findings(text.replace("CHAIN", chain), name)
    assert [(f.rule, f.severity) for f in found] == [
        ("response-field", "error"),
        ("answer-field", "warning"),
    ], found
    assert found[1].fix is None


# -- relay 8: a list held one level down, the script checking the shape first ------------------------

VOICES_TS = (
    'const BASE = "https://openapi.akool.com/api/open";\n'
    "async function akoolGet<T>(path: string): Promise<{ code: number; msg: string; data: T }> {\n"
    '  const res = await fetch(`${BASE}${path}`, { headers: { "x-api-key": "k" } });\n'
    "  return res.json();\n"
    "}\n"
    "export async function voices() {\n"
    '  const json = await akoolGet<Array<{ voice_id: string }>>("/v4/voice/list?type=1");\n'
    "  if (json.code === 1000 && CHECK json.data.length > 0) {\n"
    "    return json.data.map((v) => v.voice_id);\n"
    "  }\n"
    "  return [];\n"
    "}\n"
)
VOICES_PY = (
    "import requests\n"
    "def voices():\n"
    '    body = requests.get("https://openapi.akool.com/api/open/v4/voice/list", params={"type": 1}).json()\n'
    "    if CHECK len(body['data']) > 0:\n"
    "        return [v['voice_id'] for v in body['data']]\n"
    "    return []\n"
)


@pytest.mark.parametrize(
    ("text", "name", "check"),
    [
        (VOICES_TS, "v.ts", "Array.isArray(json.data) &&"),
        (VOICES_PY, "v.py", "isinstance(body['data'], list) and"),
    ],
)
def test_a_list_used_one_level_up_is_one_finding_per_line_and_a_warning_when_checked(
    text: str, name: str, check: str
) -> None:
    """voice/list's data is an object holding data.result: used as a list, one error per line;
    when the script checks the shape first (and falls back), a warning."""
    plain = answer_findings(text.replace("CHECK ", ""), name)
    assert [f.severity for f in plain] == ["error", "error"], plain
    assert len({f.line for f in plain}) == 2
    checked = answer_findings(text.replace("CHECK", check), name)
    assert [f.severity for f in checked] == ["warning", "warning"], checked


# -- item 5: k6's response selector, `r.json("data.task_id")` ----------------------------------------

K6 = (
    'import http from "k6/http";\n'
    f'const BASE = "{B}";\n'
    "export default function () {\n"
    f"  const s = http.get(`${{BASE}}/content/video/infobymodelid?video_model_id=${{__ENV.ID}}`);\n"
    '  console.log(s.json("READ"));\n'
    "}\n"
)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("data.status", [("response-field", "status", "video_status")]),
        ("message", [("answer-field", "message", "msg")]),
        ("data.video_status", []),
        ("msg", []),
    ],
)
def test_k6s_json_selector_reads_the_answer(read: str, expected: list[object]) -> None:
    found = answer_findings(K6.replace("READ", read), "load.js")
    assert [(f.rule, f.found, f.fix and f.fix.new) for f in found] == expected


# -- relay 5 (break21g #2): Vue composables returning a fetch hook's refs ----------------------------

COMPOSABLE = (
    f'const BASE = "{B}";\n'
    "export function useVideo(id: string) {\n"
    "  return HOOK;\n"
    "}\n"
    "export async function show(id: string) {\n"
    "  const { data } = await useVideo(id);\n"
    "  return [READS];\n"
    "}\n"
)
VUEUSE = (
    'import { useFetch } from "@vueuse/core";\n'
    f'const BASE = "{B}";\n'
    "export function useVideo(id: string) {\n"
    "  const { data } = useFetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, {\n"
    "    afterFetch(ctx) { ctx.data = ctx.data.data; return ctx; },\n"
    "  }).json();\n"
    "  return computed(() => [data.value?.video_status, data.value?.video]);\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("hook", "reads"),
    [
        (
            "useFetch(`${BASE}/content/video/infobymodelid`, { query: { video_model_id: id } })",
            "data.value?.data.video_status, data.value?.data.video",
        ),
        (
            "useAsyncData(`v-${id}`, () => $fetch(`${BASE}/content/video/infobymodelid`, "
            "{ query: { video_model_id: id } }), { transform: (j: any) => j.data })",
            "data.value.video_status, data.value.video",
        ),
    ],
)
def test_a_composable_returning_a_fetch_hook_is_not_judged(hook: str, reads: str) -> None:
    text = COMPOSABLE.replace("HOOK", hook).replace("READS", reads)
    assert answer_findings(text, "useVideo.ts") == []


def test_vueuses_after_fetch_reshapes_the_answer() -> None:
    assert answer_findings(VUEUSE, "useVideo.ts") == []


# -- relay 10: a bundle's renamed client: whose `.data` a read goes through is not known -------------

FILLER = ";".join(f"var q{i}=function(e){{return e+{i}}}" for i in range(200))
BUNDLE = (
    '"use strict";(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[405],{5557:function(e,t,a){'
    "var i=a(87066);" + FILLER + ";function s(e){return i.Z.post("
    f'"{B}/content/video/createbytalkingphoto",'
    '{talking_photo_url:e,audio_url:e,resolution:"720"}).then(a=>{if(a.data.code!==1e3)'
    "throw Error(a.data.msg);return a.data.data._id})}}}]);\n"
)


def test_a_bundles_renamed_clients_data_is_not_taken_for_akools() -> None:
    """`i.Z.post(url).then((a) => a.data.code)` in a webpack bundle: `i.Z` is axios renamed
    away, so `a.data` is its body, not AKOOL's data field: no false finding."""
    assert answer_findings(BUNDLE, "bundle.js") == []
    plain = BUNDLE.replace("self.webpackChunk_N_E", "self.chunks").replace("i.Z.post", "post")
    assert len(plain.split("\n")[0]) > 2000  # (a long line alone is not a bundle)

"""`akool audit` after a fourteenth measurement on real third-party code (issue 21, round 14): list
answers read through an AKOOL helper that another file of the scanned folder defines, query names
in candidate URLs tried in turn, and the query a helper sends from the params its caller gives.
The corpus scripts of these shapes are in tests/audit_corpus/round14/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "round14"


def places(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return sorted((Path(f.file).name, f.line, f.rule) for f in findings if f.severity != "info")


def folder(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return places(audit([tmp_path]).findings)


# -- A. a list answer read through a helper of another module of the folder ----------------------

PY_HELPERS = (
    "import requests\n"
    'AKOOL = "https://openapi.akool.com/api/open"\n'
    "def list_voices():\n"
    '    r = requests.get(f"{AKOOL}/v4/voice/list", params={"type": 2})\n'
    "    return r.json()\n"
    "def list_avatars():\n"
    '    r = requests.get(f"{AKOOL}/v3/avatar/list")\n'
    '    return r.json()["data"]\n'
)


@pytest.mark.parametrize(
    ("caller", "rule"),
    [
        ('data = list_voices()["data"]\nprint(data["voice_id"])\n', "answer-field"),
        ('body = list_voices()\nprint([v["name"] for v in body["data"]])\n', "response-field"),
        ('avatars = list_avatars()\nprint(avatars[0]["thumbnail"])\n', "answer-field"),
        ('body = list_voices()\nprint(body["data"]["result"][0]["lang"])\n', "answer-field"),
    ],
)
def test_a_a_list_answer_misread_through_an_imported_helper(
    tmp_path: Path, caller: str, rule: str
) -> None:
    found = folder(
        tmp_path,
        {"bot/akool_api.py": PY_HELPERS, "bot/app.py": "from .akool_api import *\n" + caller},
    )
    assert found == [("app.py", 3, rule)]


@pytest.mark.parametrize(
    "caller",
    [
        'data = list_voices()["data"]\nprint(data["result"][0]["voice_id"])\n',
        'body = list_voices()\nprint([v["name"] for v in body["data"]["result"]])\n',
        'avatars = list_avatars()\nprint(avatars[0]["thumbnailUrl"])\n',
        'print(list_voices()["data"]["count"])\n',
    ],
)
def test_a_the_documented_reads_stay_silent(tmp_path: Path, caller: str) -> None:
    files = {"bot/akool_api.py": PY_HELPERS, "bot/app.py": "from .akool_api import *\n" + caller}
    assert folder(tmp_path, files) == []


JS_HELPERS = (
    "const BASE = 'https://openapi.akool.com/api/open';\n"
    "export async function getAvatars() {\n"
    "  const res = await fetch(`${BASE}/v4/liveAvatar/avatar/list?page=1`);\n"
    "  return res.json();\n"
    "}\n"
)


def test_a_the_data_object_walked_where_the_helper_is_called(tmp_path: Path) -> None:
    """A helper returning the answer's data, walked as a list on its own statement: in a
    comprehension or a loop, or in a callback chained to it."""
    found = folder(
        tmp_path,
        {
            "akool_api.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
            "def languages():\n"
            "    return requests.get(f'{B}/v3/language/list').json()['data']\n",
            "use.py": "from akool_api import languages\n"
            "codes = [l['lang_code'] for l in languages()]\n"
            "codes = [l['lang_code'] for l in languages()['lang_list']]\n",
            "akool.js": "const B = 'https://openapi.akool.com/api/open';\n"
            "export async function getVoices() {\n"
            "  const res = await fetch(`${B}/v4/voice/list?type=2`);\n"
            "  const body = await res.json();\n  return body.data;\n}\n",
            "use.js": "import { getVoices } from './akool';\n"
            "export const ids = () => getVoices().then((vs) => vs.map((v) => v.voice_id));\n"
            "export const ok = () => getVoices().then((vs) => vs.result.map((v) => v.voice_id));\n",
        },
    )
    assert found == [("use.js", 2, "response-field"), ("use.py", 2, "response-field")]


def test_a_an_instance_a_module_an_object_of_functions_or_a_static_method(
    tmp_path: Path,
) -> None:
    """What the calling file imports from the helper's module and calls the helper on."""
    found = folder(
        tmp_path,
        {
            "app/akool.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
            "class AkoolClient:\n    def voice_items(self):\n"
            "        r = requests.get(f'{B}/v4/voice/list', params={'type': 2})\n"
            "        return r.json()['data']['result']\n"
            "akool_client = AkoolClient()\n"
            "def sessions():\n    r = requests.get(f'{B}/v4/liveAvatar/session/list')\n"
            "    return r.json()\n",
            "app/views.py": "from . import akool\nfrom .akool import akool_client\n"
            "items = akool_client.voice_items()\nprint(items[0]['voice_name'])\n"
            "for v in akool_client.voice_items():\n    print(v['voice_url'])\n"
            "print(akool.sessions()['data']['status'])\n",
            "web/akool.ts": "const B = 'https://openapi.akool.com/api/open';\n"
            "export const akool = {\n  async avatars() {\n"
            "    const res = await fetch(`${B}/v4/liveAvatar/avatar/list`);\n"
            "    return res.json();\n  },\n};\n"
            "export class Akool {\n  static async voices() {\n"
            "    const res = await fetch(`${B}/v4/voice/list?type=2`);\n"
            "    return (await res.json()).data;\n  }\n}\n",
            "web/page.ts": "import { akool, Akool } from './akool';\n"
            "export const a = async () => (await akool.avatars()).data.map((x) => x.name);\n"
            "export const b = async () => (await Akool.voices()).result.map((x) => x.name);\n"
            "export async function c() {\n  const d = await Akool.voices();\n"
            "  return d.map((x) => x.name);\n}\n",
        },
    )
    assert found == [
        ("page.ts", 2, "response-field"),
        ("page.ts", 6, "response-field"),
        ("views.py", 4, "answer-field"),
        ("views.py", 6, "answer-field"),
        ("views.py", 7, "response-field"),
    ]


def test_a_destructured_data_of_a_helper_returning_the_parsed_answer(tmp_path: Path) -> None:
    """`const { data } = await getAvatars()`, getAvatars returning `res.json()`: data is the
    answer's data (before: taken for the whole answer, so `data.count` was a false error)."""
    found = folder(
        tmp_path,
        {
            "akool.js": JS_HELPERS,
            "page.ts": "import { getAvatars } from './akool';\n"
            "export async function total() {\n"
            "  const { data } = await getAvatars();\n"
            "  return data.count;\n"
            "}\n"
            "export async function first() {\n"
            "  const { data } = await getAvatars();\n"
            "  return data.avatar_id;\n"
            "}\n",
        },
    )
    assert found == [("page.ts", 8, "answer-field")]


def test_a_php_functions_of_a_required_file(tmp_path: Path) -> None:
    """PHP's require brings every function of the file in by its name; a function's brace may
    open the next line (PSR-12)."""
    found = folder(
        tmp_path,
        {
            "akool.php": "<?php\nconst AKOOL_BASE = 'https://openapi.akool.com/api/open';\n"
            "function akool_voices()\n{\n"
            "    $ch = curl_init(AKOOL_BASE . '/v4/voice/list?type=2');\n"
            "    $raw = curl_exec($ch);\n"
            "    return json_decode($raw, true);\n}\n",
            "page.php": "<?php\nrequire_once __DIR__ . '/akool.php';\n"
            "$voices = akool_voices();\n"
            "foreach ($voices['data'] as $v) { echo $v['voice_id']; }\n"
            "foreach ($voices['data']['result'] as $v) { echo $v['voice_id']; }\n",
        },
    )
    assert found == [("page.php", 4, "response-field")]


def test_a_an_import_names_its_module_not_only_the_helper(tmp_path: Path) -> None:
    """A helper of the same name in another scanned module is not the one a file imports from
    a module the scan does not hold (`from app.services.akool import akool_get`), nor is a PHP
    file's constant a TypeScript import's."""
    found = folder(
        tmp_path,
        {
            "bot/akool_api.py": "import requests\nB = 'https://openapi.akool.com/api/open/v4'\n"
            "def akool_get(path):\n    return requests.get(B + path).json()\n",
            "svc/jobs.py": "from app.services.akool import akool_get\n"
            'print(akool_get("/api/open/v3/language/list")["data"]["lang_list"])\n',
            "php/akool.php": "<?php\nconst AKOOL_API_BASE = 'https://openapi.akool.com/api/open';\n",
            "web/health.ts": "import { AKOOL_API_BASE } from '@/lib/akool';\n"
            "export const health = () => fetch(`${AKOOL_API_BASE}/v1/healthz`);\n",
        },
    )
    assert found == []


# -- B. candidate paths tried in a loop, joined to a base there --------------------------------

LOOPS = {
    "inline.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
    "for path in ['/v3/voice/list?lang=en', '/v4/voice/list?type=1&language=en']:\n"
    "    requests.get(B + path)\n",
    "named.py": "import requests\nB = 'https://openapi.akool.com/api/open'\nPATHS = [\n"
    "    '/v3/voice/list?lang=en',\n    '/v4/voice/list?type=1&language=en',\n]\n"
    "def voices():\n    for path in PATHS:\n        return requests.get(f'{B}{path}')\n",
    "forof.js": "const B = 'https://openapi.akool.com/api/open';\n"
    "for (const p of ['/v3/voice/list?lang=en', '/v4/voice/list?type=1&language=en']) {\n"
    "  fetch(`${B}${p}`);\n}\n",
    "words.sh": 'B="https://openapi.akool.com/api/open"\n'
    'for p in "/v3/voice/list?lang=en" "/v4/voice/list?type=1&language=en"; do\n'
    '  curl -s "$B$p"\ndone\n',
    "comprehension.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
    "PATHS = ['/v3/voice/list?lang=en', '/v4/voice/list?type=1&language=en']\n"
    "urls = [B + p for p in PATHS]\n",
    "callback.js": "const api = axios.create({ baseURL: 'https://openapi.akool.com/api/open' });\n"
    "const PATHS = ['/v3/voice/list?lang=en', '/v4/voice/list?type=1&language=en'];\n"
    "Promise.any(PATHS.map((p) => api.get(p)));\n",
    "range.go": 'package x\nconst b = "https://openapi.akool.com/api/open"\nfunc f() {\n'
    '\tfor _, p := range []string{"/v3/voice/list?lang=en", "/v4/voice/list?language=en"} {\n'
    "\t\thttp.Get(b + p)\n\t}\n}\n",
}


@pytest.mark.parametrize("name", sorted(LOOPS))
def test_b_each_candidate_path_in_a_loop_has_its_own_query(name: str) -> None:
    text = LOOPS[name]
    found = places(audit_text(text, name))
    want = {n for n, line in enumerate(text.splitlines(), 1) if "lang" in line}
    assert {line for _, line, _ in found} == want
    assert {rule for _, _, rule in found} == {"unknown-field"}


def test_b_a_version_the_loop_picks_judges_the_path_under_any_version() -> None:
    """`f"{BASE}/{version}/voice/list?..."` for each of ("v3", "v4"): a name no version of
    the path documents is reported (before: no call at all); one that some version documents
    (`type`, v4's) is not."""
    text = (
        "import requests\nBASE = 'https://openapi.akool.com/api/open'\n"
        "for version in ('v3', 'v4'):\n"
        "    requests.get(f'{BASE}/{version}/voice/list?language=en')\n"
        "    requests.get(f'{BASE}/{version}/voice/list?type=1&page=2')\n"
    )
    assert places(audit_text(text, "v.py")) == [("v.py", 4, "unknown-field")]


def test_b_documented_candidates_and_other_loops_stay_silent() -> None:
    text = (
        "import requests\nB = 'https://openapi.akool.com/api/open'\n"
        "ROUTES = ['/v1/users/me?lang=en', '/healthz?lang=en']\n"
        "for path in ('/v3/voice/list?from=3', '/v4/voice/list?type=2&gender=Male'):\n"
        "    requests.get(B + path)\n"
        "for r in ROUTES:\n    print(r)\n"
        "def post(path, body):\n    return requests.post(B + path, json=body)\n"
    )
    assert places(audit_text(text, "ok.py")) == []


def test_b_a_scripts_constant_is_no_other_scripts_environment_variable(tmp_path: Path) -> None:
    """`const AKOOL_API_URL = "https://.../api/open"` in one script is not what another script
    reads as `process.env.AKOOL_API_URL` (before: its paths were joined to that base)."""
    found = folder(
        tmp_path,
        {
            "picker.js": "const AKOOL_API_URL = 'https://openapi.akool.com/api/open';\n"
            "for (const p of ['/v3/voice/list?from=3']) fetch(AKOOL_API_URL + p);\n",
            "env.js": "fetch(`${process.env.AKOOL_API_URL}/avatar/list?from=2`);\n",
        },
    )
    assert found == []


# -- C. the query a helper sends from the params its caller gives ---------------------------------

HELPERS = {
    "akool_api.py": "import requests\nBASE = 'https://openapi.akool.com/api/open'\n"
    "def akool_get(path, params=None):\n"
    "    return requests.get(f'{BASE}{path}', params=params).json()\n",
    "akool.js": "const BASE = 'https://openapi.akool.com/api/open';\n"
    "export async function akoolGet(path, params = {}) {\n"
    "  const qs = new URLSearchParams(params).toString();\n"
    "  return (await fetch(`${BASE}${path}?${qs}`)).json();\n}\n",
    "akool.php": "<?php\nconst AKOOL = 'https://openapi.akool.com/api/open';\n"
    "function akool_get($path, $params = [])\n{\n"
    "    $ch = curl_init(AKOOL . $path . '?' . http_build_query($params));\n"
    "    return json_decode(curl_exec($ch), true);\n}\n",
}
CALLERS = {
    "py": ("use.py", "from akool_api import akool_get\n", "akool_get({}, {})\n"),
    "js": ("use.js", "import { akoolGet } from './akool';\n", "akoolGet({}, {});\n"),
    "php": ("use.php", "<?php\nrequire_once 'akool.php';\n", "akool_get({}, {});\n"),
}
PARAMS = {
    "py": ('{"page": 1}', '{"type": 1, "language": "en"}', '{"type": 1}', "params"),
    "js": ("{ page: 1 }", "{ type: 1, language: 'en' }", "{ type: 1 }", "params"),
    "php": ("['page' => 1]", "['type' => 1, 'language' => 'en']", "['type' => 1]", "$params"),
}


@pytest.mark.parametrize("lang", sorted(CALLERS))
def test_c_a_helper_sends_the_params_its_caller_gives(tmp_path: Path, lang: str) -> None:
    name, head, call = CALLERS[lang]
    missing, unknown, right, opaque = PARAMS[lang]
    path = "'/v4/voice/list'"
    lines = [call.format(path, p) for p in (missing, unknown, right, opaque)]
    found = folder(tmp_path, {**HELPERS, name: head + "".join(lines)})
    first = head.count("\n") + 1
    assert found == [(name, first, "missing-query-field"), (name, first + 1, "unknown-field")]


def test_c_a_python_keyword_and_a_method_of_a_client_class(tmp_path: Path) -> None:
    found = folder(
        tmp_path,
        {
            "akool_client.py": "import requests\nclass AkoolClient:\n"
            "    BASE = 'https://openapi.akool.com/api/open'\n"
            "    def get(self, path, params=None):\n"
            "        return requests.get(f'{self.BASE}{path}', params=params).json()\n",
            "worker.py": "from akool_client import AkoolClient\nc = AkoolClient()\n"
            "c.get('/v4/voice/resource/list', params={'page': 1})\n"
            "c.get('/v4/voice/resource/list', params={'type': 1})\n",
        },
    )
    assert found == [("worker.py", 3, "missing-query-field")]


def test_c_params_held_in_a_name_or_given_through_kwargs(tmp_path: Path) -> None:
    found = folder(
        tmp_path,
        {
            "akool_http.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
            "def akool_request(path, **kwargs):\n"
            "    return requests.get(B + path, timeout=9, **kwargs).json()\n"
            "def akool_list(path, params=None):\n"
            "    return requests.get(B + path, params=params).json()\n",
            "use.py": "from akool_http import akool_list, akool_request\n"
            "akool_request('/v4/voice/list', params={'page': 1})\n"
            "def f():\n    q = {'page': 1}\n    return akool_list('/v4/voice/list', q)\n"
            "def g():\n    q = {'page': 1}\n    q['type'] = 2\n"
            "    return akool_list('/v4/voice/list', q)\n"
            "def h(q, **o):\n    akool_list('/v4/voice/list', q)\n"
            "    akool_request('/v4/voice/list', **o)\n",
        },
    )
    assert found == [("use.py", 2, "missing-query-field"), ("use.py", 5, "missing-query-field")]


def test_c_guzzle_query_and_search_params_set_from_an_object(tmp_path: Path) -> None:
    found = folder(
        tmp_path,
        {
            "Akool.php": "<?php\nclass Akool\n{\n    public function __construct()\n    {\n"
            "        $this->client = new \\GuzzleHttp\\Client(['base_uri' => "
            "'https://openapi.akool.com/api/open/']);\n    }\n"
            "    public function get($path, $params = [])\n    {\n"
            "        return json_decode($this->client->get($path, ['query' => $params])"
            "->getBody(), true);\n    }\n}\n",
            "page.php": "<?php\nrequire_once 'Akool.php';\n$a = new Akool();\n"
            "$a->get('v4/voice/list', ['page' => 1]);\n"
            "$a->get('v4/voice/list', ['type' => 1]);\n",
            "akool.ts": "const B = 'https://openapi.akool.com/api/open';\n"
            "export async function akoolGet(path: string, params: Record<string, string> = {}) {\n"
            "  const url = new URL(B + path);\n"
            "  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));\n"
            "  return (await fetch(url)).json();\n}\n",
            "use.ts": "import { akoolGet } from './akool';\n"
            "akoolGet('/v4/voice/list', { page: '1' });\n"
            "akoolGet('/v4/voice/list', { type: '1' });\n",
        },
    )
    assert found == [("page.php", 4, "missing-query-field"), ("use.ts", 2, "missing-query-field")]


def test_c_a_typed_helper_and_a_method_returning_its_wrappers_parsed_answer(
    tmp_path: Path,
) -> None:
    """A TypeScript helper casting its query (`new URLSearchParams(query as Record<...>)`), and a
    service method returning what its own `_get` gives parsed (`return await self._get(...)`)."""
    found = folder(
        tmp_path,
        {
            "lib/akoolApi.ts": "const B = 'https://openapi.akool.com/api/open';\n"
            "export async function akoolGet<T>(path: string, query?: Record<string, number>) {\n"
            "  const qs = query ? `?${new URLSearchParams(query as Record<string, string>)}` : '';\n"
            "  return (await fetch(`${B}${path}${qs}`)).json();\n}\n",
            "route.ts": "import { akoolGet } from './lib/akoolApi';\n"
            "akoolGet<any>('/v4/voice/list', { page: 1 });\n",
            "svc/akool_service.py": "import httpx\nclass AkoolService:\n"
            "    def __init__(self):\n"
            "        self._c = httpx.AsyncClient(base_url='https://openapi.akool.com/api/open')\n"
            "    async def _get(self, path, params=None):\n"
            "        r = await self._c.get(path, params=params)\n        return r.json()\n"
            "    async def list_voices(self):\n"
            "        return await self._get('/v4/voice/list', {'type': 2})\n",
            "svc/routes.py": "from .akool_service import AkoolService\nservice = AkoolService()\n"
            "async def first():\n    payload = await service.list_voices()\n"
            "    return payload['data']['result'][0]['accent']\n",
        },
    )
    assert found == [("route.ts", 2, "missing-query-field"), ("routes.py", 5, "answer-field")]


def test_c_a_helper_that_adds_to_what_it_is_given_may_send_the_name(tmp_path: Path) -> None:
    """`params = {"type": 2, **(params or {})}` in the helper: the caller's `{"page": 1}` lacks
    nothing for certain (while `params = params or {}` adds nothing)."""
    found = folder(
        tmp_path,
        {
            "akool_h.py": "import requests\nB = 'https://openapi.akool.com/api/open'\n"
            "def voices_get(path, params=None):\n"
            "    params = {'type': 2, **(params or {})}\n"
            "    return requests.get(B + path, params=params).json()\n"
            "def plain_get(path, params=None):\n    params = params or {}\n"
            "    return requests.get(B + path, params=params).json()\n",
            "use.py": "from akool_h import plain_get, voices_get\n"
            "voices_get('/v4/voice/list', {'page': 1})\n"
            "plain_get('/v4/voice/list', {'page': 1})\n",
        },
    )
    assert found == [("use.py", 3, "missing-query-field")]


def test_c_a_query_value_is_text(tmp_path: Path) -> None:
    """`params={"type": 1}` sends type=1, one of the documented "1" and "2" (before: a false
    bad-value error)."""
    text = (
        "import requests\nV4 = 'https://openapi.akool.com/api/open/v4'\n"
        "requests.get(f'{V4}/voice/resource/list', params={'type': 1})\n"
    )
    assert places(audit_text(text, "r.py")) == []


# -- the corpus folder ------------------------------------------------------------------------------


def test_the_round14_corpus_gives_exactly_its_expected_findings() -> None:
    from tests.test_audit_corpus import score

    found, _ = score(CORPUS)
    assert found.missed == ()
    assert found.false == ()

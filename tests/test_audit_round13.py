"""`akool audit` after a twelfth measurement on real third-party code (issue 21, round 13): a
browser client of the app's own backend proxy (an AKOOL-named environment variable with a
relative fallback, in any spelling) makes no AKOOL call. The corpus scripts of these shapes are
in tests/audit_corpus/round13/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "round13"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- A. a relative fallback: the app's own server ------------------------------------------------

ROUTE = "fetch(`${AKOOL_API_URL}/talking-photo/create`, { method: 'POST' });\n"
PY_ROUTE = "requests.post(f'{AKOOL_API_URL}/talking-photo/create', json={})\n"
OWN_SERVER = {
    "two-lines.ts": "const AKOOL_API_URL =\n  process.env.NEXT_PUBLIC_AKOOL_API_URL ??\n  '/api/akool';\n",
    "next-line.ts": "const AKOOL_API_URL = process.env.NEXT_PUBLIC_AKOOL_API_URL\n  || '/api/akool';\n",
    "ternary.js": "const AKOOL_API_URL = process.env.REACT_APP_AKOOL_API_URL ? "
    "process.env.REACT_APP_AKOOL_API_URL : '/api/akool';\n",
    "ternary-first.ts": "const AKOOL_API_URL = typeof window !== 'undefined' ? '/api/akool' "
    ": process.env.AKOOL_API_URL;\n",
    "ternary-lines.ts": "const AKOOL_API_URL = process.env.AKOOL_API_URL\n  ? process.env.AKOOL_API_URL\n"
    "  : '/api/akool';\n",
    "helper.ts": "const AKOOL_API_URL = readEnv('VITE_AKOOL_API_URL', '/api/akool');\n",
    "destructured.ts": "const { AKOOL_API_URL = '/api/akool' } = process.env;\n",
    "relative.ts": "const AKOOL_API_URL = './api/akool';\n",
    "string.ts": 'const AKOOL_API_URL: string = String(process.env.AKOOL_API_URL ?? "/api/akool");\n',
    "alias.ts": "const config = {\n  akoolApiUrl: process.env.NEXT_PUBLIC_AKOOL_API_URL || '/api/akool',\n};\n"
    "const AKOOL_API_URL = config.akoolApiUrl;\n",
    "else.py": "AKOOL_API_URL = os.environ['AKOOL_API_URL'] if 'AKOOL_API_URL' in os.environ "
    "else '/api/akool'\n",
    "or.py": "AKOOL_API_URL = os.getenv('AKOOL_API_URL') or './api/akool'\n",
    "if.py": "AKOOL_API_URL = '/api/akool' if IS_BROWSER else os.environ['AKOOL_API_URL']\n",
    "env-fn.ts": "const env = (k: string) => process.env[k] || '/api/akool';\n"
    "const AKOOL_API_URL = env('NEXT_PUBLIC_AKOOL_API_URL');\n",
    "config-destructure.ts": "const config = {\n"
    "  AKOOL_API_URL: process.env.NEXT_PUBLIC_AKOOL_API_URL ?? '/api/akool',\n};\n"
    "const { AKOOL_API_URL } = config;\n",
    "branch-fn.ts": "function base(): string {\n  if (typeof window === 'undefined') {\n"
    "    return process.env.AKOOL_API_URL!;\n  }\n  return '/api/akool';\n}\n"
    "const AKOOL_API_URL = base();\n",
    "base-path.ts": "const AKOOL_API_URL = `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/api/akool`;\n",
}


@pytest.mark.parametrize("name", sorted(OWN_SERVER))
def test_a_a_relative_fallback_in_any_spelling_is_the_apps_own_server(name: str) -> None:
    text = OWN_SERVER[name] + (PY_ROUTE if name.endswith(".py") else ROUTE)
    assert places(audit_text(text, name)) == []


@pytest.mark.parametrize(
    "binding",
    [
        "const AKOOL_API_URL = process.env.AKOOL_API_URL;",
        "const AKOOL_API_URL = process.env.AKOOL_API_URL ?? '/api/open/v3';",
        "const AKOOL_API_URL =\n  process.env.AKOOL_API_URL ??\n  'https://openapi.akool.com/api/open/v3';",
        "const AKOOL_API_URL = String(process.env.AKOOL_API_URL);",
        "const AKOOL_API_URL = settings.AKOOL_API_URL;",  # (a config not in view: AKOOL's)
        "const AKOOL_API_URL = getConfig().akoolApiUrl;",
        "const AKOOL_API_URL = (process.env.AKOOL_API_URL as string).replace(/\\/$/, '');",
    ],
)
def test_a_no_fallback_or_akools_own_stays_judged(binding: str) -> None:
    text = binding + "\nfetch(`${AKOOL_API_URL}/content/video/talkingphoto`, { method: 'POST' });\n"
    found = places(audit_text(text, "d.ts"))
    assert [rule for _, rule in found] == ["unknown-endpoint"]


def test_a_a_config_object_of_another_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "appSettings.ts").write_text(
        "export const appSettings = {\n"
        "  AKOOL_BASE_URL: process.env.NEXT_PUBLIC_AKOOL_BASE_URL || '/api/akool',\n};\n"
    )
    (tmp_path / "calls.ts").write_text(
        "import { appSettings } from './appSettings';\n"
        "const AKOOL_API = appSettings.AKOOL_BASE_URL;\n"
        "fetch(`${AKOOL_API}/faceswap/create`, { method: 'POST' });\n"
        "fetch(`${appSettings.AKOOL_BASE_URL}/talking-photo/create`, { method: 'POST' });\n"
    )
    assert audit([tmp_path]).findings == []


def test_a_an_env_name_with_a_relative_default_elsewhere_is_not_taken_by_name(
    tmp_path: Path,
) -> None:
    """Another file's relative default for the same name is no import: the file that reads the
    variable with no fallback, and imports nothing, is still judged."""
    (tmp_path / "proxy.ts").write_text(
        "export const AKOOL_API_URL = process.env.AKOOL_API_URL ?? '/api/akool';\n"
    )
    (tmp_path / "direct.ts").write_text(
        "fetch(`${process.env.AKOOL_API_URL}/content/video/talkingphoto`, { method: 'POST' });\n"
    )
    assert [f.rule for f in audit([tmp_path]).findings] == ["unknown-endpoint"]


# -- B. versioned paths given to an AKOOL helper of a module not scanned -------------------------

HELPER_IMPORTS = {
    "a.ts": "import { akoolRequest } from '@/lib/akool';\n",
    "b.js": 'const { callAkool } = require("../../lib/akool");\n',
    "c.ts": "import { akoolFetch } from '../../lib/api';\n",
    "d.py": "from app.services.akool import akool_post\n",
}
HELPER_CALLS = {
    "a.ts": "akoolRequest",
    "b.js": "callAkool",
    "c.ts": "akoolFetch",
    "d.py": "akool_post",
}
GUESSED = {  # a guessed path and the documented call its finding names
    "/v3/talkingphoto/create": "POST /api/open/v3/content/video/createbytalkingphoto ",
    "/v3/image/generate": "POST /api/open/v3/content/image/createbyprompt ",
    "/v3/face/detect": "POST /interface/detect-api/detect_faces ",
    "/api/open/v3/face-detect": "POST /interface/detect-api/detect_faces ",
    "/api/open/v3/avatar/video/create": "POST /api/open/v3/avatar/createVideo ",
    "/v3/lip-sync/create": "POST /api/open/v3/content/video/lipsync ",
    "/v1/translate/video": "POST /api/open/v3/content/video/createbytranslate ",
    "/v2/text-to-speech": "POST /api/open/v4/voice/tts ",
    "/api/open/v3/voice/clone": "POST /api/open/v4/voice/clone ",
    "/v3/faceswap/create": "POST /api/open/v3/faceswap/highquality/specifyimage ",
}


@pytest.mark.parametrize("name", sorted(HELPER_IMPORTS))
@pytest.mark.parametrize("path", sorted(GUESSED))
def test_b_a_guessed_path_given_to_an_akool_helper_is_reported_with_its_replacement(
    name: str, path: str
) -> None:
    call = f"{HELPER_CALLS[name]}('{path}', {{}})\n"
    found = [f for f in audit_text(HELPER_IMPORTS[name] + call, name) if f.severity == "error"]
    assert [(f.line, f.rule) for f in found] == [(2, "unknown-endpoint")]
    assert found[0].documented.startswith(GUESSED[path])


@pytest.mark.parametrize(
    "text",
    [
        # another module's helper in a file that names no AKOOL
        "import { renderRequest } from '@/lib/render';\nrenderRequest('/v3/image/generate', {});\n",
        # an AKOOL helper given a versioned path that names no product of AKOOL's
        "import { akoolGet } from '@/lib/akool';\nakoolGet('/v3/users/info');\n",
        # a documented path through the helper
        "import { akoolRequest } from '@/lib/akool';\n"
        "akoolRequest('/api/open/v3/content/video/createbytalkingphoto', "
        "{ talking_photo_url: u, audio_url: a });\n",
    ],
)
def test_b_other_helpers_and_other_paths_stay_silent(text: str) -> None:
    assert [f for f in audit_text(text, "x.ts") if f.severity == "error"] == []


@pytest.mark.parametrize(
    "call",
    [
        "callAkool({ path: '/v3/image/generate', method: 'POST', body })",
        "callAkool({ endpoint: '/v3/image/generate', body })",
        "callAkool({\n  method: 'POST',\n  url: '/v3/image/generate',\n  body,\n})",
        "akoolApi.createJob('/v3/image/generate', body)",
        "akoolApi.submit('/v3/image/generate', body)",
    ],
)
def test_b_options_and_any_method_of_an_akool_module(call: str) -> None:
    text = (
        "import { callAkool } from '@/lib/akool';\nimport akoolApi from '@/services/akoolApi';\n"
        f"export const f = (body) => {call};\n"
    )
    found = [f for f in audit_text(text, "o.ts") if f.severity == "error"]
    assert [f.rule for f in found] == ["unknown-endpoint"]
    assert found[0].documented.startswith("POST /api/open/v3/content/image/createbyprompt ")


@pytest.mark.parametrize(
    "base",
    ["${AKOOL_API_BASE}", "${process.env.AKOOL_API_URL}", "${AKOOL_API_URL}"],
)
def test_b_a_versioned_product_path_on_an_akool_named_base(base: str) -> None:
    text = (
        "import { AKOOL_API_BASE } from '@/lib/akool';\n"
        f"fetch(`{base}/v3/image/generate`, {{ method: 'POST' }});\n"
        f"fetch(`{base}/v1/healthz`);\n"
    )
    found = [f for f in audit_text(text, "b.ts") if f.severity == "error"]
    assert [(f.line, f.rule) for f in found] == [(2, "unknown-endpoint")]
    assert found[0].documented.startswith("POST /api/open/v3/content/image/createbyprompt ")


def test_b_a_path_constant_given_to_an_akool_helper() -> None:
    text = (
        "import { request as akoolRequest } from '@/lib/akool';\n"
        "const IMAGE_PATH = '/v3/image/generate';\n"
        "export const generate = (prompt) => akoolRequest(IMAGE_PATH, { prompt });\n"
    )
    found = [f for f in audit_text(text, "i.ts") if f.severity == "error"]
    assert [(f.line, f.rule) for f in found] == [(3, "unknown-endpoint")]
    assert found[0].documented.startswith("POST /api/open/v3/content/image/createbyprompt ")


# -- E. the replacement of every product's likely guesses ----------------------------------------


def test_e_every_product_guess_names_a_documented_call() -> None:
    from akool_cli.audit.paths import PRODUCT_GUESSES
    from akool_cli.core import catalogue

    docs = catalogue.load()
    assert all(docs.find(None, path) is not None for path, _ in PRODUCT_GUESSES)


@pytest.mark.parametrize(
    ("path", "documented"),
    [
        ("/api/open/v3/detect", "/interface/detect-api/detect_faces"),  # not the legacy /detect
        ("/api/open/v3/face/detect", "/interface/detect-api/detect_faces"),
        ("/api/open/v3/video/create", "/api/open/v3/avatar/createVideo"),
        ("/api/open/v3/lipsync", "/api/open/v3/content/video/lipsync"),
        ("/api/open/v3/video/translate", "/api/open/v3/content/video/createbytranslate"),
        ("/api/open/v3/image/create", "/api/open/v3/content/image/createbyprompt"),
        ("/api/open/v3/voiceclone", "/api/open/v4/voice/clone"),
        ("/api/open/v3/tts/create", "/api/open/v4/voice/tts"),
        ("/api/open/v3/image2video/create", "/api/open/v4/image2Video/createBySourcePrompt"),
        ("/api/open/v3/translation/status/{id}", "/api/open/v3/content/video/infobymodelid"),
        ("/api/open/v4/voices", "/api/open/v4/voice/list"),
        ("/api/open/v3/avatars", "/api/open/v3/avatar/list"),
        ("/api/open/v3/translation/languages", "/api/open/v3/language/list"),
        ("/api/open/v3/token", "/api/open/v3/getToken"),
        ("/api/open/v3/user/credit", "/api/open/v3/faceswap/quota/info"),
        ("/api/open/v4/voice/tts/create", "/api/open/v4/voice/tts"),
        ("/api/open/v4/liveAvatar/session/start", "/api/open/v4/liveAvatar/session/create"),
        ("/api/open/v4/knowledge/add", "/api/open/v4/knowledge/create"),
        ("/api/open/v4/headswap/create", "/api/open/v4/headswap/task/create"),
        ("/api/open/v3/faceswap/video", "/api/open/v3/faceswap/highquality/specifyvideo"),
    ],
)
def test_e_a_full_path_guess_names_its_documented_replacement(path: str, documented: str) -> None:
    text = f'// AKOOL\nfetch("https://openapi.akool.com{path}", {{ method: "POST" }});\n'
    found = [f for f in audit_text(text, "g.js") if f.rule == "unknown-endpoint"]
    assert len(found) == 1 and f" {documented} " in found[0].documented + " "


# -- C. an AKOOL helper's answer read as if data were the list ------------------------------------

LIST_READS = {  # the body of a function, its list read on its last line
    "map.ts": "const res = await akoolRequest('{p}');\nreturn res.data.map((v) => v.x);",
    "first.ts": "const {{ data }} = await akoolRequest('{p}');\nreturn data[0];",
    "for-of.js": "const out = await akoolRequest('{p}');\nfor (const v of out.data) use(v);",
    "then.js": "return akoolRequest('{p}').then((r) => r.data.filter((s) => s.ok));",
    "held.ts": "const res = await akoolRequest('{p}');\nconst list = res.data;\nreturn list.length;",
    "loop.py": "res = akool_get('{p}')\nreturn [v for v in res['data']]",
    "len.py": "body = akool_get('{p}')\ndata = body['data']\nreturn len(data)",
    "inline.py": "return [v for v in akool_get('{p}')['data']]",
    "defended.ts": "const res = await akoolRequest('{p}');\nreturn (res.data || []).map((v) => v.x);",
    "index.ts": "const res = await akoolRequest('{p}');\nreturn res.data[0].voice_id;",
    "length.ts": "const res = await akoolRequest('{p}');\nif (res.data.length === 0) return null;",
    "array.ts": "const res = await akoolRequest('{p}');\nconst [first] = res.data;",
    "renamed.ts": "const {{ data: list }} = await akoolRequest('{p}');\nreturn list.map((v) => v.x);",
    "typed.ts": "const list: V[] = (await akoolRequest('{p}')).data;\nreturn list.map((v) => v.x);",
    "json.py": "r = akool_get('{p}')\nreturn r.json()['data'][0]",
    "get.py": "r = akool_get('{p}')\nitems = r.get('data', [])\nreturn items[0]",
    "slice.py": "r = akool_get('{p}')\nreturn r['data'][:5]",
    "last.py": "data = akool_get('{p}')['data']\nreturn data[-1]",
    "at.ts": "const res = await akoolRequest('{p}');\nreturn res.data.at(-1);",
    "optional.ts": "const {{ data }} = await akoolRequest('{p}');\nreturn data?.[0];",
}
NESTED = ["/v4/voice/list?type=1", "/api/open/v3/language/list", "/v4/liveAvatar/session/list"]


@pytest.mark.parametrize("path", NESTED)
@pytest.mark.parametrize("name", sorted(LIST_READS))
def test_c_a_helpers_answer_read_as_a_list_where_the_docs_nest_it(name: str, path: str) -> None:
    body = LIST_READS[name].format(p=path).splitlines()
    if name.endswith(".py"):
        lines = ["from app.akool import akool_get", "def f():", *(f"    {b}" for b in body)]
    else:
        lines = ["import { akoolRequest } from '@/lib/akool';", "async function f() {", *body, "}"]
    found = [f for f in audit_text("\n".join(lines) + "\n", name) if f.rule == "response-field"]
    assert [f.line for f in found] == [2 + len(body)]
    assert "has data as an object; its list is data." in found[0].message


@pytest.mark.parametrize(
    "body",
    [
        "const res = await akoolRequest('/v4/voice/list?type=1');\nreturn res.data.result.map((v) => v.x);\n",
        "const { data } = await akoolRequest('/api/open/v3/avatar/list');\nreturn data.map((a) => a.x);\n",
        "const res = await akoolRequest('/v4/voice/list?type=1');\nconst data = res.data.result;\n"
        "return data[0];\n",
        "const res = await fetch('/api/own/voices');\nreturn res.data.map((v) => v.x);\n",
    ],
)
def test_c_the_documented_lists_and_other_answers_stay_silent(body: str) -> None:
    text = "import { akoolRequest } from '@/lib/akool';\nasync function f() {\n" + body + "}\n"
    assert [f for f in audit_text(text, "ok.ts") if f.rule == "response-field"] == []


# -- D. query parameters of candidate URLs, and required ones through an AKOOL helper ------------

CANDIDATES = {
    "a.js": "const BASE = 'https://openapi.akool.com';\nconst urls = [\n  `${{BASE}}{a}`,\n"
    "  `${{BASE}}{b}`,\n];\nfor (const u of urls) await fetch(u, {{ headers }});\n",
    "b.py": "BASE = 'https://openapi.akool.com'\nfor url in (\n    f'{{BASE}}{a}',\n"
    "    f'{{BASE}}{b}',\n):\n    requests.get(url, headers=H)\n",
    "c.ts": "const BASE = 'https://openapi.akool.com';\nconst urls = [\n  BASE + '{a}',\n"
    "  BASE + '{b}'];\nfor (const u of urls) await fetch(u);\n",
}


@pytest.mark.parametrize("name", sorted(CANDIDATES))
def test_d_each_candidate_urls_query_is_its_own(name: str) -> None:
    text = CANDIDATES[name].format(
        a="/api/open/v3/voice/list?lang=en", b="/api/open/v4/voice/list?type=1&locale=en"
    )
    found = [(f.line, f.found, f.documented) for f in audit_text(text, name)]
    assert [(line, what) for line, what, _ in found] == [(3, "lang"), (4, "locale")]
    assert "from" in found[0][2] and "support_stream" in found[1][2]  # (each its own endpoint's)


@pytest.mark.parametrize("name", sorted(CANDIDATES))
def test_d_a_candidate_without_a_required_query_name(name: str) -> None:
    text = CANDIDATES[name].format(
        a="/api/open/v4/voice/list?page=1&size=50", b="/api/open/v4/voice/list?type=2"
    )
    assert places(audit_text(text, name)) == [(3, "missing-query-field")]


@pytest.mark.parametrize(
    ("call", "missing"),
    [
        ("akoolRequest('GET', '/api/open/v4/aigModel/list')", "types"),
        ("akoolGet(`/api/open/v4/voice/resource/list?page=${p}`)", "type"),
        ("akoolRequest('/api/open/v4/voice/list', { method: 'GET' })", "type"),
        ("akoolGet('/v4/voice/list?page=1')", "type"),
        ("akoolGet('/api/open/v3/faceswap/result/listbyids')", "_ids"),
    ],
)
def test_d_a_required_query_name_missing_through_an_akool_helper(call: str, missing: str) -> None:
    text = f"import {{ akoolGet, akoolRequest }} from '@/lib/akool';\nexport const f = (p) => {call};\n"
    found = audit_text(text, "h.ts")
    assert [(f.line, f.rule, f.found) for f in found] == [(2, "missing-query-field", missing)]


@pytest.mark.parametrize(
    "call",
    [
        "akoolGet('/api/open/v4/voice/list', { params: { type: 1 } })",
        "akoolGet(`/api/open/v4/voice/list?${qs}`)",
        "akoolRequest('/api/open/v4/voice/list', { method: 'GET', headers })",
    ],
)
def test_d_a_query_another_argument_may_carry_stays_silent(call: str) -> None:
    text = (
        f"import {{ akoolGet, akoolRequest }} from '@/lib/akool';\nexport const f = () => {call};\n"
    )
    assert places(audit_text(text, "h.ts")) == []

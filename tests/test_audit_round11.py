"""`akool audit` after an eleventh measurement on real third-party code (issue 21): `/api/open/vN`
paths joined to a base whose value the file does not show are AKOOL's only in a file tied to
AKOOL (named anywhere in it, or in a scanned module it imports); other vendors' open APIs under
the same prefix stay silent. The corpus scripts of these shapes are in tests/audit_corpus/round11/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text
from tests.test_audit_corpus import FAMILIES, expected

CORPUS = Path(__file__).parent / "audit_corpus" / "round11"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. /api/open/vN under a base the audit cannot see ------------------------------------------

UNTIED = {
    "a.ts": 'import { cfg } from "./cfg";\nfetch(`${cfg.apiBase}/api/open/v1/orders/list`);\n',
    "b.js": "const r = await fetch(provider.apiBase + '/api/open/v2/shop/items');\n",
    "c.py": 'from .settings import BASE\nrequests.get(f"{BASE}/api/open/v1/pay/query")\n',
    "d.go": 'package p\nfunc f() { http.Get(cfg.Base + "/api/open/v1/sms/send") }\n',
    "E.java": 'class E { String u() { return baseUrl + "/api/open/v1/erp/orders"; } }\n',
    "f.php": '<?php\n$r = file_get_contents($base . "/api/open/v3/coupon/list");\n',
    "g.sh": 'curl -s "$API_BASE/api/open/v1/ship/track"\n',
    "h.ts": 'const p = "/api/open/v3/content/video/make";\nexport const go = () => api.post(p, {});\n',
}


@pytest.mark.parametrize("name", sorted(UNTIED))
def test_1_another_vendors_open_api_is_silent(name: str) -> None:
    assert places(audit_text(UNTIED[name], name)) == []


@pytest.mark.parametrize(
    ("name", "tie"),
    [
        ("a.ts", "// AKOOL open API\n"),
        ("b.js", "const key = process.env.AKOOL_API_KEY;\n"),
        ("c.py", "class AkoolClient:\n    pass\n"),
        ("d.go", "// akool video jobs\n"),
        ("E.java", "import com.example.akool.Settings;\n"),
        ("f.php", "<?php $key = getenv('AKOOL_KEY');\n"),
        ("g.sh", "# calls akool\n"),
    ],
)
def test_1_a_file_that_names_akool_is_judged(name: str, tie: str) -> None:
    found = places(audit_text(tie + UNTIED[name], name))
    assert [rule for _line, rule in found] == ["unknown-endpoint"], found


MIXED = """export const orders = (base) => fetch(`${base}/api/open/v1/orders/list`);
export const videos = (base) => fetch(`${base}/v3/content/video/list`);
export const status = (base) => fetch(base + "/content/video/status");
"""


def test_1_another_vendors_open_api_path_does_not_make_its_other_paths_akools() -> None:
    assert places(audit_text(MIXED, "m.js")) == []
    tied = places(audit_text("// AKOOL\n" + MIXED, "m.js"))
    assert tied == [(2, "unknown-endpoint"), (3, "unknown-endpoint"), (4, "unknown-endpoint")]


def test_1_a_documented_open_api_path_is_akools_without_a_name() -> None:
    text = 'fetch(base + "/api/open/v3/content/video/createbytalkingphoto");\n' + MIXED
    found = places(audit_text(text, "m.js"))
    assert found == [(1, "wrong-method"), *[(n, "unknown-endpoint") for n in (2, 3, 4)]]


def test_1_a_file_named_for_akool_is_judged() -> None:
    found = audit_text(UNTIED["b.js"], "lib/akool/shop.js")
    assert places(found) == [(1, "unknown-endpoint")]


def test_1_a_documented_path_is_still_read_without_a_tie() -> None:
    text = "fetch(base + '/api/open/v3/content/video/createbytalkingphoto', {method: 'POST'});\n"
    assert places(audit_text(text, "x.js")) == []


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


JOBS = 'import { settings } from "MODULE";\nfetch(`${settings.base}/api/open/v3/content/video/make/${id}`);\n'


@pytest.mark.parametrize(
    ("module", "settings", "want"),
    [
        ("./settings", "// our AKOOL account\nexport const settings = { base: '' };\n", 1),
        ("@/lib/settings", "// our AKOOL account\nexport const settings = { base: '' };\n", 1),
        ("./settings", "export const settings = { base: process.env.SHOP_BASE };\n", 0),
    ],
)
def test_1_an_imported_scanned_module_that_names_akool_ties_the_file(
    tmp_path: Path, module: str, settings: str, want: int
) -> None:
    where = "lib/settings.ts" if module.startswith("@") else "settings.ts"
    write(tmp_path, {"jobs.ts": JOBS.replace("MODULE", module), where: settings})
    found = [f for f in audit([tmp_path]).findings if f.severity == "error"]
    assert [(Path(f.file).name, f.rule) for f in found] == [("jobs.ts", "unknown-endpoint")] * want


def test_the_round11_corpus_is_scored_exactly() -> None:
    result = audit([CORPUS], exclude=["expected.json"])
    got = {
        (str(Path(f.file).relative_to(CORPUS)), f.line, FAMILIES.get(f.rule, f.rule))
        for f in result.findings
        if f.severity != "info"
    }
    assert got == expected(CORPUS)


# -- 2. a literal URL on AKOOL's website API host with a versioned path ---------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "a.js",
            'fetch("https://api.akool.com/v1/talking-photo",{method:"POST"}).then(r=>r.json());\n',
        ),
        ("b.ts", 'const r = await fetch("https://api.akool.com/v1/avatars", { headers });\n'),
        ("c.py", 'requests.post("https://api.akool.com/v2/text-to-speech", json=body)\n'),
        ("d.sh", 'curl -X POST "https://api.akool.com/v1/faceswap" -d "$BODY"\n'),
        ("e.go", 'resp, err := http.Get("https://api.akool.com/v1/image/generate")\n'),
        ("f.java", 'URI u = URI.create("https://api.akool.ai/v3/jobs/list");\n'),
    ],
)
def test_2_a_versioned_url_on_an_akool_api_host_is_a_wrong_host(name: str, text: str) -> None:
    assert places(audit_text(text, name)) == [(1, "unknown-endpoint"), (1, "wrong-host")]


@pytest.mark.parametrize(
    "url",
    [
        "https://api.akool.com/api/v1/public/login",  # the website's own sign-in
        "https://akool.com/v1/pricing",  # the website, not an API host
        "https://docs.akool.com/v1/intro",
        "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
        "https://cdn.akool.com/v1/logo.png",
    ],
)
def test_2_other_akool_urls_stay_as_they_were(url: str) -> None:
    assert places(audit_text(f'fetch("{url}", {{ method: "POST" }});\n', "x.js")) == []


# -- 3. a function an AKOOL module imported through a path alias gives ----------------------------


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [
        (
            "a.ts",
            'import { createAkoolJob } from "@/lib/akool";\ncreateAkoolJob("/v3/content/video/make", {});\n',
            [(2, "unknown-endpoint")],
        ),
        (
            "b.tsx",
            'import { submit } from "~/lib/akool-client";\nsubmit("/v4/headswap/task/make", {});\n',
            [(2, "unknown-endpoint")],
        ),
        (
            "c.py",
            'from app.integrations.akool import create_job\ncreate_job("/v4/image2Video/create", {})\n',
            [(2, "unknown-endpoint")],
        ),
        # a documented path: nothing to say
        (
            "d.ts",
            'import { createAkoolJob } from "@/lib/akool";\ncreateAkoolJob("/v4/headswap/task/create", {});\n',
            [],
        ),
        # another module's function, in a file that names no AKOOL: silent
        (
            "e.ts",
            'import { createJob } from "@/lib/render";\ncreateJob("/v3/content/video/make", {});\n',
            [],
        ),
        # a class (not a function) from an AKOOL module: not called with a path
        (
            "f.ts",
            'import { AkoolError } from "@/lib/akool";\nthrow new AkoolError("/v3/content/video/make");\n',
            [],
        ),
    ],
)
def test_3_a_function_of_an_akool_module_behind_an_alias(
    name: str, text: str, want: list[tuple[int, str]]
) -> None:
    assert places(audit_text(text, name)) == want


# -- 4. an answer's data used as a list where the docs nest the list ------------------------------

HELPER = 'import { akoolGet } from "@/lib/akool";\nconst json = await akoolGet("PATH");\nUSE\n'


@pytest.mark.parametrize(
    ("path", "use", "want"),
    [
        ("/v4/voice/list?type=1", "json.data.map((v) => v.voice_id);", [(3, "response-field")]),
        # (the script checks the shape: a warning, relay 8 of session 13)
        ("/v4/voice/list?type=1", "const ok = Array.isArray(json.data);", [(3, "answer-field")]),
        ("/v4/voice/list?type=1", "for (const v of json.data) use(v);", [(3, "response-field")]),
        ("/v4/voice/list?type=1", "const n = json?.data.filter(Boolean);", [(3, "response-field")]),
        ("/v4/liveAvatar/session/list", "json.data.forEach(close);", [(3, "response-field")]),
        # the documented reads: the list under data.result, and avatar/list's data itself
        ("/v4/voice/list?type=1", "json.data.result.map((v) => v.voice_id);", []),
        ("/v3/avatar/list", "json.data.map((a) => a.avatar_id);", []),
        # a read on an HTTP library's response is not the parsed answer's data
        ("/v4/voice/list?type=1", "res.data.map((v) => v.voice_id);", []),
    ],
)
def test_4_data_used_as_a_list_on_what_a_helper_returns(
    path: str, use: str, want: list[tuple[int, str]]
) -> None:
    text = HELPER.replace("PATH", path).replace("USE", use)
    assert places(audit_text(text, "v.ts")) == want


@pytest.mark.parametrize(
    "use",
    [
        'names = [v["name"] for v in body["data"]]',
        'n = len(body["data"])',
        'first = body["data"][0]',
    ],
)
def test_4_data_used_as_a_list_in_python(use: str) -> None:
    text = (
        "import requests\n"
        'body = requests.get("https://openapi.akool.com/api/open/v4/image2Video/effects").json()\n'
        f"{use}\n"
    )
    assert places(audit_text(text, "e.py")) == [(3, "response-field")]


# -- 5. query parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "want"),
    [
        ('akoolGet("/v4/voice/list?page=1&size=20")', [(2, "missing-query-field")]),
        ("akoolGet(`/v4/voice/list?page=${p}`)", [(2, "missing-query-field")]),
        ('akoolGet("/v4/voice/list")', [(2, "missing-query-field")]),
        ('akoolGet("/v4/aigModel/list")', [(2, "missing-query-field")]),
        ('akoolGet("/v4/voice/list?type=1&page=1")', []),
        ('akoolGet("/v4/voice/list", { params: { type: 1 } })', []),
        ('akoolGet("/v4/voice/list", opts)', []),  # the helper is given what may hold a query
        ("akoolGet(`/v4/voice/list?${qs}`)", []),
        ('akoolGet("/v4/voice/list?kind=1")', [(2, "unknown-field")]),  # (its own finding)
    ],
)
def test_5_a_required_query_parameter_missing_through_a_helper(
    call: str, want: list[tuple[int, str]]
) -> None:
    text = f'import {{ akoolGet }} from "@/lib/akool";\n{call};\n'
    assert places(audit_text(text, "q.ts")) == want


def test_5_the_missing_parameter_is_a_warning() -> None:
    text = 'import { akoolGet } from "@/lib/akool";\nakoolGet("/v4/voice/list?page=1");\n'
    assert [f.severity for f in audit_text(text, "q.ts")] == ["warning"]


@pytest.mark.parametrize(
    ("url", "want"),
    [
        # none of the names is documented for v3 voice/list (only `from`): still the request's
        ("`${BASE}/voice/list?type=2&page=${p}`", ["page", "type"]),
        ('BASE + "/voice/list?type=2&page=" + p', ["page", "type"]),
        ("`${BASE}/voice/list?from=2`", []),
    ],
)
def test_5_undocumented_parameters_in_the_paths_own_query(url: str, want: list[str]) -> None:
    text = f'const BASE = "https://openapi.akool.com/api/open/v3";\nfetch({url}, {{ headers }});\n'
    found = audit_text(text, "v.js")
    assert sorted(f.found for f in found if f.rule == "unknown-field") == want


# -- 7. a base read from the environment with a relative fallback: the app's own proxy -----------

OWN_PROXY = {
    "a.ts": "const AKOOL_API = process.env.NEXT_PUBLIC_AKOOL_API ?? '/api/akool';\n"
    "fetch(`${AKOOL_API}/talking-photo/create`, { method: 'POST' });\n",
    "b.js": "const AKOOL_BASE = process.env.NEXT_PUBLIC_AKOOL_BASE_URL || './api';\n"
    "fetch(AKOOL_BASE + '/faceswap/create');\n",
    "c.py": 'AKOOL_BASE = os.getenv("AKOOL_BASE_URL", "/api/akool")\n'
    'requests.post(f"{AKOOL_BASE}/talking-photo/create")\n',
    "d.py": 'AKOOL_API_URL = os.environ.get("AKOOL_API_URL") or "http://localhost:3000/api/akool"\n'
    'requests.get(AKOOL_API_URL + "/faceswap/status")\n',
}


@pytest.mark.parametrize("name", sorted(OWN_PROXY))
def test_7_env_base_with_a_relative_fallback_is_the_apps_own_server(name: str) -> None:
    assert places(audit_text(OWN_PROXY[name], name)) == []


@pytest.mark.parametrize(
    "fallback", ["", " ?? '/api/open/v3'", " || 'https://openapi.akool.com/api/open/v3'"]
)
def test_7_env_base_with_no_fallback_or_akools_own_is_still_judged(fallback: str) -> None:
    text = (
        f"const AKOOL_API = process.env.NEXT_PUBLIC_AKOOL_API{fallback};\n"
        "fetch(`${AKOOL_API}/content/video/talking-photo`, { method: 'POST' });\n"
    )
    assert places(audit_text(text, "e.ts")) == [(2, "unknown-endpoint")]


def test_1_the_folders_above_the_scan_do_not_tie_a_file(tmp_path: Path) -> None:
    # The folders above a scanned file are where the scan runs (CI checks this project out as
    # akool/): a vendor's file there is not tied to AKOOL by them; its own folder is.
    for folder in ("akool-checkout/src", "app/akool"):
        place = tmp_path / folder
        place.mkdir(parents=True)
        (place / "c.py").write_text(UNTIED["c.py"])
    assert places(audit([tmp_path / "akool-checkout" / "src"]).findings) == []
    tied = audit([tmp_path / "app" / "akool"]).findings
    assert [rule for _line, rule in places(tied)] == ["unknown-endpoint"]

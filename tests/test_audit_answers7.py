"""The answer side of `akool audit` after a seventh measurement on real third-party code (issue 21):
every documented answer field is in the catalogue (pages' tables and examples, OpenAPI schemas and
examples, read here apart from the generator), every field read is judged through the shapes
people write, fallback chains holding the documented field are defensive reads, fields AKOOL's
answers do not have at their top are reported, C# anonymous bodies and GET queries are checked."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from akool_cli.audit.scan import Finding, audit_text
from akool_cli.core import catalogue
from tests.conftest import ROOT
from tests.test_audit import DOCS
from tests.test_audit_patches import apply_and_reaudit

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
INFO = f"{V3}/content/video/infobymodelid?video_model_id="
IMAGE = f"{V3}/content/image/infobymodelid?image_model_id="
ANSWER_RULES = ("response-field", "answer-field")


def answer_lines(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.found) for f in audit_text(text, name) if f.rule in ANSWER_RULES]


def findings(text: str, name: str) -> list[Finding]:
    return audit_text(text, name)


# -- a. the catalogue holds every answer field the docs show, from all three sources ----------------

METHOD_LINE = re.compile(r"^\s*(GET|POST|PUT|DELETE)\s+https?://[\w.-]+(/[^\s?`\"']*)")
TABLE_ROW = re.compile(r"^\|\s*\**(?P<dash>-*)\s*`?(?P<name>[A-Za-z_]\w*)`?\**\s*\|(?P<rest>.*)$")


def _template(path: str) -> str:
    return "/".join("{_id}" if re.fullmatch(r"[0-9a-f]{24}", p) else p for p in path.split("/"))


def _value_paths(value: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(value, list):
        for item in value:
            yield from _value_paths(item, prefix)
    elif isinstance(value, dict):
        for key, child in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            yield path
            yield from _value_paths(child, path)


def _json_block_paths(block: str) -> set[str]:
    """Key paths of a JSON example (read with json; lenient blocks are read by the other test)."""
    try:
        return set(_value_paths(json.loads(block)))
    except ValueError:
        return set()


def _cell_paths(rest: str) -> set[str]:
    """The key paths a table cell shows of a value written as a JavaScript-ish literal
    (`{ _id: "", status: 1 }`, `[{ avatar_id: "xx" }]`, `result: [{ url: "" }]`)."""
    for cell in re.findall(r"`([^`]*)`", rest.split("|")[1] if "|" in rest else rest):
        text = cell.strip()
        text = text if text.startswith(("{", "[")) else "{" + text + "}"
        quoted = re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', text)
        try:
            return set(_value_paths(json.loads(quoted)))
        except ValueError:
            continue
    return set()


def _page_answers(text: str) -> Iterator[tuple[str, str, set[str]]]:
    """(method, path, fields) for every answer a page shows after an endpoint line: response
    table rows (a `data` cell written as an object literal included) and answer examples."""
    anchor: tuple[str, str] | None = None
    response, parents = False, list[str]()
    lines = text.splitlines()
    for n, line in enumerate(lines):
        m = METHOD_LINE.match(line)
        if m:
            anchor, response = (m.group(1), _template(m.group(2).rstrip("/"))), False
            continue
        if anchor is None:
            continue
        if line.lstrip().startswith("#") or line.strip().startswith("**"):
            response = "response" in line.lower() and "code" not in line.lower()
        row = TABLE_ROW.match(line)
        if row and response and row.group("name").lower() not in ("parameter", "field"):
            depth = len(row.group("dash"))
            parents = [*parents[:depth], row.group("name")]
            fields = {".".join(parents)}
            if depth == 0:
                fields |= {f"{parents[0]}.{p}" for p in _cell_paths(row.group("rest"))}
            yield (*anchor, fields)
        elif line.strip().startswith("```") and n + 1 < len(lines):
            end = next((k for k in range(n + 1, len(lines)) if lines[k].startswith("```")), n)
            paths = _json_block_paths("\n".join(lines[n + 1 : end]))
            if {"code", "msg", "data"} <= paths:
                yield (*anchor, paths)


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _schema_paths(spec: dict[str, Any], node: Any, prefix: str, depth: int = 0) -> Iterator[str]:
    node = _resolve(spec, node)
    if not isinstance(node, dict) or depth > 6:
        return
    if "items" in node:
        yield from _schema_paths(spec, node["items"], prefix, depth + 1)
    for part in [node, *node.get("allOf", []), *node.get("anyOf", []), *node.get("oneOf", [])]:
        part = _resolve(spec, part)
        for name, child in part.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            yield path
            yield from _schema_paths(spec, child, path, depth + 1)


def _openapi_answers() -> Iterator[tuple[str, str, set[str]]]:
    for file in sorted((DOCS / "openapi").glob("*.yaml")):
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
        base = re.sub(r"^https?://[^/]+", "", spec["servers"][0]["url"])
        for path, item in spec["paths"].items():
            for method, op in item.items():
                for code, answer in op.get("responses", {}).items():
                    if not str(code).startswith("2"):
                        continue
                    for media in _resolve(spec, answer).get("content", {}).values():
                        fields = set(_schema_paths(spec, media.get("schema", {}), ""))
                        examples = [media.get("example")] + [
                            _resolve(spec, e).get("value")
                            for e in media.get("examples", {}).values()
                        ]
                        for example in examples:
                            fields |= set(_value_paths(example))
                        yield method.upper(), base + path, fields


def _missing(source: Iterator[tuple[str, str, set[str]]], where: str) -> list[str]:
    cat = catalogue.load()
    missing = []
    for method, path, fields in source:
        endpoint = cat.find(method, path)
        if endpoint is None or endpoint.deprecated:
            continue
        known = set(endpoint.response) | set(endpoint.response_arrays)
        missing += [f"{where} {method} {path}: {f}" for f in sorted(fields - known)]
    return missing


def test_a_every_answer_field_of_the_pages_and_openapi_is_in_the_catalogue() -> None:
    if not (DOCS / "ai-tools-suite").is_dir():
        pytest.skip("../shared/akool-docs is not beside this checkout")
    missing = []
    for page in sorted(
        [*(DOCS / "ai-tools-suite").rglob("*.mdx"), *(DOCS / "authentication").rglob("*.mdx")]
    ):
        missing += _missing(_page_answers(page.read_text(encoding="utf-8")), page.name)
    missing += _missing(_openapi_answers(), "openapi")
    assert missing == []


# -- answer reads, one table: tests/data/answer_reads.yaml --------------------------------------------
# Each case a file's name, its text and the answer findings (line, field read) it must give, exactly;
# its id opens with the section (a-k) it belongs to.

ANSWER_READS = yaml.safe_load((ROOT / "tests" / "data" / "answer_reads.yaml").read_text())
URLS = {"{{V3}}": V3, "{{V4}}": V4, "{{INFO}}": INFO, "{{IMAGE}}": IMAGE}


@pytest.mark.parametrize("case", ANSWER_READS, ids=[case["id"] for case in ANSWER_READS])
def test_answer_reads(case: dict[str, Any]) -> None:
    text = re.sub(r"\{\{\w+\}\}", lambda m: URLS[m.group()], case["text"])
    expected = [(line, found) for line, found in case["expected"]]
    assert answer_lines(text, case["file"]) == expected


# -- b. answer reads of status endpoints, through the shapes people write ---------------------------


def test_b_the_documented_replacement_is_named() -> None:
    text = f'import requests\ndef f(i):\n    return requests.get(f"{INFO}{{i}}").json()["data"]["status"]\n'
    [finding] = [f for f in findings(text, "s.py") if f.rule == "response-field"]
    assert finding.documented == "data.video_status"
    text = f'import requests\ndef f(i):\n    return requests.get(f"{INFO}{{i}}").json()["data"]["video_url"]\n'
    [finding] = [f for f in findings(text, "u.py") if f.rule == "response-field"]
    assert finding.documented == "data.video"
    assert "only character-swap's page shows it" in finding.message
    text = f'import requests\ndef f(i):\n    return requests.get(f"{IMAGE}{{i}}").json()["data"]["url"]\n'
    [finding] = [f for f in findings(text, "i.py") if f.rule == "response-field"]
    assert finding.documented == "data.image"


# -- c. top-level fields AKOOL's answers do not have ------------------------------------------------


@pytest.mark.parametrize(
    ("read", "found", "rule"),
    [
        ("if (!data.success) throw new Error('no');", "success", "response-field"),
        ("if (data.code !== 1000) throw new Error(data.message);", "message", "answer-field"),
    ],
)
def test_c_top_level_fields_that_do_not_exist(read: str, found: str, rule: str) -> None:
    text = (
        f'const API = "{V3}";\n'
        "async function talk(p, a) {\n"
        "  const r = await fetch(`${API}/content/video/createbytalkingphoto`, { method: 'POST', body: JSON.stringify({ talking_photo_url: p, audio_url: a }) });\n"
        "  const data = await r.json();\n"
        f"  {read}\n"
        "  return data.data._id;\n"
        "}\n"
    )
    got = [(f.line, f.found, f.rule) for f in findings(text, "t.js") if f.rule in ANSWER_RULES]
    assert got == [(5, found, rule)]


# -- d. a fallback chain's members after the documented field are defensive reads -------------------
# (its members before it are the read the code makes first: judged since session 22, see
# tests/test_audit_tsans22.py)


@pytest.mark.parametrize(
    "chain",
    [
        "data?.data?._id ?? data?.data?.jobId ?? data?.jobId",
        "data.data._id || data.data.jobId",
        "data?.data?._id ?? data?.data?.task_id",
    ],
)
def test_d_a_chain_holding_the_documented_field_is_not_reported(chain: str) -> None:
    text = (
        f'const API = "{V3}";\n'
        "async function talk(p, a) {\n"
        "  const r = await fetch(`${API}/content/video/createbytalkingphoto`, { method: 'POST', body: JSON.stringify({ talking_photo_url: p, audio_url: a }) });\n"
        "  const data = await r.json();\n"
        f"  return {chain};\n"
        "}\n"
    )
    assert answer_lines(text, "d.js") == []


# -- e. C# anonymous bodies ---------------------------------------------------------------------------


def test_e_csharp_anonymous_bodies_are_field_checked() -> None:
    text = (
        "class T {\n"
        f'  const string Base = "{V3}";\n'
        "  async Task F(string a, string t) {\n"
        '    await Http.PostAsJsonAsync($"{Base}/talkingavatar/create", new { avatar_id = a, text = t });\n'
        '    await Http.PostAsJsonAsync($"{Base}/content/image/createbyprompt", new\n'
        "    {\n"
        "      prompt = t,\n"
        '      size = "1:1",\n'
        "    });\n"
        "  }\n"
        "}\n"
    )
    got = {(f.line, f.found, f.rule) for f in findings(text, "T.cs")}
    assert {(4, "avatar_id", "unknown-field"), (4, "text", "unknown-field")} <= got
    assert (8, "size", "misnamed-field") in got


# -- f. GET query parameters: wrong and missing fields -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "q.py",
            f'import requests\nrequests.get("{V3}/content/video/infobymodelid", headers=H)\n',
            (2, "missing-field", "video_model_id"),
        ),
        (
            "q.js",
            f"fetch(`{V4}/liveAvatar/session/detail`, {{ headers }});\n",
            (1, "missing-field", "id"),
        ),
        (
            "p.js",
            f"const qs = new URLSearchParams({{ video_model_id: id }});\n"
            f"fetch(`{V4}/headswap/task/detail?${{qs}}`, {{ headers }});\n",
            (1, "unknown-field", "video_model_id"),
        ),
        (
            "i.js",
            f"fetch(`{V4}/headswap/task/detail?` + new URLSearchParams({{ task_id: id }}));\n",
            (1, "misnamed-field", "task_id"),
        ),
    ],
)
def test_f_query_fields(name: str, text: str, expected: tuple[int, str, str]) -> None:
    assert expected in {(f.line, f.rule, f.found) for f in findings(text, name)}


@pytest.mark.parametrize(
    "call",
    [
        f'requests.get("{V3}/content/video/infobymodelid", params=params)',
        f'requests.get("{V3}/content/video/infobymodelid?" + urlencode(q))',
        f'requests.get(f"{V3}/content/video/infobymodelid?{{query}}")',
        f'client.get("{V3}/content/video/infobymodelid")',
        f'requests.get("{V3}/content/video/infobymodelid", params={{**base}})',
        f'requests.get("{V3}/content/video/infobymodelid", params={{"video_model_id": v}})',
        f'requests.get("{V3}/content/video/infobymodelid?video_model_id=" + v)',
        f'requests.get("{V4}/aigModel/list?types[]=1501")',
    ],
)
def test_f_no_missing_query_field_when_not_certain(call: str) -> None:
    text = f"import requests\n{call}\n"
    assert [f for f in findings(text, "q.py") if f.rule == "missing-field"] == []


# -- the fix, only when certain -------------------------------------------------------------------------


def test_b_diff_renames_reads_only_when_certain(tmp_path: Path) -> None:
    (tmp_path / "poll.py").write_text(
        "import requests\n"
        f'API = "{V3}"\n'
        "def talk(p, a):\n"
        f'    r = requests.post(f"{{API}}/content/video/createbytalkingphoto", json={{"talking_photo_url": p, "audio_url": a}})\n'
        '    return r.json()["data"]["task_id"]\n'
        "def poll(i):\n"
        f'    info = requests.get(f"{{API}}/content/video/infobymodelid?video_model_id={{i}}").json()\n'
        '    if info["data"]["status"] == 3:\n'
        '        return info["data"]["video_url"]\n'
        '    raise RuntimeError(info["message"])\n'
    )
    (tmp_path / "poll.js").write_text(
        f"async function f(i) {{\n  const res = await axios.get(`{INFO}${{i}}`);\n"
        "  const { status } = res.data.data;\n  return status;\n}\n"
    )
    fixable, after, _ = apply_and_reaudit(tmp_path)
    assert {(name, line, found) for name, line, _, found in fixable} == {
        ("poll.py", 5, "task_id"),
        ("poll.py", 8, "status"),
        ("poll.py", 10, "message"),
    }
    text = (tmp_path / "poll.py").read_text()
    assert (
        '["data"]["_id"]' in text and '["data"]["video_status"]' in text and 'info["msg"]' in text
    )
    assert ("poll.py", 9, "response-field", "video_url") in after  # data.video? not certain
    assert ("poll.js", 3, "response-field", "status") in after  # a variable's name too


def test_e_a_python_dict_call_is_a_body() -> None:
    text = (
        "import requests\n"
        f'API = "{V3}"\n'
        'body = dict(talking_photo_url=p, audio_url=a, resolution="720p", webhook_url=h)\n'
        'requests.post(f"{API}/content/video/createbytalkingphoto", json=body)\n'
        "print(dict(a=1), sorted(x, key=len))\n"
    )
    got = {(f.line, f.rule, f.found) for f in findings(text, "d.py")}
    assert got == {(3, "bad-value", '"720p"'), (3, "misnamed-field", "webhook_url")}


def test_f_a_post_to_a_get_endpoint_is_a_method_finding_not_a_missing_query() -> None:
    text = f'fetch("{V3}/content/video/infobymodelid", {{ method: "POST" }});\n'
    assert [f.rule for f in findings(text, "m.js")] == ["wrong-method"]


def test_f_a_complete_nested_item_without_its_required_field() -> None:
    text = (
        "import requests\n"
        f'API = "{V3}"\n'
        'requests.post(f"{API}/faceswap/highquality/specifyimage", json={\n'
        '    "sourceImage": [{"opts": "1,2,3,4"}],\n'
        '    "targetImage": [{"path": t, "opts": "1,2"}],\n'
        '    "face_enhance": 0, "modifyImage": m,\n'
        "})\n"
        'requests.post(f"{API}/faceswap/highquality/specifyimage", json={\n'
        '    "sourceImage": [{"url": s}], "targetImage": [item], "face_enhance": 0, "modifyImage": m,\n'
        "})\n"
    )
    got = [(f.line, f.rule, f.found) for f in findings(text, "n.py")]
    assert (4, "missing-field", "path") in got
    assert [g for g in got if g[1] == "missing-field"] == [(4, "missing-field", "path")]


def test_e_csharp_request_message_content_and_serialized_anonymous_bodies() -> None:
    text = (
        "class P {\n"
        f'  const string Base = "{V3}";\n'
        "  async Task C(string p) {\n"
        '    var req = new HttpRequestMessage(HttpMethod.Post, $"{Base}/content/image/createbyprompt")\n'
        "    {\n"
        '      Content = JsonContent.Create(new { prompt = p, size = "16:9" })\n'
        "    };\n"
        '    var c = new StringContent(JsonConvert.SerializeObject(new { prompt = p, size = "4:3" }));\n'
        '    await http.PostAsync($"{Base}/content/image/createbyprompt", c);\n'
        "  }\n"
        "}\n"
    )
    got = [(f.line, f.rule, f.found) for f in findings(text, "P.cs")]
    assert got == [(6, "misnamed-field", "size"), (8, "misnamed-field", "size")]


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (
            "fetch(URL).then((r) => r.json())\n  .then(({ code, data }) => data.video_url);\n",
            2,
        ),
        ("axios.get(URL)\n  .then(({ data }) => data.data.status);\n", 2),
        ("const { data: { data: info } } = await axios.get(URL);\nreturn info.status;\n", 2),
        ("const { data: { data: { status } } } = await axios.get(URL);\n", 1),
    ],
)
def test_b_destructured_callback_parameters_and_nested_patterns(code: str, line: int) -> None:
    text = "async function f(id) {\n" + code.replace("URL", f"`{INFO}${{id}}`") + "}\n"
    assert [n for n, _ in answer_lines(text, "d.js")] == [line + 1]

"""`akool audit` after fixP21's break-it items: an object built under its own name and held nested
by the body (M24) is never judged as the body's top level; near-miss suggestions only when really
near (L11); hosts and empty bodies (L8); Markdown's fenced blocks read as separate scripts. The
corpus scripts of these shapes are in tests/audit_corpus/nested21p/."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

V3 = "https://openapi.akool.com/api/open/v3"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


# -- M24: an item built under its own name is the nested field's, not the body's -----------------

ITEM_PY = 'item = {"type": 2, "avatar_id": a, "voice_id": v, "input_text": t}\n'
NESTED = {
    "py inline json=": (
        "a.py",
        ITEM_PY
        + f'requests.post("{V3}/talkingavatar/create", json={{"width": 3840, "elements": [item]}})\n',
    ),
    "py helper positional": (
        "a.py",
        f'BASE = "{V3}"\n'
        "def post(path, body):\n"
        "    return requests.post(BASE + path, json=body)\n"
        + ITEM_PY
        + 'post("/talkingavatar/create", {"width": 3840, "elements": [item]})\n',
    ),
    "js axios": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        f'axios.post("{V3}/talkingavatar/create", {{ width: 3840, elements: [slide] }});\n',
    ),
    "js fetch options body": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST",\n'
        "  body: JSON.stringify({ width: 3840, elements: [slide] }) });\n",
    ),
    "js options object by name": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        'const opts = { method: "POST", body: JSON.stringify({ width: 3840, elements: [slide] }) };\n'
        f'fetch("{V3}/talkingavatar/create", opts);\n',
    ),
    "php json_encode": (
        "a.php",
        "<?php\n$item = ['type' => 2, 'avatar_id' => $a, 'input_text' => $t];\n"
        f'$ch = curl_init("{V3}/talkingavatar/create");\n'
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['width' => 3840, 'elements' => [$item]]));\n",
    ),
    "php guzzle array()": (
        "a.php",
        "<?php\n$item = array('type' => 2, 'avatar_id' => $a);\n"
        f"$client->post(\"{V3}/talkingavatar/create\", ['json' => array('width' => 3840, "
        "'elements' => array($item))]);\n",
    ),
    "csharp new[]": (
        "A.cs",
        "var item = new { type = 2, avatar_id = a, input_text = t };\n"
        f'await http.PostAsJsonAsync("{V3}/talkingavatar/create", '
        "new { width = 3840, elements = new[] { item } });\n",
    ),
    "kotlin listOf": (
        "A.kt",
        'val item = mapOf("type" to 2, "avatar_id" to a, "input_text" to t)\n'
        f'khttp.post("{V3}/talkingavatar/create", json = mapOf("width" to 3840, '
        '"elements" to listOf(item)))\n',
    ),
}


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_m24_an_item_held_by_the_body_is_not_its_top_level(shape: str) -> None:
    name, text = NESTED[shape]
    assert found(text, name) == []


def test_m24_the_key_that_holds_the_item_is_still_judged() -> None:
    text = (
        ITEM_PY
        + f'requests.post("{V3}/talkingavatar/create", json={{"width": 3840, "scenes": [item]}})\n'
    )
    assert found(text, "a.py") == [(2, "unknown-field", "scenes")]


def test_m24_an_options_body_by_name_is_still_the_body() -> None:
    text = (
        "const payload = { width: 3840, elemnts: [] };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST", body: JSON.stringify(payload) }});\n'
        "const body = { width: 3840, elemnts: [] };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST", body }});\n'
    )
    assert [(line, what) for line, _, what in found(text, "a.js")] == [
        (1, "elemnts"),
        (3, "elemnts"),
    ]


# -- docs/audit.md's own examples: each fenced block is a script of its own -------------------------

CROSS_BLOCKS = {
    "an open call, then a later block's JSON": (
        "Send the photo (the rest of the call is below):\n\n```python\n"
        'r = requests.post(f"{BASE}/content/video/createbytalkingphoto", headers=H,\n```\n\n'
        "The run log looks like this:\n\n```json\n"
        '{"invocations": [{"executionSuccessful": false, "exitCode": 2}]}\n```\n'
    ),
    "an open paren in prose, then a comment naming a GET": (
        "The response (Kotlin's `execute().use { response ->`), read so:\n\n```sh\n"
        "# error: videoModelId is not a field of GET /api/open/v3/content/video/infobymodelid\n"
        "```\n\n| rule | finds |\n|---|---|\n"
        '| `wrong-method` | a call (`requests.post`, `-X POST`, `method: "POST"`) |\n'
    ),
    "a name bound in an earlier block": (
        "A face swap's body:\n\n```python\n"
        'payload = {"sourceImage": [{"path": s, "opts": o}], "face_enhance": 1}\n```\n\n'
        "Talking photo, another example:\n\n```python\n"
        'requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload)\n```\n'
    ),
}


@pytest.mark.parametrize("shape", sorted(CROSS_BLOCKS))
def test_a_markdown_code_block_claims_nothing_of_another(shape: str) -> None:
    """A call's brackets, and the names it sends, end with its fenced block: the SARIF example's
    `invocations` was read as a field of a call left open blocks before, and a comment naming a
    GET as a POST sent by a paren opened in prose and a `method: "POST"` in a later table."""
    assert (
        found("BASE = 'https://openapi.akool.com/api/open/v3'\n\n" + CROSS_BLOCKS[shape], "a.md")
        == []
    )


def test_a_block_still_ties_its_own_body() -> None:
    text = (
        "Prose.\n\n```python\n"
        'payload = {"talking_photo_url": p, "audio_url": a, "resolution": "720p"}\n'
        'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",'
        " json=payload)\n```\n"
    )
    assert found(text, "a.md") == [(4, "bad-value", '"720p"')]


# Every finding `akool audit docs/audit.md` gives: the examples the page means to show, each by
# a text on its line and its rule; any other finding is the page's code misread.
AUDIT_MD_FINDINGS = [
    ('json={"prompt": prompt, "size": "1:1"}', "misnamed-field"),
    # (the table's opening line has a comment after its `{`: read since break21g's table-open-comment)
    ('"headswap": "/v4/headswap/task/info",', "unknown-endpoint"),
    ('http GET "$API/content/video/infobymodelid" videoModelId=="$ID"', "misnamed-field"),
    ('"face_reage": 80})', "bad-value"),
    ('json={"talking_photo_url": photo, "resolution": "720"})', "missing-field"),
    # (the first ignore example's line holds only the finding its marker names: it audits clean,
    # copied as shown; test_audit_fix33 keeps that a marker silences only the rules it names)
]


def test_docs_audit_md_gives_only_its_intended_examples() -> None:
    from tests.conftest import ROOT

    page = ROOT / "docs" / "audit.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    got = sorted((f.line, f.rule) for f in audit_text("\n".join(lines), "audit.md"))
    want = []
    for needle, rule in AUDIT_MD_FINDINGS:
        at = [i + 1 for i, line in enumerate(lines) if needle in line]
        assert len(at) == 1, f"{needle!r} is on {len(at)} lines of docs/audit.md"
        want.append((at[0], rule))
    assert got == sorted(want)


def test_a_long_prose_line_after_for_x_in_is_read_in_linear_time() -> None:
    """`for path in PATHS: ...` in a sentence with many words and no `; do`: the shell-words
    pattern split each word every way it could (docs/audit.md's own paragraph took minutes)."""
    import time

    line = (
        "  the loop (`for path in VOICE_LIST_PATHS: session.get(AKOOL_API + path)`, "
        + "word " * 40
        + "`\n"
    )
    start = time.process_time()
    audit_text(line * 3, "a.md")
    assert time.process_time() - start < 2.0


# -- L11: a near miss is suggested only when it is really near -------------------------------------


@pytest.mark.parametrize("last", ["video-status", "video_status", "videoStatus"])
def test_l11_a_state_word_joined_by_a_separator_is_a_state_read(last: str) -> None:
    text = f'requests.get(f"{V3}/content/{last}", params={{"video_model_id": i}})\n'
    hits = audit_text(text, "a.py")
    assert [(h.rule, h.documented) for h in hits] == [
        (
            "unknown-endpoint",
            "GET /api/open/v3/content/video/infobymodelid (docs.akool.com/"
            "ai-tools-suite/talking-photo/get-result)",
        )
    ]


def test_l11_an_id_read_is_not_pointed_at_another_fields_id() -> None:
    """`data.data_id` was pointed at `data.team_id`: alike only in being ids."""
    from akool_cli.audit import readhints

    assert readhints.closest("data_id", frozenset({"team_id", "uid"}), frozenset()) is None
    assert readhints.closest("vidoe_url", frozenset({"video_url", "team_id"}), frozenset()) == (
        "video_url"
    )
    text = (
        'r = requests.post("https://openapi.akool.com/api/open/v4/characterSwap/create",'
        ' json={"image": i, "video": v, "prompt": "x"})\n'
        'print(r.json()["data"]["data_id"])\n'
    )
    assert all("team_id" not in h.documented for h in audit_text(text, "a.py"))


# -- L8: an AKOOL host the docs do not give the path; an empty body --------------------------------

HOSTS = {
    "legacy detect on the API host": (
        'requests.post("https://openapi.akool.com/detect", json={"single_face": False, "image_url": u})\n',
        "sg3.akool.com",
    ),
    "detect_faces on the legacy host": (
        'requests.post("https://sg3.akool.com/interface/detect-api/detect_faces", json={"url": u})\n',
        "openapi.akool.com",
    ),
    "the open API on the legacy host": (
        'requests.post("https://sg3.akool.com/api/open/v3/content/video/createbytalkingphoto",'
        ' json={"talking_photo_url": u, "audio_url": a})\n',
        "openapi.akool.com",
    ),
}


@pytest.mark.parametrize("shape", sorted(HOSTS))
def test_l8_a_path_on_an_akool_host_the_docs_do_not_give_it(shape: str) -> None:
    text, right = HOSTS[shape]
    hits = [h for h in audit_text(text, "a.py") if h.rule == "wrong-host"]
    assert len(hits) == 1 and right in hits[0].documented
    assert hits[0].fix is not None and hits[0].fix.new == right


def test_l8_the_legacy_detect_names_its_recommended_successor() -> None:
    text, _ = HOSTS["legacy detect on the API host"]
    (hit,) = [h for h in audit_text(text, "a.py") if h.rule == "wrong-host"]
    assert "/interface/detect-api/detect_faces" in hit.message


def test_l8_the_documented_hosts_are_silent() -> None:
    text = (
        'requests.post("https://sg3.akool.com/detect", json={"single_face": False, "image_url": u})\n'
        'requests.post("https://openapi.akool.com/interface/detect-api/detect_faces", json={"url": u})\n'
    )
    assert found(text, "a.py") == []


EMPTY = {
    "a.py": f'requests.post("{V3}/content/video/createbytalkingphoto", json={{}}, headers=H)\n',
    "b.js": (
        f'fetch("{V3}/content/video/createbytalkingphoto", {{ method: "POST",'
        " body: JSON.stringify({}) });\n"
    ),
    "c.sh": f"curl -X POST '{V3}/content/video/createbytalkingphoto' -d '{{}}'\n",
}


@pytest.mark.parametrize("name", sorted(EMPTY))
def test_l8_an_empty_body_on_a_create_lacks_its_required_fields(name: str) -> None:
    assert [(r, w) for _, r, w in found(EMPTY[name], name)] == [
        ("missing-field", "audio_url, talking_photo_url")
    ]


def test_l8_an_empty_fallback_or_an_upload_says_nothing() -> None:
    text = (
        f'requests.post("{V3}/content/video/createbytalkingphoto", json=body or {{}})\n'
        f'requests.post("{V3}/content/video/createbytalkingphoto", files=f, data={{}})\n'
        'requests.post("https://openapi.akool.com/interface/detect-api/detect_faces", json={})\n'
    )
    assert found(text, "a.py") == []

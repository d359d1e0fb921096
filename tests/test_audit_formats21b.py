"""break21b: what `akool audit` reads in files that hold code or requests in another format, and
the patches it writes there: JSON bodies escaped inside strings (--diff keeps them valid code),
Jupyter notebooks, Postman's body options, GitHub Actions run blocks, an OpenAPI spec written for
AKOOL and Windows batch files."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from akool_cli.audit.scan import audit
from tests.test_audit_patches import apply_and_reaudit

BASE = "https://openapi.akool.com/api/open/v3"
TALK = "/content/video/createbytalkingphoto"
SWAP = "/faceswap/highquality/specifyimage"
TALK_BODY = r"{\"talking_photo_url\": \"p\", \"audio_url\": \"a\", \"resolution\": 1080}"
SWAP_BODY = (
    r"{\"sourceImage\": [{\"path\": \"s\", \"opts\": \"\"}], \"targetImage\": [{\"path\": \"t\","
    r" \"opts\": \"\"}], \"modifyImage\": \"t\", \"face_enhance\": \"1\"}"
)
PROMPT_BODY = r"{\"prompt\": \"p\", \"size\": \"1:1\"}"
TALK_720P = TALK_BODY.replace("1080", r"\"720p\"")
ESCAPED = {
    "a.sh": (
        f'#!/bin/sh\nAPI="{BASE}"\n'
        f'curl -s -X POST "$API{TALK}" -H "Content-Type: application/json" -d "{TALK_BODY}"\n'
        f'curl -s -X POST "$API{SWAP}" -H "Content-Type: application/json" -d "{SWAP_BODY}"\n'
    ),
    "b.js": (
        f'const API = "{BASE}";\n'
        f'fetch(API + "{TALK}", {{ method: "POST", body: "{TALK_BODY}" }});\n'
        f'fetch(API + "{SWAP}", {{ method: "POST", body: "{SWAP_BODY}" }});\n'
        f'fetch(API + "/content/image/createbyprompt", {{ method: "POST", body: "{PROMPT_BODY}" }});\n'
    ),
    "c.py": (
        f'import requests\nAPI = "{BASE}"\n'
        f'requests.post(API + "{TALK}", data="{TALK_720P}")\n'
        f'requests.post(API + "{SWAP}", data="{SWAP_BODY}")\n'
    ),
}
POSTMAN = {
    "info": {
        "name": "akool",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    "item": [
        {
            "name": "talk",
            "request": {
                "method": "POST",
                "header": [{"key": "x-api-key", "value": "{{key}}"}],
                "url": {"raw": BASE + TALK},
                "body": {
                    "mode": "raw",
                    "raw": '{\n  "talking_photo_url": "p",\n  "audio_url": "a",\n  "resolution": 1080\n}',
                    "options": {"raw": {"language": "json"}},
                },
            },
        }
    ],
}


def test_a_fix_inside_an_escaped_json_string_is_escaped_as_its_surroundings(
    tmp_path: Path,
) -> None:
    """H12: 1080 -> "1080" inside `"{\\"resolution\\": 1080}"` made a SyntaxError in JS and
    Python, a shell no-op and a Postman collection that was no longer JSON."""
    for name, text in ESCAPED.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "akool.postman_collection.json").write_text(json.dumps(POSTMAN, indent=2))
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert {(name, rule) for name, _, rule, _ in fixable} >= {
        ("a.sh", "bad-value"),
        ("b.js", "bad-value"),
        ("b.js", "misnamed-field"),
        ("c.py", "bad-value"),
        ("akool.postman_collection.json", "bad-value"),
    }
    for name in ("a.sh", "b.js"):
        text = (tmp_path / name).read_text()
        assert r"\"resolution\": \"1080\"" in text and r"\"face_enhance\": 1}" in text
    py = (tmp_path / "c.py").read_text()
    assert r"\"resolution\": \"720\"" in py and r"\"face_enhance\": 1}" in py
    ast.parse(py)
    assert r"\"scale\": \"1:1\"" in (tmp_path / "b.js").read_text()
    collection = json.loads((tmp_path / "akool.postman_collection.json").read_text())
    assert json.loads(collection["item"][0]["request"]["body"]["raw"])["resolution"] == "1080"
    assert subprocess.run(["sh", "-n", str(tmp_path / "a.sh")]).returncode == 0
    if shutil.which("node"):
        assert subprocess.run(["node", "--check", str(tmp_path / "b.js")]).returncode == 0


@pytest.mark.parametrize(
    "text",
    [
        f'API="{BASE}"\nRES=1080\ncurl -X POST "$API{TALK}" -d "{TALK_BODY.replace("1080", "$RES")}"\n',
    ],
)
def test_a_value_held_by_a_name_in_an_escaped_string_is_left_to_a_person(
    tmp_path: Path, text: str
) -> None:
    """Quoting the assignment (`RES="1080"`) would not change what the shell string sends."""
    (tmp_path / "r.sh").write_text(text)
    found = audit([tmp_path]).findings
    assert [f.rule for f in found] == ["bad-value"]
    assert found[0].fix is None


CORPUS = Path(__file__).parent / "audit_corpus" / "formats21b"


def test_a_notebooks_code_cells_are_read_as_the_code_they_are(tmp_path: Path) -> None:
    """H2: the notebook's JSON escaping put a backslash in the path (2 false unknown-endpoint
    errors on correct calls) and its bodies and answer reads were missed."""
    for name in ("talk.ipynb", "talk_good.ipynb", "deno.ipynb"):
        shutil.copy(CORPUS / name, tmp_path / name)
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {
        ("talk.ipynb", 37, "bad-value"),  # "720p"
        ("talk.ipynb", 37, "misnamed-field"),  # webhook_url
        ("talk.ipynb", 48, "response-field"),  # s["data"]["status"]
        ("talk.ipynb", 58, "misnamed-field"),  # a %%bash cell's curl: size
        ("talk.ipynb", 67, "wrong-host"),  # a !curl line
        ("deno.ipynb", 10, "bad-value"),  # a JavaScript kernel's cell
        ("deno.ipynb", 12, "response-field"),
    }
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert {(name, rule) for name, _, rule, _ in fixable} == {
        ("talk.ipynb", "bad-value"),
        ("talk.ipynb", "misnamed-field"),
        ("talk.ipynb", "response-field"),
        ("talk.ipynb", "wrong-host"),
    }
    book = json.loads((tmp_path / "talk.ipynb").read_text())
    code = "".join(line for cell in book["cells"] for line in cell["source"])
    assert '"resolution": "720", "webhookUrl": ""' in code
    assert 's["data"]["video_status"]' in code and '"scale": "1:1"' in code


def test_a_notebook_line_that_is_not_its_own_string_gets_no_patch(tmp_path: Path) -> None:
    """A cell whose source is one string of several lines: the finding is at the string's line,
    and no fix is offered where the JSON text cannot be edited exactly."""
    code = (
        "import requests\n"
        f'requests.post("{BASE}/content/image/createbyprompt", json={{"prompt": "é", "size": "1:1"}})\n'
    )
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": code}]
    (tmp_path / "one.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}}, indent=1))
    lines = [code.splitlines()[0] + "\n", code.splitlines()[1]]
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": lines}]
    (tmp_path / "ascii.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}}, indent=1))
    found = {Path(f.file).name: f for f in audit([tmp_path]).findings}
    assert found["one.ipynb"].line == 7 and found["one.ipynb"].fix is None
    assert found["ascii.ipynb"].rule == "misnamed-field" and found["ascii.ipynb"].fix is not None
    apply_and_reaudit(tmp_path)
    text = (tmp_path / "ascii.ipynb").read_text()
    assert r"\"prompt\": \"\u00e9\", \"scale\": \"1:1\"" in text


def test_postmans_body_options_are_not_body_fields(tmp_path: Path) -> None:
    """M9: `"options": {"raw": {"language": "json"}}`, beside every raw JSON body Postman
    exports, gave `language is not a field of ...` on each request."""
    shutil.copy(CORPUS / "options_good.postman_collection.json", tmp_path / "c.json")
    assert audit([tmp_path]).findings == []
    shutil.copy(CORPUS / "options.postman_collection.json", tmp_path / "c.json")
    assert [(f.rule, f.found) for f in audit([tmp_path]).findings] == [("bad-value", '"1080p"')]


def test_a_workflows_run_blocks_are_read_as_shell_with_their_env(tmp_path: Path) -> None:
    """M1: a base set in a workflow's `env:` and joined in `run:` curl lines was not read,
    while the same lines in a .sh file were."""
    for name in ("gh_render.yml", "gh_good.yml"):
        shutil.copy(CORPUS / name, tmp_path / name)
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {
        ("gh_render.yml", 4, "wrong-host"),  # the workflow's env, used as ${{ env.AKOOL_HOST }}
        ("gh_render.yml", 15, "bad-value"),  # "$AKOOL_API/..." with the job's env
        ("gh_render.yml", 19, "undocumented-path"),  # a step's env built from the job's
        ("gh_render.yml", 27, "misnamed-field"),
    }
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert {(line, rule) for _, line, rule, _ in fixable} == {
        (4, "wrong-host"),
        (27, "misnamed-field"),
    }
    text = (tmp_path / "gh_render.yml").read_text()
    assert "AKOOL_HOST: https://openapi.akool.com\n" in text
    assert """-d '{"prompt": "a red fox", "scale": "1:1"}'""" in text


def test_an_openapi_document_written_for_akool_is_judged_as_the_calls_it_describes(
    tmp_path: Path,
) -> None:
    """M15: a spec whose servers are AKOOL's, with guessed paths, webhook_url and "720p" in an
    enum, gave no finding (a client generated from it inherits every guess)."""
    for name in ("spec_akool.yaml", "spec_akool_good.json"):
        shutil.copy(CORPUS / name, tmp_path / name)
    own = tmp_path / "own.yaml"  # the user's own API: its paths are routes, not calls
    own.write_text((CORPUS / "spec_akool.yaml").read_text().replace("openapi.akool", "api.example"))
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {
        ("spec_akool.yaml", 17, "undocumented-path"),  # /content/video/status/{id}
        ("spec_akool.yaml", 25, "wrong-method"),  # POST image/infobymodelid
        ("spec_akool.yaml", 41, "misnamed-field"),  # size
        ("spec_akool.yaml", 55, "bad-value"),  # "720p", "1080p" of a $ref'd schema
        ("spec_akool.yaml", 56, "misnamed-field"),  # webhook_url
    }
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert {(line, rule) for _, line, rule, _ in fixable} == {
        (41, "misnamed-field"),
        (55, "bad-value"),
        (56, "misnamed-field"),
    }
    text = (tmp_path / "spec_akool.yaml").read_text()
    assert 'enum: ["720", "1080"]' in text and "        webhookUrl: {type: string}" in text
    assert "                scale:\n" in text


def test_a_path_moved_onto_one_the_spec_has_is_left_to_a_person(tmp_path: Path) -> None:
    """Two keys of one name would make the document invalid."""
    (tmp_path / "s.yaml").write_text(
        "openapi: 3.0.3\nservers:\n  - url: https://openapi.akool.com/api/open/v3\npaths:\n"
        "  /content/video/createbytalkingphoto:\n    post: {}\n  /photo/talking:\n    post: {}\n"
    )
    found = audit([tmp_path]).findings
    assert [(f.line, f.rule, f.fix) for f in found] == [(7, "undocumented-path", None)]


def test_a_batch_files_caret_continued_curl_is_read_with_its_body(tmp_path: Path) -> None:
    """L6: `curl ... ^` / `-d "{...}"` in a .bat file: the body on the continued line was not
    read (the same lines with `\\` in a .sh were)."""
    for name in ("bat_render.bat", "bat_good.cmd"):
        shutil.copy(CORPUS / name, tmp_path / name)
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {
        ("bat_render.bat", 7, "bad-value"),  # "1080p", through `set "AKOOL_API=..."`
        ("bat_render.bat", 7, "misnamed-field"),  # webhook_url
        ("bat_render.bat", 8, "undocumented-path"),  # %AKOOL_API%/content/video/status/%1
    }
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert {rule for _, _, rule, _ in fixable} == {"bad-value", "misnamed-field"}
    data = (tmp_path / "bat_render.bat").read_bytes()
    assert b'\\"resolution\\":\\"1080\\",\\"webhookUrl\\":\\"\\"}"\r\n' in data
    assert data.count(b"\r\n") == data.count(b"\n") == 9  # its CRLF line ends kept


def test_a_notebook_that_is_not_json_is_read_as_text(tmp_path: Path) -> None:
    """A half-saved notebook is still audited, as the text it is."""
    (tmp_path / "cut.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "source": ["requests.get(\\"https://api.akool.com/api/'
        'open/v3/faceswap/quota/info\\")"'
    )
    (tmp_path / "prose.ipynb").write_text(
        json.dumps({"cells": [{"cell_type": "markdown", "source": ["See `/photo/talking`."]}]})
    )
    assert [(Path(f.file).name, f.rule) for f in audit([tmp_path]).findings] == [
        ("cut.ipynb", "wrong-host")
    ]

"""house29: the audit's house (tables, not chains) and the small known misses it took."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from akool_cli.audit import scan, walking
from akool_cli.audit.scan import Finding, audit, audit_text
from tests.test_audit_perf27b import ONE_CALL, _loaded_by_audit

# -- scan._embedded: a table of readers, its early skip derived from their own tables ------------


def test_the_early_skip_is_the_union_of_the_readers_own_tables() -> None:
    union = {suffix for _, endings in walking.READS for suffix in endings}
    assert set(scan.EMBEDDING_SUFFIXES) == union
    assert all(s == s.lower() for s in union)  # (names are lowered before the test)


def test_each_reader_of_the_table_has_its_row_of_name_endings() -> None:
    from akool_cli.audit import embedreaders

    assert {r.module for r in embedreaders.READERS} == {m for m, _ in walking.READS}


def test_the_readers_that_keep_a_table_of_their_own_keep_the_same_one() -> None:
    # (notebooks, elixir and rpipes are another helper's: their tables must stay as walking's)
    own = {
        ("notebooks", "NOTEBOOK_SUFFIX"): walking.NOTEBOOK_SUFFIX,
        ("elixir", "ELIXIR_SUFFIXES"): walking.ELIXIR_SUFFIXES,
        ("rpipes", "R_SUFFIXES"): walking.R_SUFFIXES,
        ("workflows", "WORKFLOW_SUFFIXES"): walking.WORKFLOW_SUFFIXES,
        ("makefiles", "MAKEFILE_SUFFIXES"): walking.MAKEFILE_SUFFIXES,
        ("restfiles", "REQUEST_SUFFIXES"): walking.REQUEST_SUFFIXES,
        ("specs", "SPEC_SUFFIXES"): walking.SPEC_SUFFIXES,
    }
    for (module, name), table in own.items():
        assert getattr(importlib.import_module(f"akool_cli.audit.{module}"), name) == table


def test_a_file_of_each_readers_ending_reaches_a_reader() -> None:
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    body = '{"talking_photo_url": "u"}'
    request = f"POST {url}\nContent-Type: application/json\n\n{body}\n"
    recipe = f"go:\n\tcurl -X POST {url} -d '{body}'\n"
    texts = {"a.http": request, "a.hurl": f"POST {url}\n{body}\n", "a.rest": request}
    texts |= {
        "go.CMD": f"curl -X POST {url} -d '{body}'\n",
        "GNUmakefile": recipe,
        "x.make": recipe,
    }
    for name, text in texts.items():
        assert name.lower().endswith(scan.EMBEDDING_SUFFIXES), name
        found = [f.rule for f in audit_text(text, name)]
        assert "missing-field" in found, (name, found)


def test_a_scripts_audit_loads_neither_the_readers_nor_their_table(tmp_path: Path) -> None:
    loaded = _loaded_by_audit(tmp_path, "one.py", ONE_CALL)
    assert "akool_cli.audit.scan" in loaded
    readers = {f"akool_cli.audit.{m}" for m, _ in walking.READS}
    assert not ({"akool_cli.audit.embedreaders", "akool_cli.audit.embedded"} | readers) & loaded


# -- the audit's long functions, split into named steps -------------------------------------------


def test_the_answer_rules_steps_and_the_embedded_reader_are_each_a_screen_long() -> None:
    import inspect

    from akool_cli.audit import rules

    steps: list[Callable[..., object]] = [rules._find_answer_hits, rules._call_answer_hits]
    steps += [rules._read_to_judge, rules._AnswerReading.of, scan._embedded]
    for step in steps:
        assert len(inspect.getsource(step).splitlines()) <= 60, step.__qualname__


def test_an_answer_read_is_judged_once_per_call_and_a_write_is_not() -> None:
    url = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    text = (
        "import requests\n"
        f'r = requests.get("{url}?video_model_id=1", headers={{"x-api-key": "k"}}).json()\n'
        'r["data"]["status"] = r["data"]["video_status"]\n'
        'print(r["data"]["status"], r["data"]["videourl"])\n'
    )
    found = [(f.line, f.rule, f.found) for f in audit_text(text, "poll.py")]
    assert [x for x in found if "status" in x[2]] == [], found  # (written by the script itself)
    assert any(x[0] == 4 and "videourl" in x[2] for x in found), found


# -- --diff: a retired path is moved only when its request fits the documented call (break21l) -----

IMAGINE = "https://openapi.akool.com/api/open/v3/content/image/createbyimagine"
TRANSLATE = "https://openapi.akool.com/api/open/v4/voice/videoTranslation"


def _retired_fixes(text: str, name: str) -> list[object]:
    found = [f for f in audit_text(text, name) if f.rule == "retired-endpoint"]
    assert found, name
    return [f.fix for f in found]


def test_a_retired_paths_fix_is_not_made_when_its_body_is_the_old_endpoints() -> None:
    old_body = '{"url": "https://x/v.mp4", "source_language": "en", "target_language": "es"}'
    texts = {
        "vt.py": f'import requests\nrequests.post("{TRANSLATE}", json={old_body})\n',
        "vt.sh": f"curl -X POST {TRANSLATE} -H 'Content-Type: application/json' -d '{old_body}'\n",
        "im.js": (
            f'await fetch("{IMAGINE}", {{ method: "POST",'
            ' body: JSON.stringify({ prompt: "a fox", aspect_ratio: "16:9" }) });\n'
        ),
    }
    for name, text in texts.items():
        assert _retired_fixes(text, name) == [None], name
        message = next(f.message for f in audit_text(text, name) if f.rule == "retired-endpoint")
        assert "not fixed" in message and "by hand" in message, message


def test_a_retired_paths_fix_is_still_made_when_its_body_fits_the_documented_call() -> None:
    text = (
        f'await fetch("{IMAGINE}", {{ method: "POST",'
        ' body: JSON.stringify({ prompt: "a fox", scale: "1:1" }) });\n'
    )
    fixes = _retired_fixes(text, "im.js")
    assert fixes[0] is not None and "createbyprompt" in str(fixes[0])


# -- a class's method given a wrong value by its caller (client-method-argument-value-into-body-missed)

CLIENT_PY = """import requests

API = "https://openapi.akool.com/api/open/v3"

class Akool:
    def _post(self, path, payload):
        return requests.post(API + path, json=payload).json()

    def talking_photo(self, photo, audio, resolution="720"):
        return self._post("/content/video/createbytalkingphoto", {
            "talking_photo_url": photo, "audio_url": audio, "resolution": resolution})
"""


def _bad_values(found: list[Finding]) -> list[tuple[str, int]]:
    return sorted((Path(f.file).name, f.line) for f in found if f.rule == "bad-value")


def test_a_methods_caller_in_its_file_is_judged_by_keyword_and_by_position() -> None:
    calls = 'c = Akool()\nc.talking_photo("p", "a", resolution="720p")\nc.talking_photo("p", "a", "4k")\n'
    calls += 'c.talking_photo("p", "a", "1080")\n'
    assert _bad_values(audit_text(CLIENT_PY + calls, "m.py")) == [("m.py", 13), ("m.py", 14)]


def test_a_methods_caller_in_a_file_importing_its_class_from_a_package_is_judged(
    tmp_path: Path,
) -> None:
    (tmp_path / "sdk").mkdir()
    (tmp_path / "sdk" / "__init__.py").write_text("from .client import Akool\n")
    (tmp_path / "sdk" / "client.py").write_text(CLIENT_PY)
    use = 'from sdk import Akool\n\nakool = Akool()\nakool.talking_photo("p", "a", resolution="720p")\n'
    (tmp_path / "use.py").write_text(use)
    assert _bad_values(audit([tmp_path]).findings) == [("use.py", 4)]


def test_a_clients_verb_named_method_is_not_followed_to_other_objects_calls() -> None:
    text = CLIENT_PY.replace("talking_photo", "post")
    text += 'import requests as r\nr.post("https://example.com/x", "p", "4k")\n'
    assert _bad_values(audit_text(text, "v.py")) == []


# -- a reused cURL handle's later bodies (php-curl-handle-reused-later-body-missed) ---------------

REAGE = "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage"


def test_a_reused_php_curl_handles_later_body_is_judged_until_its_url_changes() -> None:
    body = "['targetImage' => [['path' => 'x', 'opts' => '']], 'modifyImage' => 'x', 'face_reage' => {}]"
    text = (
        f"<?php\n$ch = curl_init('{REAGE}');\n"
        f"curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode({body.format(10)}));\ncurl_exec($ch);\n"
        f"curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode({body.format(-45)}));\ncurl_exec($ch);\n"
        "curl_setopt($ch, CURLOPT_URL, 'https://example.com/other');\n"
        f"curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode({body.format(99)}));\ncurl_exec($ch);\n"
    )
    assert _bad_values(audit_text(text, "r.php")) == [("r.php", 5)]


def test_a_reused_pycurl_handles_later_body_is_judged() -> None:
    text = (
        "import json, pycurl\nc = pycurl.Curl()\n"
        f'c.setopt(pycurl.URL, "{REAGE}")\n'
        'c.setopt(pycurl.POSTFIELDS, json.dumps({"targetImage": [], "modifyImage": "x", "face_reage": 5}))\n'
        "c.perform()\n"
        'c.setopt(pycurl.POSTFIELDS, json.dumps({"targetImage": [], "modifyImage": "x", "face_reage": 50}))\n'
        "c.perform()\n"
    )
    assert _bad_values(audit_text(text, "r.py")) == [("r.py", 6)]


# -- --diff keeps gofmt's alignment of a Go literal whose key it renames (break21m) ---------------


def test_a_go_key_rename_repads_its_literal_as_gofmt_does(tmp_path: Path) -> None:
    from akool_cli.audit import fixes

    url = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
    go = tmp_path / "main.go"
    go.write_text(
        "package main\n\nfunc main() {\n"
        f'\tpost("{url}", map[string]string{{\n'
        '\t\t"prompt": "a fox",\n\t\t"size":   "16:9",\n\t})\n}\n'
    )
    found = audit([go]).findings
    patched, made = fixes.file_diff(str(go), [f.fix for f in found if f.fix is not None])
    assert made == 1
    text = patched.decode()
    assert '+\t\t"scale":  "16:9",' in text, text
    assert '\t\t"prompt": "a fox",\n' in text, text

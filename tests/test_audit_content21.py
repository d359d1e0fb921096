"""What the audit says (issue 21, fixE21): numbers outside the range AKOOL's docs state, the
documented field a wrong answer read means (never one of another kind), prose docstrings, and the
documented replacement of guessed credit paths and of ids put in a path. The corpus scripts of
these shapes are in tests/audit_corpus/content21/."""

from __future__ import annotations

from collections import Counter

import pytest

from akool_cli.audit import readhints
from akool_cli.audit.scan import Finding, audit, audit_text
from akool_cli.core import catalogue
from tests.test_audit import DOCS, needs_docs


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. documented ranges ---------------------------------------------------------------------------

REAGE = """import os, requests
BASE = "https://openapi.akool.com/api/open/v3"
H = {{"x-api-key": os.environ["AKOOL_API_KEY"]}}
def reage(img, face, opts, years={default}):
    requests.post(f"{{BASE}}/faceswap/highquality/imgreage", headers=H,
                  json={{"targetImage": [{{"path": face, "opts": opts}}], "face_reage": {value},
                        "modifyImage": img}})
"""


def test_a_literal_number_outside_its_documented_range_is_a_bad_value() -> None:
    found = audit_text(REAGE.format(default=0, value=80), "reage.py")
    assert places(found) == [(6, "bad-value")]
    assert found[0].found == "80"
    assert found[0].documented == "an integer from -30 to 30"
    assert "face_reage 80 is outside the range documented for POST" in found[0].message
    # a parameter default is a literal too; the edges of the range are inside it
    assert places(audit_text(REAGE.format(default=-31, value="years"), "reage.py")) == [
        (4, "bad-value")
    ]
    for inside in ("30", "-30", "10", "years", "30 * 2", "int(age)"):
        assert places(audit_text(REAGE.format(default=0, value=inside), "reage.py")) == []
    # a string for a number has its own finding (a string), not a second one for its range
    quoted = audit_text(REAGE.format(default=0, value='"80"'), "reage.py")
    assert [f.documented for f in quoted] == ["an integer"]


NESTED = """const axios = require("axios");
const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v4",
  headers: { "x-api-key": process.env.AKOOL_API_KEY } });
api.post("/voice/tts", { input_text: t, voice_id: v,
  voice_options: { stability: 0.5, speed: 1.5, volume: 100 },
  extra_options: { pitch: -13, voice_modify: { pitch: -100 } } });
fetch(`https://openapi.akool.com/api/open/v4/knowledge/list?page=0&size=100`, { headers });
"""


def test_nested_fields_and_query_values_are_held_to_their_ranges() -> None:
    found = audit_text(NESTED, "tts.js")
    got = sorted((f.line, f.found, f.documented) for f in found if f.rule == "bad-value")
    assert got == [
        (5, "1.5", "a number from 0.7 to 1.2"),
        (6, "-13", "an integer from -12 to 12"),
        (7, "0", "a number of at least 1"),
    ]
    assert any("voice_options.speed 1.5 is outside" in f.message for f in found)


def test_the_catalogue_keeps_the_ranges_the_docs_state() -> None:
    docs = catalogue.load()

    def bounds(method: str, path: str, *names: str) -> tuple[float | None, float | None]:
        endpoint = docs.find(method, path)
        assert endpoint is not None
        spec = endpoint.field(names[0])
        for name in names[1:]:
            assert spec is not None
            spec = spec.field(name)
        assert spec is not None
        return spec.minimum, spec.maximum

    assert bounds("POST", "/api/open/v3/faceswap/highquality/imgreage", "face_reage") == (-30, 30)
    assert bounds("POST", "/api/open/v4/voice/tts", "voice_options", "speed") == (0.7, 1.2)
    assert bounds("POST", "/api/open/v4/voice/tts", "extra_options", "voice_modify", "timbre") == (
        -100,
        100,
    )
    assert bounds("GET", "/api/open/v4/knowledge/list", "size") == (1, 100)
    assert bounds("POST", "/api/open/v4/liveAvatar/session/create", "duration") == (None, 3600)
    assert bounds("POST", "/api/open/v4/characterSwap/create", "duration") == (1, 120)
    # the live face swap page says "maximum 24" frames, the OpenAPI file 100: the looser one
    assert bounds("POST", "/interface/detect-api/detect_faces", "num_frames") == (1, 100)
    # a list of choices is no range ("Available range [8000, 16000, 22050, ...]")
    assert bounds(
        "POST", "/api/open/v4/voice/tts", "extra_options", "audio_setting", "sample_rate"
    ) == (None, None)


@needs_docs
def test_every_example_in_akools_pages_is_inside_its_range() -> None:
    result = audit([DOCS])
    assert [f.render() for f in result.findings if "outside the range" in f.message] == []
    assert Counter(f.rule for f in result.findings)["bad-value"] == 0


# -- 2 and 6. the documented field a read means -----------------------------------------------------

IMAGE = """import os, requests
BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
def image(prompt):
    r = requests.post(f"{BASE}/content/image/createbyprompt", headers=H,
                      json={"prompt": prompt, "scale": "1:1"})
    body = r.json()
    if not body["success"]:
        raise RuntimeError(body["msg"])
    return body["data"]["image_url"]
"""


def test_a_url_read_is_pointed_at_the_endpoint_whose_answer_has_the_url() -> None:
    found = {f.found: f for f in audit_text(IMAGE, "image.py")}
    url = found["image_url"]
    assert url.rule == "response-field"
    assert url.documented == "data.image of GET /api/open/v3/content/image/infobymodelid"
    assert (
        "the image's URL is in the answer of GET /api/open/v3/content/image/infobymodelid "
        "as data.image" in url.message
    )
    assert "image_status" not in url.documented + url.message


def test_a_success_read_names_what_akools_answers_say_instead() -> None:
    found = {f.found: f for f in audit_text(IMAGE, "image.py")}
    success = found["success"]
    assert success.rule == "response-field"
    assert success.documented.startswith("code (1000 means success")
    assert "in code (1000: success) and why not in msg" in success.message


@pytest.mark.parametrize(
    ("path", "read", "documented"),
    [
        # a job's state read on its create answer: the answer's one state field, else the reader's
        ("/api/open/v3/content/image/createbyprompt", "state", "data.image_status"),
        (
            "/api/open/v4/faceswap/faceswapByImage",
            "status",
            "data.result[i].faceswap_status of GET /api/open/v3/faceswap/result/listbyids",
        ),
        (
            "/api/open/v3/faceswap/highquality/vidreage",
            "result_url",
            "data.result[i].url of GET /api/open/v3/faceswap/result/listbyids",
        ),
        (
            "/api/open/v4/headswap/task/create",
            "output_url",
            "data.video_url of GET /api/open/v4/headswap/task/detail",
        ),
    ],
)
def test_a_jobs_result_or_state_read_on_its_create_answer_names_the_reader(
    path: str, read: str, documented: str
) -> None:
    text = f"""import requests
r = requests.post("https://openapi.akool.com{path}", json={{}})
x = r.json()["data"]["{read}"]
"""
    (found,) = [f for f in audit_text(text, "job.py") if f.line == 3]
    assert found.documented == documented


@pytest.mark.parametrize(
    ("name", "names", "want"),
    [
        ("image_url", {"image_status", "_id"}, None),  # a URL is not a status
        ("video_url", {"video_status", "video"}, "video"),
        ("videoStatus", {"video_status", "video_url"}, "video_status"),
        ("task_ids", {"task_status", "task_url"}, None),  # an id is neither
        ("thumbnail", {"thumbnailUrl", "name"}, "thumbnailUrl"),  # (a name of no kind)
        ("avatarUrl", {"avatar_id", "url"}, None),
        ("data_url", {"data", "code", "msg"}, None),  # the envelope holds no job's URL
    ],
)
def test_suggestions_never_cross_kinds(name: str, names: set[str], want: str | None) -> None:
    assert readhints.closest(name, frozenset(names), frozenset()) == want


def test_a_read_with_no_likely_field_lists_the_answers_fields() -> None:
    text = IMAGE.replace('body["success"]', 'body["outcome"]').replace('["image_url"]', '["_id"]')
    (found,) = audit_text(text, "image.py")
    assert found.found == "outcome"
    assert found.documented == "a field of the documented answer (code, data, msg)"


# -- 3. docstrings that are prose -------------------------------------------------------------------

DOCSTRINGS = '''"""Image jobs. Replaces POST /api/open/v3/content/image/createbyimagine (legacy)."""
import requests


class Images:
    """Wraps GET /api/open/v3/content/image/infobyid, which AKOOL renamed."""

    def legacy(self, prompt):
        """Calls POST /api/open/v3/content/image/createbyimagine (legacy) -- do not use."""
        raise NotImplementedError

    def old(self):
        """Polled the status path.

        See GET /api/open/v3/content/video/status in the changelog
        """
        return None

    def usage(self):
        """Usage:

            requests.post("https://openapi.akool.com/api/open/v3/content/image/createbyimagine")
        """
'''


def test_a_prose_docstring_is_not_a_call_and_a_usage_line_in_one_is() -> None:
    found = audit_text(DOCSTRINGS, "images.py")
    assert places(found) == [(22, "retired-endpoint")]
    # a triple-quoted string that is a value is no docstring: its path is read as before
    as_value = (
        'HOST = "https://openapi.akool.com"\n'
        'BODY = """\nPOST /api/open/v3/content/video/status\n"""\n'
    )
    assert places(audit_text(as_value, "tmpl.py")) == [(3, "unknown-endpoint")]


# -- 4 and 5. guessed credit paths, an id in the path -----------------------------------------------

GUESSES = """import os, requests
V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
requests.get(f"{V3}/user/credit/balance", headers=H)
requests.get(f"{V4}/account/quota", headers=H)
requests.get(f"{V4}/liveAvatar/session/{sid}", headers=H)
requests.get(f"{V4}/liveAvatar/avatar/{aid}", headers=H)
requests.get(f"{V4}/voice/{vid}", headers=H)
"""


def test_a_guessed_credit_path_names_the_documented_credit_endpoint() -> None:
    found = audit_text(GUESSES, "guesses.py")
    credit = [f for f in found if f.line in (5, 6)]
    assert [f.rule for f in credit] == ["unknown-endpoint"] * 2
    for f in credit:
        assert f.documented.startswith("GET /api/open/v3/faceswap/quota/info ")
        assert f.documented.endswith("which answers the account's credit balance as data.credit")


def test_an_id_in_the_path_names_the_detail_endpoint_and_its_query_parameter() -> None:
    found = {f.line: f for f in audit_text(GUESSES, "guesses.py")}
    assert found[7].documented.startswith("GET /api/open/v4/liveAvatar/session/detail ")
    assert found[7].documented.endswith(
        "with the id in its query as id (?id=<id>), not in the path"
    )
    assert "(?avatar_id=<id>)" in found[8].documented
    assert found[9].documented.startswith("GET /api/open/v4/voice/detail/{_id} ")
    assert found[7].fix is None  # a likely replacement, never patched


CHANGES = """import requests
V4 = "https://openapi.akool.com/api/open/v4"
requests.delete(f"{V4}/liveAvatar/session/{sid}")
requests.delete(f"{V4}/knowledge/{kid}")
requests.put(f"{V4}/knowledge/{kid}", json={"name": "x"})
"""


def test_an_id_in_the_path_of_a_delete_or_put_names_the_endpoint_that_does_that() -> None:
    found = {f.line: f.documented for f in audit_text(CHANGES, "changes.py")}
    assert found[3].startswith("POST /api/open/v4/liveAvatar/session/close ")
    assert found[3].endswith('with the id in its body as id ({"id": <id>}), not in the path')
    assert found[4].startswith("DELETE /api/open/v4/knowledge/delete ")
    assert found[4].endswith("(?id=<id>), not in the path")
    assert found[5].startswith("POST /api/open/v4/knowledge/update ")


def test_an_id_before_an_action_is_moved_out_of_the_path() -> None:
    text = 'import requests\nrequests.post(f"https://openapi.akool.com/api/open/v4/liveAvatar/session/{sid}/end")\n'
    (found,) = audit_text(text, "end.py")
    assert found.documented.startswith("POST /api/open/v4/liveAvatar/session/close ")
    assert found.documented.endswith('({"id": <id>}), not in the path')


AFTER_A_TEMPLATE = '''import requests
BASE = "https://openapi.akool.com/api/open/v3"
TEMPLATE = """
Describe the scene.
"""


def make(photo):
    return requests.post(
        f"{BASE}/content/video/createbytalkingphot",
        json={"talking_photo_url": photo},
    )
'''


def test_the_end_of_a_triple_quoted_value_opens_no_docstring() -> None:
    # the closing quotes of TEMPLATE are not a docstring's opening: the call after them is read
    assert places(audit_text(AFTER_A_TEMPLATE, "make.py")) == [(10, "unknown-endpoint")]

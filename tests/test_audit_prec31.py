"""Session 31, prec31: no false finding and no patch where nothing is sent (a comment naming an
old URL, a request log, a deny-list of retired paths, a media file's URL on a doubtful host) and
no value misread (a shell default written without quotes, Python's positional format slots)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
TALK = "/content/video/createbytalkingphoto"
PROMPT = "/content/image/createbyprompt"


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


def rules_of(text: str, name: str) -> list[str]:
    return [f.rule for f in reported(text, name)]


# -- repro21r comment-url-line-or-semicolon-read-as-call -----------------------------------------


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ("#   https://api.akool.com/api/open/v3/content/video/lipsync", "a.py"),
        ("# we used to post to https://api.akool.com/api/open/v3/content/video/lipsync;", "a.py"),
        ("// until 2024-12 this file called /api/open/v3/liveAvatar/session/create;", "a.js"),
        ("//   https://api.akool.com/api/open/v3/content/video/lipsync", "A.java"),
        ("# old: /api/open/v3/content/image/createbyimagine;", "a.sh"),
    ],
)
def test_a_comment_that_names_an_old_url_alone_or_before_a_semicolon_is_no_call(
    comment: str, name: str
) -> None:
    assert reported(comment + "\nx = 1\n", name) == []


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ('# requests.post("https://api.akool.com/api/open/v3/content/video/lipsync");', "a.py"),
        ("# curl -X POST https://api.akool.com/api/open/v3/content/video/lipsync;", "a.sh"),
        ('// const u = "https://api.akool.com/api/open/v3/content/video/lipsync";', "a.js"),
    ],
)
def test_commented_out_code_ending_in_a_semicolon_is_still_read(comment: str, name: str) -> None:
    assert "wrong-host" in rules_of(comment + "\n", name)


# -- repro21r request-log-file-judged-and-patched ------------------------------------------------


LOG = (
    "2024-11-03T10:00:01Z INFO POST https://api.akool.com/api/open/v3/content/video/"
    "createbytalkingphoto 200 312ms\n"
    "2024-11-03T10:01:02Z WARN POST https://openapi.akool.com/api/open/v3/content/image/"
    "createbyimagine 200 402ms\n"
    "2024-11-03T10:01:03Z DEBUG curl -X POST https://api.akool.com/api/open/v3/content/video/lipsync\n"
)


def test_a_request_log_is_a_record_never_judged_nor_patched(tmp_path: Path) -> None:
    (tmp_path / "render.log").write_text(LOG)
    found = audit([tmp_path]).findings
    assert found == [] or all(f.severity == "info" and f.fix is None for f in found)

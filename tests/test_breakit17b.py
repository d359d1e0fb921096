"""Issue 17's second break-it run: secrets in server text, one server spelt two ways, S3's
deadline, and a plain product command re-run after an unknown outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
JOB = "0123456789abcdef01234567"


@pytest.fixture
def scripted(api_env: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        yield server


def _history(isolated: Isolation) -> bytes:
    return b"".join(p.read_bytes() for p in isolated.home.rglob("jobs.sqlite3*") if p.is_file())


def test_a_key_echoed_in_a_failed_jobs_reason_is_never_recorded(
    scripted: ScriptedServer, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = {"_id": JOB, "video_status": 1, "video": ""}
    scripted.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    reason = f"bad request (x-api-key: {SANDBOX_API_KEY})"
    failed = {"_id": JOB, "video_status": 4, "video": "", "error_reason": reason}
    scripted.route(contract.VIDEO_INFO.path, Answer.envelope(failed))
    invoke(["talk", IMAGE, AUDIO])
    invoke(["status", JOB])
    assert SANDBOX_API_KEY.encode() not in _history(isolated)
    monkeypatch.delenv("AKOOL_API_KEY")
    shown = invoke(["history", "--json"]).stdout + invoke(["status", JOB, "--json"]).stdout
    assert SANDBOX_API_KEY not in shown and "x-api-key: ***" in shown


def test_a_key_echoed_by_a_rejected_create_is_never_recorded(
    scripted: ScriptedServer, isolated: Isolation
) -> None:
    body = {"code": 1101, "msg": f"invalid token {SANDBOX_API_KEY}", "data": None}
    scripted.route(
        contract.CREATE_TALKING_PHOTO.path, lambda _: Answer(body=json.dumps(body).encode())
    )
    invoke(["talk", IMAGE, AUDIO], expect=None)
    assert scripted.hits.get(contract.CREATE_TALKING_PHOTO.path) == 1
    assert SANDBOX_API_KEY.encode() not in _history(isolated)

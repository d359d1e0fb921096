"""A new job kind is one description, one command (here: the library call) and one sandbox handler.

The test adds a made-up AKOOL product ("lip sync") the way a contributor would, touching nothing
else, and checks that creation, the history, status, watch and downloads all take it from there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import akool_cli
from akool_cli.core import kinds
from akool_cli.core.contract import Endpoint, Field
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox import server as sandbox_server
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import pointed_at

# 1. The description: its endpoints, its request, how to read its answers.
CREATE = Endpoint(
    key="test_create_lip_sync",
    method="POST",
    path="/api/open/v3/test/lipsync/create",
    summary="a made-up product for this test",
    body=(Field("video_url", required=True), Field("audio_url", required=True)),
    billable=True,
)
DETAIL = Endpoint(
    key="test_lip_sync_detail",
    method="GET",
    path="/api/open/v3/test/lipsync/{_id}",
    summary="its state",
)
LIP_SYNC = kinds.JobKind(
    name="test_lip_sync",
    noun="lip sync",
    create=CREATE,
    status=kinds.StatusCall(DETAIL, "_id"),
)


@dataclass(frozen=True)
class LipSyncRequest:
    video_url: str
    audio_url: str

    def body(self) -> dict[str, Any]:
        return {"video_url": self.video_url, "audio_url": self.audio_url}

    def inputs(self) -> dict[str, Any]:
        return {"video_url": self.video_url, "audio_url": self.audio_url}


# 2. The sandbox's handlers: the sandbox's own job store does the rest.
def answer_create(handler: Any, body: bytes, query: dict[str, str], path: str, after: Any) -> None:
    job = handler.state.create_job(json.loads(body))
    handler._json({"code": 1000, "msg": "OK", "data": handler._job_data(job, 1)}, after)


def answer_detail(handler: Any, body: bytes, query: dict[str, str], path: str, after: Any) -> None:
    job = handler.state.jobs.get(path.rsplit("/", 1)[1])
    if job is None:
        handler._code(1008, "content does not exist")
        return
    data = handler._job_data(job, handler.state.status(job))
    handler._json({"code": 1000, "msg": "OK", "data": data}, after)


@pytest.fixture
def lip_sync(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    monkeypatch.setitem(kinds.KINDS, LIP_SYNC.name, LIP_SYNC)
    monkeypatch.setitem(sandbox_server.ROUTES, CREATE.key, (CREATE, answer_create))
    monkeypatch.setitem(sandbox_server.ROUTES, DETAIL.key, (DETAIL, answer_detail))
    with pointed_at(SandboxConfig(processing_seconds=6.0), isolated.clock, monkeypatch) as server:
        yield server


def test_a_new_kind_is_created_recorded_listed_followed_and_downloaded(
    lip_sync: Sandbox, isolated: Isolation
) -> None:
    # 3. Its command: here the library's generic create.
    with akool_cli.Client() as client:
        request = LipSyncRequest("https://example.com/clip.mp4", "https://example.com/s.mp3")
        job = client.create(LIP_SYNC, request, client.origin("lips"))
    assert job.kind == "test_lip_sync" and job.state == "queued"
    [listed] = json.loads(invoke(["status", "--json"]).stdout)
    assert (listed["id"], listed["kind"], listed["label"]) == (job.id, "test_lip_sync", "lips")
    target = isolated.tmp / "lips.mp4"
    invoke(["watch", job.id, "-o", str(target)])
    assert target.read_bytes()[4:8] == b"ftyp"
    [done] = json.loads(invoke(["status", "--json"]).stdout)
    assert done["state"] == "done" and done["downloaded_path"] == str(target.absolute())
    assert lip_sync.state.requests["test_create_lip_sync"] == 1
    assert lip_sync.state.requests["test_lip_sync_detail"] >= 2

"""Every billable create reaches AKOOL only after the history noted the body it sends.

A claim still `sending` with no body noted, whose process is gone, is given back as never sent
(Journal._drop_unsent, break17k K10). That is right only while no create path sends before
noting its body; this test watches AKOOL's side of every path: the direct create, a batch row's
claim, --reuse's claim, a speech, a raw `akool api` create, face swap's looked-up faces and an
MCP call. A new path that sends first fails here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox import server as sandbox_server
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_batch import write_csv

IMAGE = "https://example.com/noted.jpg"
AUDIO = "https://example.com/noted.mp3"


@pytest.fixture
def seen(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """The billable creates AKOOL received, each with the `sending` attempts the history held
    at that moment and the body each had noted."""
    history = isolated.home / "jobs.sqlite3"
    found = sandbox_server.find_route
    received: list[Any] = []

    def watched(method: str, path: str) -> Any:
        route = found(method, path)
        if route is None or not route[0].billable:
            return route
        endpoint, handler = route

        def noting(*args: Any, **kwargs: Any) -> Any:
            with closing(sqlite3.connect(f"file:{history}?mode=ro", uri=True)) as db:
                rows = db.execute("SELECT id, body FROM attempts WHERE outcome = 'sending'")
                received.append((endpoint.key, rows.fetchall()))
            return handler(*args, **kwargs)

        return endpoint, noting

    monkeypatch.setattr(sandbox_server, "find_route", watched)
    yield received


def _each_sent_after_its_body(received: list[Any], expected: int) -> None:
    assert len(received) == expected, received
    for key, sending in received:
        assert sending, f"{key}: AKOOL was asked before any attempt was written"
        assert all(body for _id, body in sending), f"{key}: sent before its body was noted"


def test_the_commands_note_the_body_before_they_send(
    api_env: Sandbox, isolated: Isolation, seen: list[Any]
) -> None:
    invoke(["talk", IMAGE, AUDIO, "--no-check"])
    invoke(["talk", IMAGE, f"{AUDIO}?2", "--no-check", "--reuse"])
    invoke(["talk", IMAGE, "--text", "noted first", "--voice", "sbx-en-f-ava", "--no-check"])
    rows = write_csv(isolated.tmp / "rows.csv", [f"r1,{IMAGE},{AUDIO}?3,,,,,"])
    invoke(["batch", str(rows), "--no-check"])
    body = json.dumps({"talking_photo_url": IMAGE, "audio_url": f"{AUDIO}?4", "webhookUrl": ""})
    invoke(["api", "POST", contract.CREATE_TALKING_PHOTO.path, "--input", "-"], input=body)
    invoke(["faceswap", "https://example.com/face.jpg", "https://example.com/photo.jpg"])
    # talk ×2, speech + talk, a batch row, the raw create, the face swap
    _each_sent_after_its_body(seen, 7)


def test_an_mcp_call_notes_the_body_before_it_sends(
    isolated: Isolation, sandbox: Sandbox, seen: list[Any]
) -> None:
    from mcp.client.session import ClientSession

    from tests.test_mcp import call, serve

    async def body(session: ClientSession) -> None:
        await call(session, "talk", image_url=IMAGE, audio_url=AUDIO)

    assert "Traceback" not in serve(isolated, sandbox, body)
    _each_sent_after_its_body(seen, 1)


def test_the_check_fails_on_a_body_not_noted() -> None:
    """The check itself can fail: an attempt `sending` with no body at a create is reported."""
    with pytest.raises(AssertionError, match="sent before its body was noted"):
        _each_sent_after_its_body([("create", [(1, "")])], 1)
    with pytest.raises(AssertionError, match="before any attempt was written"):
        _each_sent_after_its_body([("create", [])], 1)

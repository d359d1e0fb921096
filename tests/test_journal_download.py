"""The journal under concurrent processes, and downloads that resume, restart and verify."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import RejectedError
from akool_cli.jobs.download import (
    NotAVideoError,
    download,
    part_path,
    resolve_target,
    safe_file_name,
)
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.media import VideoFile
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import ROOT, Isolation
from tests.support.hostile import fake_mp4, raw_server
from tests.support.runner import invoke
from tests.support.servers import Answer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def test_eight_processes_at_once_never_lose_a_row(api_env: Sandbox, isolated: Isolation) -> None:
    script = (
        "import sys\n"
        "from akool_cli.entry import main\n"
        "for n in range(6):\n"
        "    assert main(['talk', f'https://example.com/{sys.argv[1]}-{n}.jpg',"
        " 'https://example.com/a.mp3']) == 0\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"p{i}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(8)
    ]
    printed = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        printed += out.split()
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    rows = {r[0] for r in db.execute("SELECT id FROM jobs")}
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(printed) == 48 and set(printed) == rows == set(api_env.state.jobs)


def finished_job(sandbox: Sandbox, isolated: Isolation) -> str:
    job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(60)
    return job


def test_a_partial_download_is_resumed_with_range(api_env: Sandbox, isolated: Isolation) -> None:
    job = finished_job(api_env, isolated)
    video = VideoFile(job)
    target = isolated.tmp / "v.mp4"
    # What a killed akool leaves behind: a hidden part file and its validator.
    part_path(target).write_bytes(video.read(0, 5000))
    meta = target.with_name(f".{target.name}.part.json")
    meta.write_text(json.dumps({"validator": video.etag}))
    invoke(["watch", job, "-o", str(target)])
    assert hashlib.sha256(target.read_bytes()).hexdigest() == video.sha256()
    ranges = [
        r.headers.get("range") for r in api_env.state.received if "/_sandbox/files/" in r.path
    ]
    assert ranges == ["bytes=5000-"]
    assert not part_path(target).exists()


def test_a_part_file_without_validator_restarts_cleanly(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job = finished_job(api_env, isolated)
    target = isolated.tmp / "v.mp4"
    part_path(target).write_bytes(b"garbage that is not the video")
    invoke(["watch", job, "-o", str(target)])
    assert hashlib.sha256(target.read_bytes()).hexdigest() == VideoFile(job).sha256()


def test_truncated_answers_are_resumed_until_complete(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job = finished_job(api_env, isolated)
    api_env.state.config.video_bytes = 3_000_000
    api_env.state.inject("none", "none", "truncate", "truncate")  # the poll, then the file
    target = isolated.tmp / "v.mp4"
    invoke(["watch", job, "-o", str(target)])
    assert target.stat().st_size == VideoFile(job, 3_000_000).size
    assert hashlib.sha256(target.read_bytes()).hexdigest() == VideoFile(job, 3_000_000).sha256()
    ranges = [
        r.headers.get("range") for r in api_env.state.received if "/_sandbox/files/" in r.path
    ]
    assert ranges[0] is None and ranges[1] and ranges[1].startswith("bytes=")


def test_a_server_without_range_support_restarts_and_checks_length(isolated: Isolation) -> None:
    body = fake_mp4(b"0123456789" * 1000)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: %d\r\n\r\n" % len(body)
    answers = iter([head + body[:4000], head + body])  # the first is cut short

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(next(answers))

    with raw_server(answer) as url:
        target = isolated.tmp / "v.mp4"
        with Transport() as transport:
            # The short read is caught and retried; no validator, so from the start.
            result = download(transport, url, target, clock=FakeClock())
    assert target.read_bytes() == body
    assert result.sha256 == hashlib.sha256(body).hexdigest() and result.size == len(body)


@pytest.mark.parametrize("status", [403, 404, 410])
def test_an_expired_result_url_says_how_to_refresh(isolated: Isolation, status: int) -> None:
    with scripted_server() as server:
        server.route("/v.mp4", Answer(status, b"<Error/>", "application/xml"))
        with Transport() as transport, pytest.raises(RejectedError) as err:
            download(transport, server.url + "/v.mp4", isolated.tmp / "v.mp4", clock=FakeClock())
    assert "expired" in err.value.message and "akool status" in (err.value.hint or "")
    assert not list(isolated.tmp.iterdir())


def test_only_http_result_urls_are_followed(isolated: Isolation) -> None:
    """Any other URL can never become the video: not a usable result (exit 6)."""
    for url in ("file:///etc/passwd", "ftp://x/v.mp4", "javascript:alert(1)"):
        with Transport() as transport, pytest.raises(NotAVideoError):
            download(transport, url, isolated.tmp / "v.mp4", clock=FakeClock())


@pytest.mark.parametrize(
    "hostile", ["../../etc/cron.d/x", "..", "/abs/path", "a/../../b", ".hidden", "\x00nul"]
)
def test_file_names_from_ids_cannot_escape_the_directory(tmp_path: Path, hostile: str) -> None:
    name = safe_file_name(hostile)
    assert "/" not in name and not name.startswith(".") and "\x00" not in name
    target = resolve_target(str(tmp_path) + "/", hostile, many=True)
    assert target.parent == tmp_path


def test_the_journal_records_size_and_sha256(api_env: Sandbox, isolated: Isolation) -> None:
    job = finished_job(api_env, isolated)
    target = isolated.tmp / "v.mp4"
    invoke(["watch", job, "-o", str(target)])
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    size, digest = db.execute("SELECT size, sha256 FROM jobs WHERE id = ?", (job,)).fetchone()
    assert (size, digest) == (target.stat().st_size, VideoFile(job).sha256())
    assert SANDBOX_API_KEY.encode() not in (isolated.home / "jobs.sqlite3").read_bytes()

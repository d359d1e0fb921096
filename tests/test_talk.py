"""akool talk against the sandbox: inputs checked locally, id on stdout, journal first, waits."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.media import VideoFile
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def journal_rows(isolated: Isolation) -> list[sqlite3.Row]:
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.row_factory = sqlite3.Row
    return db.execute("SELECT * FROM jobs").fetchall()


def test_talk_prints_only_the_job_id_on_stdout(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "--prompt", "wave", "--resolution", "1080"])
    job_id = result.stdout.strip()
    assert result.stdout == job_id + "\n"
    assert job_id in api_env.state.jobs
    assert f"akool watch {job_id}" in result.stderr
    sent = api_env.state.jobs[job_id].request
    assert sent == {
        "talking_photo_url": IMAGE,
        "audio_url": AUDIO,
        "prompt": "wave",
        "resolution": "1080",
    }
    rows = journal_rows(isolated)
    assert [r["id"] for r in rows] == [job_id]
    assert json.loads(rows[0]["inputs"])["image_url"] == IMAGE


def test_talk_records_the_job_before_printing_it(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_in_journal: list[bool] = []

    class Watching(io.StringIO):
        def write(self, text: str) -> int:
            if text.strip():
                ids = {r["id"] for r in journal_rows(isolated)}
                seen_in_journal.append(text.strip() in ids)
            return super().write(text)

    from akool_cli.cli import main

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Watching(), io.StringIO()
    try:
        assert main(["talk", IMAGE, AUDIO]) == 0
    finally:
        sys.stdout, sys.stderr = saved
    assert seen_in_journal == [True]


def test_talk_wait_follows_the_job_to_done(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "--wait"])
    job_id = result.stdout.strip()
    assert "done" in result.stderr
    assert "7 days" in result.stderr  # the retention reminder when nothing was downloaded
    assert journal_rows(isolated)[0]["video_status"] == 3
    # No real sleeping: the fake clock moved instead, by about the processing time.
    assert 6 <= sum(isolated.clock.sleeps) < 40
    assert job_id


def test_talk_output_downloads_a_playable_mp4(api_env: Sandbox, isolated: Isolation) -> None:
    target = isolated.tmp / "video.mp4"
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(target)])
    job_id = result.stdout.strip()
    data = target.read_bytes()
    assert data[4:8] == b"ftyp" and b"moov" in data and b"mdat" in data
    assert hashlib.sha256(data).hexdigest() == VideoFile(job_id).sha256()
    row = journal_rows(isolated)[0]
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert row["size"] == len(data)
    assert Path(row["downloaded_path"]) == target
    assert not list(isolated.tmp.glob(".*.part"))


def test_talk_output_into_a_directory_uses_the_job_id(
    api_env: Sandbox, isolated: Isolation
) -> None:
    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(outdir) + "/"])
    job_id = result.stdout.strip()
    assert (outdir / f"{job_id}.mp4").is_file()


def test_talk_json_is_one_document(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "--json", "--wait"])
    document = json.loads(result.stdout)
    assert document["state"] == "done"
    assert document["video_status"] == 3
    assert document["video_url"].startswith(api_env.base_url)


def test_talk_failed_job_exits_6(api_env: Sandbox) -> None:
    result = invoke(["talk", "https://example.com/fail.jpg", AUDIO, "--wait"], expect=6)
    assert "failed" in result.stderr
    assert "face" in result.stderr


def test_talk_timeout_exits_7_and_says_how_to_resume(api_env: Sandbox) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "--wait", "--timeout", "2s"], expect=7)
    job_id = result.stdout.strip()
    assert f"akool watch {job_id}" in result.stderr
    assert "keep running" in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["./me.jpg", AUDIO], "AKOOL fetches inputs by URL"),
        (["/home/me/portrait.png", AUDIO], "local file"),
        (["file:///tmp/me.jpg", AUDIO], "local file"),
        (["ftp://example.com/me.jpg", AUDIO], "not an http(s) URL"),
        ([IMAGE, "speech"], "not an http(s) URL"),
        ([IMAGE, AUDIO, "--resolution", "4k"], "720 or 1080"),
        ([IMAGE, AUDIO, "--resolution", "480"], "720 or 1080"),
        ([IMAGE, AUDIO, "--timeout", "soon"], "not a duration"),
        ([IMAGE, AUDIO, "--webhook-url", "not-a-url"], "webhook URL"),
    ],
)
def test_talk_refuses_bad_input_before_calling_akool(
    api_env: Sandbox, args: list[str], fragment: str
) -> None:
    result = invoke(["talk", *args], expect=2)
    assert fragment in result.stderr
    assert result.stdout == ""
    assert result.stderr.count("Error:") == 1
    assert api_env.state.jobs == {}


def test_talk_refuses_an_existing_output_file_before_creating_a_job(
    api_env: Sandbox, isolated: Isolation
) -> None:
    target = isolated.tmp / "taken.mp4"
    target.write_bytes(b"precious")
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(target)], expect=2)
    assert "--force" in result.stderr
    assert target.read_bytes() == b"precious"
    assert api_env.state.jobs == {}


def test_talk_force_replaces_an_existing_file(api_env: Sandbox, isolated: Isolation) -> None:
    target = isolated.tmp / "taken.mp4"
    target.write_bytes(b"old")
    invoke(["talk", IMAGE, AUDIO, "-o", str(target), "--force"])
    assert target.read_bytes()[4:8] == b"ftyp"


def test_talk_refuses_a_missing_output_directory(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(isolated.tmp / "nope" / "v.mp4")], expect=2)
    assert "does not exist" in result.stderr and "mkdir -p" in result.stderr
    assert api_env.state.jobs == {}


def test_resolution_accepts_720p_spelling(api_env: Sandbox) -> None:
    result = invoke(["talk", IMAGE, AUDIO, "--resolution", "720p"])
    assert api_env.state.jobs[result.stdout.strip()].request["resolution"] == "720"

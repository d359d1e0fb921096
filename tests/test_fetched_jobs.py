"""A job this history does not hold, saved here (break17f F15): `watch ID -o DIR/` and the
library's download(ID) record it (path, size, SHA-256), so the same command again says "saved
earlier" instead of exit 2 "already exists", `status` shows the file, and a create in doubt can
still be settled with that job (ci.md's way out of an exit 5 is exactly `watch JOB_ID -o …`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

IMAGE, AUDIO = "https://example.com/fj.jpg", "https://example.com/fj.mp3"


def _made_elsewhere(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> str:
    """A job made with another AKOOL_HOME (another machine, a CI runner), done."""
    with monkeypatch.context() as elsewhere:
        elsewhere.setenv("AKOOL_HOME", str(isolated.tmp / "other-home"))
        job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(600)
    return job


def _recorded(job: str, path: Path) -> None:
    [shown] = json.loads(invoke(["status", "--json", job]).stdout)
    assert shown["downloaded_path"] == str(path)
    assert shown["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert shown["size"] == path.stat().st_size


def test_watch_of_a_job_made_elsewhere_records_it_and_a_rerun_says_saved_earlier(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _made_elsewhere(isolated, monkeypatch)
    out = f"{isolated.tmp}/ldl3/"
    saved = invoke(["watch", job, "-o", out])
    path = Path(saved.stdout.strip())
    _recorded(job, path)
    again = invoke(["watch", job, "-o", out])  # a CI retry of the same step
    assert f"{job} was saved earlier: {path}" in again.stderr
    assert again.stdout.strip() == str(path)


def test_download_of_a_job_made_elsewhere_fills_size_and_sha256(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _made_elsewhere(isolated, monkeypatch)
    with akool_cli.Client() as client:
        path = client.download(job, f"{isolated.tmp}/ldl2/")
        status = client.status(job)
        assert client.download(job, f"{isolated.tmp}/ldl2/") == path  # nothing fetched again
    assert status.downloaded_path == str(path) and status.size == path.stat().st_size
    assert status.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_create_in_doubt_is_settled_with_a_job_saved_before(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """ci.md: after an exit 5, fetch the job found in the dashboard, then settle the attempt."""
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["talk", IMAGE, AUDIO], expect=5)
    attempt, _ = settle_command(lost.stderr)
    job = made[0].id
    isolated.clock.advance(600)
    path = Path(invoke(["watch", job, "-o", f"{isolated.tmp}/v/"]).stdout.strip())
    invoke(["settle", str(attempt), "--created", job])
    assert f"akool settle {attempt}" not in invoke(["status"]).stderr  # settled
    _recorded(job, path)  # still known as saved: nothing to fetch again
    again = invoke(["watch", job, "-o", f"{isolated.tmp}/v/"])
    assert "was saved earlier" in again.stderr


def test_download_reads_a_str_and_a_path_alike(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17i I18: download(id, "clip") saved a file clip, download(id, Path("clip")) a
    folder clip/<id>.mp4. One rule for both, as `-o` has: an existing folder takes
    <id>.mp4, any other path is the file (a str may end in / to name a new folder)."""
    job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(600)
    monkeypatch.chdir(isolated.tmp)
    folder = isolated.tmp / "videos"
    with akool_cli.Client() as client:
        as_text = client.download(job, "clipA")
        as_path = client.download(job, Path("clipB"))
        into_new = client.download(job, "videos/")  # the slash: a folder, made when missing
        into_existing = client.download(job, folder, force=True)
        named = client.download(job, folder / "named.mp4")
    assert as_text == isolated.tmp / "clipA" and as_text.is_file()
    assert as_path == isolated.tmp / "clipB" and as_path.is_file()
    assert into_new == into_existing == folder / f"{job}.mp4" and into_new.is_file()
    assert named == folder / "named.mp4" and named.is_file()
    watched = invoke(["watch", job, "-o", "clipC"]).stdout.strip()
    assert (isolated.tmp / "clipC").is_file(), watched

"""A translation is saved only when all of its files are (issue 19, break19 finding 3): its video,
both SRTs and the caption-free video, each recorded on its own. A run stopped after the video was
saved leaves the others missing; `watch -o DIR/` and `sync` resume them (the video is kept, not
fetched again), and `webhook serve -o DIR/` saves them beside the video a callback brought."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_products import VIDEO

OTHERS = ("original.srt", "translated.srt", "no_captions.mp4")


def stopped_after_the_video(job_id: str, folder: Path) -> None:
    """The history and folder a run killed after the video was saved leaves: the other files
    neither in place nor recorded (what `record_file` records comes after each one)."""
    with akool_cli.Client() as client:
        journal = client.paths.journal_file
    for other in OTHERS:
        (folder / f"{job_id}.{other}").unlink()
    with sqlite3.connect(journal) as db:
        db.execute("UPDATE jobs SET saved = '{}' WHERE id = ?", (job_id,))


def files_of(job_id: str) -> dict[str, str | None]:
    [view] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    return {role: f["downloaded_path"] for role, f in view["files"].items()}


def test_watch_resumes_the_other_files_of_a_saved_translation(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    job_id = invoke(["translate", VIDEO, "--to", "es", "-o", f"{out}/"]).stdout.split()[0]
    video = (out / f"{job_id}.mp4").stat()
    stopped_after_the_video(job_id, out)
    assert None in files_of(job_id).values()
    invoke(["watch", job_id, "-o", f"{out}/"])
    assert all((out / f"{job_id}.{other}").is_file() for other in OTHERS)
    assert None not in files_of(job_id).values()
    kept = (out / f"{job_id}.mp4").stat()  # the video saved earlier is kept, not fetched again
    assert (kept.st_ino, kept.st_mtime_ns) == (video.st_ino, video.st_mtime_ns)
    # A watch once all are saved has nothing to fetch.
    assert "saved earlier" in invoke(["watch", job_id, "-o", f"{out}/"]).stderr


def test_sync_resumes_the_other_files_beside_the_saved_video(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    job_id = invoke(["translate", VIDEO, "--to", "es", "-o", f"{out}/"]).stdout.split()[0]
    stopped_after_the_video(job_id, out)
    invoke(["sync", "-o", f"{isolated.tmp / 'elsewhere'}/"])
    assert all((out / f"{job_id}.{other}").is_file() for other in OTHERS)
    assert None not in files_of(job_id).values()
    assert not (isolated.tmp / "elsewhere" / f"{job_id}.mp4").exists()


def test_webhook_serve_saves_every_file_of_a_translation(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.hooks import receiving
    from tests.support.waiting import wait_for

    hooked = isolated.tmp / "hooked"
    with receiving(hooked, monkeypatch) as (server, _types):
        made = invoke(["translate", VIDEO, "--to", "fr", "--webhook-url", server.url])
        job_id = made.stdout.split()[0]
        isolated.clock.advance(60)
        wait_for(lambda: all((hooked / f"{job_id}.{o}").is_file() for o in OTHERS), 10.0)
        wait_for(lambda: None not in files_of(job_id).values(), 10.0)
    assert (hooked / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"


def test_webhook_serve_says_which_files_it_could_not_save_and_why(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 17, break-it run 17b, L11: a keyring login on the sandbox, then `webhook serve -o`
    # in a shell with a leftover AKOOL_BASE_URL. The key rightly does not go there, so the
    # translation's other files cannot be asked for: before the fix only its video was saved,
    # and nothing said so.
    from akool_cli.sandbox.state import SANDBOX_API_KEY
    from tests.support.hooks import receiving
    from tests.support.waiting import wait_for

    monkeypatch.delenv("AKOOL_API_KEY")
    invoke(["login"], input=SANDBOX_API_KEY)
    hooked, warnings = isolated.tmp / "hooked", list[str]()
    monkeypatch.setenv("AKOOL_BASE_URL", "http://127.0.0.1:9")  # the leftover
    with receiving(hooked, monkeypatch, warnings) as (server, _types):
        monkeypatch.setenv("AKOOL_BASE_URL", api_env.base_url)
        made = invoke(["translate", VIDEO, "--to", "fr", "--webhook-url", server.url])
        job_id = made.stdout.split()[0]
        isolated.clock.advance(60)
        wait_for(lambda: bool(warnings), 10.0)
    [warning] = warnings
    assert (hooked / f"{job_id}.mp4").is_file()
    named = ", ".join(f"{job_id}.{other}" for other in OTHERS)
    assert warning.startswith(f"{job_id}: {named} not saved: ")
    assert "http://127.0.0.1:9" in warning  # the reason: the key is not for that base URL
    assert f"akool sync -o {hooked}/" in warning
    # Where it says, later, with the base URL the key was verified on: all of them saved.
    synced = invoke(["sync", "-o", f"{hooked}/"])
    assert all((hooked / f"{job_id}.{other}").is_file() for other in OTHERS), synced

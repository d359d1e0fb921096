"""break17h's findings fixed by fixC: each as the tester ran it, against the sandbox on a real port."""

from __future__ import annotations

import os
import resource
import signal
import subprocess

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env
from tests.support.waiting import wait_for
from tests.test_sigterm_create import Stall, live_sandbox  # noqa: F401 (a fixture)


def test_a_batch_of_speech_rows_on_a_full_disk_hints_only_batch_steps(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """H9: the closing hint of a batch whose speech could not be recorded names the batch's own
    way on (settle the row's attempt, run the batch again), never `talk --text`'s rerun, which
    would pay for another speech and a video the batch then makes again."""
    env = process_env(isolated.home, sandbox.base_url)
    rows = isolated.tmp / "r.csv"
    rows.write_text(
        "id,image_url,text,voice\n"
        "t1,https://example.com/bt1.jpg,Hello one,sbx-en-f-ava\n"
        "t2,https://example.com/bt2.jpg,Hello two,sbx-en-f-ava\n"
    )
    assert subprocess.run([AKOOL, "status"], env=env, capture_output=True).returncode == 0
    child: dict[str, int] = {}
    create = sandbox.state.create_speech

    def fill_the_disk(request: dict[str, object]) -> object:
        resource.prlimit(child["pid"], resource.RLIMIT_FSIZE, (1, 1))
        return create(request)

    sandbox.state.create_speech = fill_the_disk  # type: ignore[method-assign,assignment]
    process = subprocess.Popen(
        [AKOOL, "batch", str(rows), "-o", str(isolated.tmp / "out"), "-c", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child["pid"] = process.pid
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 10, stderr
    [speech] = stdout.split()
    assert f"--created {speech}" in stderr  # the row's own hint: settle it, then the batch again
    assert "akool talk" not in stderr and "--text" not in stderr, stderr
    hint = [line for line in stderr.splitlines() if line.startswith("Hint:")][-1]
    assert "run the batch again" in hint, hint


def test_sigterm_with_the_reader_gone_names_the_job_and_exits_143(
    isolated: Isolation,
    live_sandbox: Sandbox,  # noqa: F811
) -> None:
    """H14's CI shape: the pipeline is stopped while the create is in flight, its reader first;
    the create's answer comes within the grace, so the job is made and recorded, and its id
    cannot reach stdout: stderr names it, and the exit is the stop's (143), not 1."""
    stall = Stall(live_sandbox, "create_job")
    read, write = os.pipe()
    os.close(read)  # the reader is gone
    env = process_env(isolated.home, live_sandbox.base_url)
    try:
        process = subprocess.Popen(
            [AKOOL, "talk", "https://example.com/pp3.jpg", "https://example.com/hi.mp3"],
            env=env,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write)
    try:
        wait_for(lambda: stall.arrived.is_set() or process.poll() is not None, seconds=60)
        process.send_signal(signal.SIGTERM)
        stall.release.set()  # answered within akool's grace: the job is made
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    [job] = list(live_sandbox.state.jobs)
    assert f"job {job} was made (and billed)" in stderr and f"akool watch {job}" in stderr, stderr
    assert "Traceback" not in stderr
    assert process.returncode == 143, stderr


def test_a_batch_stopped_during_its_downloads_reports_no_row_done_without_its_file(
    isolated: Isolation,
) -> None:
    """H8: `batch -o DIR --json` stopped by SIGTERM while the videos download reported every
    row "done" with downloaded_path null: a CI step reading batch.json was told they exist."""
    import json

    from akool_cli.core.clock import SystemClock
    from akool_cli.sandbox import SandboxConfig
    from tests.support.batches import write_rows
    from tests.support.sandboxes import running

    config = SandboxConfig(processing_seconds=0, video_bytes=5_000_000, file_bytes_per_second=5e5)
    with running(config, SystemClock()) as server:
        env = process_env(isolated.home, server.base_url)
        rows = write_rows(isolated.tmp / "r.csv", 2)
        out = isolated.tmp / "out"
        process = subprocess.Popen(
            [AKOOL, "batch", str(rows), "-o", str(out), "--json", "--no-check"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(lambda: any(out.glob(".*")) or process.poll() is not None, seconds=60)
            process.send_signal(signal.SIGTERM)
            stdout, stderr = process.communicate(timeout=60)
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 143, stderr
    report = json.loads(stdout)
    unsaved = [r for r in report["results"] if r["state"] == "done" and not r["downloaded_path"]]
    assert unsaved == [], report
    assert report["done"] == sum(bool(r["downloaded_path"]) for r in report["results"])


def test_talk_reuse_to_its_own_saved_file_is_saved_earlier(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """H11: `talk --reuse -o FILE` run again after it succeeded exited 2 "FILE already exists",
    though FILE is the reused job's own saved video: a script under `set -e` failed on its own
    earlier success. Another file there is still refused before anything is billed."""
    from tests.support.runner import invoke

    target = str(isolated.tmp / "hello.mp4")
    args = ["talk", "https://example.com/tw.jpg", "https://example.com/hi.mp3", "--reuse"]
    first = invoke([*args, "-o", target])
    isolated.clock.advance(60)
    again = invoke([*args, "-o", target])
    assert again.stdout == first.stdout  # the same job, the same saved path
    assert "saved earlier" in again.stderr, again.stderr
    assert len(api_env.state.jobs) == 1
    other = ["talk", "https://example.com/other.jpg", "https://example.com/hi.mp3", "--reuse"]
    refused = invoke([*other, "-o", target], expect=2)
    assert "already exists" in refused.stderr and len(api_env.state.jobs) == 1


def test_status_while_another_process_holds_the_history_lock_shows_the_states(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H16: `akool status` while a sqlite3 shell (a backup, a frozen akool) holds the history's
    write lock waited, then exited 10 showing nothing; a read-only history shows its states.
    Now the states are shown (refreshed), with one warning that they were not saved."""
    from akool_cli.store import journal as journal_module
    from akool_cli.store.config import JOURNAL_FILE
    from tests.support.runner import invoke
    from tests.test_sigterm_history_lock import lock_held

    jobs = [invoke(["talk", f"https://e.com/p{n}.jpg", "https://e.com/s.mp3"]) for n in range(2)]
    isolated.clock.advance(60)  # done on the sandbox; "queued" in the history
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_MS", 300)  # the 30 s, shortened
    with lock_held(isolated.home / JOURNAL_FILE):
        shown = invoke(["status"])
    for job in jobs:
        assert job.stdout.strip() in shown.stdout
    assert "done" in shown.stdout
    assert shown.stderr.count("cannot be written (another process holds its write lock)") == 1

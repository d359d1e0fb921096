"""The promises under interruption: two runs at once, SIGTERM, dead owners, a full disk, other servers.

Each test fails on akool 0.1: two batch runs billed every row twice, SIGTERM left "unknown outcome"
rows, a reused PID looked alive, a full disk lost a billed id, and `status` asked the current
server about every job.
"""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store import owners
from akool_cli.store.journal import SCHEMA_VERSION, Journal
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import pointed_at, running

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def slow_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    """A real-time sandbox whose every answer takes a while, as AKOOL's sometimes do."""
    with running(SandboxConfig(processing_seconds=0.3, latency=0.4), SystemClock()) as server:
        yield server


def history(home: Path) -> tuple[dict[str, sqlite3.Row], list[sqlite3.Row]]:
    db = sqlite3.connect(home / "jobs.sqlite3")
    db.row_factory = sqlite3.Row
    try:
        jobs = {r["id"]: r for r in db.execute("SELECT * FROM jobs")}
        return jobs, list(db.execute("SELECT * FROM attempts"))
    finally:
        db.close()


def when_busy(sandbox: Sandbox, process: subprocess.Popen[str]) -> None:
    """Wait until akool's first request reaches the sandbox (start-up time varies with load)."""
    seen = len(sandbox.state.received)
    deadline = time.monotonic() + 60
    while len(sandbox.state.received) == seen and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [AKOOL, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


# -- 1. two runs of one batch -----------------------------------------------------------------


def test_two_runs_of_one_batch_at_once_create_each_row_once(
    isolated: Isolation, slow_sandbox: Sandbox
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 8)
    out = isolated.tmp / "videos"
    env = process_env(isolated.home, slow_sandbox.base_url)
    args = ("batch", str(rows), "-o", str(out), "--json", "--interval", "0.2", "-c", "4")
    first = start(env, *args)
    time.sleep(0.5)  # the second run starts while the first is creating
    second = start(env, *args)
    results = [p.communicate(timeout=120) for p in (first, second)]
    for process, (_, stderr) in zip((first, second), results, strict=True):
        assert process.returncode == 0, stderr
    reports = [json.loads(stdout) for stdout, _ in results]
    stats = slow_sandbox.state.stats()
    assert stats["jobs"] == 8 and stats["duplicates"] == 0
    # Both runs report the same job for each row, and each video once, whole.
    by_row = [{r["row"]: r["job_id"] for r in report["results"]} for report in reports]
    assert by_row[0] == by_row[1] and len(set(by_row[0].values())) == 8
    assert len(list(out.glob("*.mp4"))) == 8 and not list(out.glob(".*"))
    assert "picked up" in results[1][1] or "waiting" in results[1][1]


# -- 2. SIGTERM is Ctrl-C ---------------------------------------------------------------------


def test_sigterm_at_random_moments_of_a_batch_then_a_rerun(
    isolated: Isolation, slow_sandbox: Sandbox
) -> None:
    dice = random.Random(20261126)
    env = process_env(isolated.home, slow_sandbox.base_url)
    out = isolated.tmp / "videos"
    stopped = 0
    for run in range(4):
        rows = write_rows(isolated.tmp / f"rows{run}.csv", 6, tag=f"t{run}-")
        args = ("batch", str(rows), "-o", str(out), "--interval", "0.2", "-c", "3")
        process = start(env, *args)
        when_busy(slow_sandbox, process)
        time.sleep(dice.uniform(0.0, 1.2))
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode in (0, 143), stderr
        if process.returncode == 143:
            stopped += 1
            assert "Traceback" not in stderr
            assert f"akool batch {rows}" in stderr and "Hint:" in stderr
        again = subprocess.run([AKOOL, *args], env=env, capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
    assert stopped >= 2
    jobs, attempts = history(isolated.home)
    stats = slow_sandbox.state.stats()
    # Exactly one job per row, all recorded: no create was cut, so no outcome is unknown.
    assert stats["jobs"] == 24 == len(jobs) and stats["duplicates"] == 0
    assert not [a for a in attempts if a["outcome"] in ("sending", "unknown")]
    assert len(list(out.glob("*.mp4"))) == 24 and not list(out.glob(".*.part"))


def test_sigterm_during_talk_loses_no_id(isolated: Isolation, slow_sandbox: Sandbox) -> None:
    dice = random.Random(7)
    env = process_env(isolated.home, slow_sandbox.base_url)
    printed: list[str] = []
    codes = []
    for n in range(8):
        target = isolated.tmp / f"v{n}.mp4"
        process = start(env, "talk", f"https://example.com/p{n}.jpg", AUDIO, "-o", str(target))
        when_busy(slow_sandbox, process)  # the create is in flight now (it takes 0.4 s)
        time.sleep(dice.uniform(0.0, 1.0))
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
        codes.append(process.returncode)
        assert process.returncode in (0, 143), stderr
        printed += stdout.split()
        if process.returncode == 143 and stdout.strip():
            assert f"akool watch {stdout.strip()} -o {target}" in stderr
    jobs, attempts = history(isolated.home)
    # Every job AKOOL made was recorded and printed; none is left with an unknown outcome.
    assert set(slow_sandbox.state.jobs) == set(jobs) == set(printed)
    assert not [a for a in attempts if a["outcome"] in ("sending", "unknown")]
    assert codes.count(143) >= 5


# -- 3. a dead owner is recognised as dead -----------------------------------------------------


def test_an_attempt_whose_owner_is_gone_is_not_in_flight(isolated: Isolation) -> None:
    home = isolated.home
    with Journal(home / "jobs.sqlite3") as journal:
        attempt = journal.begin_attempt("http://127.0.0.1:1", "default", "talking_photo", {})
    # As after a reboot or in a fresh container: the PID is alive (it is this one's parent's, or
    # 1), but no process holds the owner's lock.
    db = sqlite3.connect(home / "jobs.sqlite3")
    db.execute("UPDATE attempts SET pid = 1, owner = '1-0000' WHERE id = ?", (attempt,))
    db.commit()
    db.close()
    with Journal(home / "jobs.sqlite3") as journal:
        assert [a.id for a in journal.open_attempts()] == [attempt]


def test_a_live_owner_in_another_process_is_in_flight_until_it_dies(isolated: Isolation) -> None:
    home = isolated.home
    home.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            "python3",
            "-c",
            "import sys, time; from pathlib import Path; from akool_cli.store import owners;"
            "print(owners.token_for(Path(sys.argv[1])), flush=True); time.sleep(60)",
            str(home),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert holder.stdout is not None
    token = holder.stdout.readline().strip()
    try:
        assert owners.is_alive(home, token)
    finally:
        holder.kill()
        holder.wait()
    assert not owners.is_alive(home, token)
    assert not (home / owners.OWNERS_DIR / f"{token}.lock").exists()  # tidied


def test_a_batch_row_claimed_by_a_dead_run_is_reported_not_created(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 1)
    invoke(["batch", str(rows), "--dry-run"])
    from akool_cli.jobs.batch import load_rows, validate

    [item], _ = validate(load_rows(rows))
    with Journal(isolated.home / "jobs.sqlite3") as journal:
        claim = journal.claim(item.key, api_env.base_url, "default", "talking_photo", {})
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    # It noted the body it was sending (every create does before it sends), then died.
    db.execute("UPDATE attempts SET pid = 1, owner = '1-0000', body = 'its body'")
    db.commit()
    db.close()
    assert claim.attempt_id is not None
    result = invoke(["batch", str(rows), "--json"], expect=9)
    assert json.loads(result.stdout)["results"][0]["state"] == "unknown"
    assert api_env.state.stats()["jobs"] == 0


def test_a_batch_row_claimed_by_a_dead_run_that_never_sent_it_is_created_once(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """A claim with no body noted never left (break17k K10: a full disk failed the note and the
    give-back): its run is dead, so the row is made, once."""
    rows = write_rows(isolated.tmp / "rows.csv", 1)
    invoke(["batch", str(rows), "--dry-run"])
    from akool_cli.jobs.batch import load_rows, validate

    [item], _ = validate(load_rows(rows))
    with Journal(isolated.home / "jobs.sqlite3") as journal:
        journal.claim(item.key, api_env.base_url, "default", "talking_photo", {})
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.execute("UPDATE attempts SET pid = 1, owner = '1-0000'")
    db.commit()
    db.close()
    result = invoke(["batch", str(rows), "--json"])
    assert json.loads(result.stdout)["results"][0]["state"] == "done"
    assert api_env.state.stats()["jobs"] == 1


# -- 4. a full disk never loses a billed job id ------------------------------------------------


def run_filling_the_disk(
    sandbox: Sandbox, env: dict[str, str], *args: str
) -> tuple[str, str, subprocess.Popen[str]]:
    """Run akool with a history that exists, and fill its disk the moment AKOOL bills a job
    (no write may grow any file from then on); returns stdout, stderr and the process."""
    assert subprocess.run([AKOOL, "status"], env=env, capture_output=True).returncode == 0
    child: dict[str, int] = {}
    create = sandbox.state.create_job

    def fill_the_disk(*call: object, **kwargs: object) -> object:
        resource.prlimit(child["pid"], resource.RLIMIT_FSIZE, (1, 1))
        return create(*call, **kwargs)  # type: ignore[arg-type]

    sandbox.state.create_job = fill_the_disk  # type: ignore[method-assign,assignment]
    process = start(env, *args)
    child["pid"] = process.pid
    stdout, stderr = process.communicate(timeout=60)
    return stdout, stderr, process


def test_a_history_that_cannot_be_written_still_prints_the_billed_id(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    env = process_env(isolated.home, sandbox.base_url)
    stdout, stderr, process = run_filling_the_disk(sandbox, env, "talk", IMAGE, AUDIO)
    assert len(sandbox.state.jobs) == 1, stderr
    [job_id] = sandbox.state.jobs
    assert process.returncode == 10, stderr
    assert stdout == job_id + "\n"
    assert stderr.count("Error:") == 1 and "could not record it" in stderr and job_id in stderr
    assert "Traceback" not in stderr and "report it" not in stderr


def test_an_unusable_akool_home_is_named(isolated: Isolation, sandbox: Sandbox) -> None:
    blocker = isolated.tmp / "a-file"
    blocker.write_text("not a folder")
    env = process_env(blocker / "home", sandbox.base_url)
    rows = write_rows(isolated.tmp / "rows.csv", 1)
    for args in (["status"], ["talk", IMAGE, AUDIO], ["batch", "--dry-run", str(rows)]):
        done = subprocess.run([AKOOL, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 10 and str(blocker) in done.stderr, (args, done.stderr)
        assert "report it" not in done.stderr and done.stderr.count("Error:") == 1
    assert sandbox.state.stats()["jobs"] == 0  # nothing billed without a place to record it


# -- 6. every job is refreshed from the server that made it -----------------------------------


def test_status_asks_each_job_its_own_server(
    isolated: Isolation, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    first = invoke(["--base-url", sandbox.base_url, "talk", IMAGE, AUDIO]).stdout.strip()
    with pointed_at(SandboxConfig(processing_seconds=6.0), isolated.clock, monkeypatch) as other:
        second = invoke(["talk", "https://example.com/b.jpg", AUDIO]).stdout.strip()
        isolated.clock.advance(60)
        views = {v["id"]: v for v in json.loads(invoke(["status", "--json"]).stdout)}
        assert views[first]["state"] == "done" and views[second]["state"] == "done"
        assert sandbox.state.polls[first] == 1 and first not in other.state.polls
    third = invoke(["--base-url", sandbox.base_url, "talk", "https://e.com/c.jpg", AUDIO])
    sandbox.stop()  # the server that made it is gone now
    result = invoke(["status", "--json"])
    views = {v["id"]: v for v in json.loads(result.stdout)}
    assert views[third.stdout.strip()]["state"] == "queued"
    assert "showing the last known state" in result.stderr


# -- 11. hints that resume ---------------------------------------------------------------------


def test_an_interrupted_batch_hint_repeats_the_whole_command(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    monkeypatch.chdir(isolated.tmp)

    def interrupted(*a: object, **kw: object) -> Iterator[object]:
        raise KeyboardInterrupt
        yield

    from akool_cli.jobs.watcher import Watcher

    events = Watcher.events
    monkeypatch.setattr(Watcher, "events", interrupted)
    args = ["batch", rows.name, "--output-dir", "campaign dir/", "--concurrency", "2"]
    result = invoke(args, expect=130)
    assert "akool batch campaign.csv --output-dir 'campaign dir/' --concurrency 2" in result.stderr
    # With --json the rows so far are still one document (then the error): no created id is lost.
    stopped = invoke([*args, "--json"], expect=130)
    report = json.loads(stopped.stdout)
    assert [r["row"] for r in report["results"]] == [2, 3]
    assert (isolated.tmp / "campaign dir").is_dir()
    monkeypatch.setattr(Watcher, "events", events)
    invoke(args)  # as printed: every row finishes and is downloaded
    assert len(list((isolated.tmp / "campaign dir").glob("*.mp4"))) == 2


def test_dry_run_does_not_need_the_output_folder(api_env: Sandbox, isolated: Isolation) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    plan = json.loads(
        invoke(["batch", str(rows), "--dry-run", "--json", "-o", str(isolated.tmp / "new")]).stdout
    )
    assert [r["row"] for r in plan["rows"]] == [2, 3] and not (isolated.tmp / "new").exists()


def test_an_attempt_sending_for_too_long_is_not_in_flight(isolated: Isolation) -> None:
    # A frozen (SIGSTOP) owner, or a history from akool 0.1 whose PID is reused, must not make
    # a batch wait forever: after 10 minutes a "sending" attempt is an unknown outcome.
    with Journal(isolated.home / "jobs.sqlite3") as journal:
        attempt = journal.begin_attempt("http://127.0.0.1:1", "default", "talking_photo", {})
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.execute("UPDATE attempts SET owner = '', pid = 1 WHERE id = ?", (attempt,))
    db.commit()
    db.close()
    with Journal(isolated.home / "jobs.sqlite3") as journal:
        assert journal.open_attempts() == []  # pid 1 is alive: in flight, for now
        isolated.clock.advance(11 * 60)
        assert [a.id for a in journal.open_attempts()] == [attempt]


def test_a_batch_whose_history_fills_up_prints_every_billed_id(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    env = process_env(isolated.home, sandbox.base_url)
    rows = write_rows(isolated.tmp / "rows.csv", 4)
    stdout, stderr, process = run_filling_the_disk(sandbox, env, "batch", str(rows), "-c", "1")
    assert process.returncode == 10, stderr
    # Every job AKOOL billed is printed on stdout; nothing more was created after the disk filled.
    assert set(stdout.split()) == set(sandbox.state.jobs) and len(sandbox.state.jobs) == 1
    assert "Traceback" not in stderr and "the batch stopped" in stderr


def test_a_clean_exit_leaves_no_owner_lock(api_env: Sandbox, isolated: Isolation) -> None:
    for _ in range(3):
        invoke(["talk", IMAGE, AUDIO])
    assert list((isolated.home / owners.OWNERS_DIR).glob("*.lock")) == []


# The history akool 0.1 wrote (schema 1, no user_version): what an upgrade finds on disk.
SCHEMA_0_1 = """
CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'talking_photo',
    created_at REAL NOT NULL, updated_at REAL NOT NULL, base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default', inputs TEXT NOT NULL DEFAULT '{}',
    video_status INTEGER NOT NULL DEFAULT 1, video_url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '', downloaded_path TEXT NOT NULL DEFAULT '', size INTEGER,
    sha256 TEXT NOT NULL DEFAULT '');
CREATE INDEX jobs_created ON jobs (created_at);
CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at REAL NOT NULL,
    pid INTEGER NOT NULL, base_url TEXT NOT NULL DEFAULT '', profile TEXT NOT NULL DEFAULT
    'default', kind TEXT NOT NULL DEFAULT 'talking_photo', inputs TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL DEFAULT 'sending', detail TEXT NOT NULL DEFAULT '', job_id TEXT);
"""


def test_a_history_of_akool_0_1_is_migrated_in_place(api_env: Sandbox, isolated: Isolation) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    from akool_cli.jobs.batch import load_rows, validate

    items, _ = validate(load_rows(rows))
    isolated.home.mkdir(parents=True)
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.executescript(SCHEMA_0_1)
    # Row r0 was created by akool 0.1, which keyed rows by their id and line.
    legacy = items[0].legacy_key or items[0].key
    db.execute(
        "INSERT INTO jobs (id, created_at, updated_at, base_url, inputs) VALUES (?, 1, 1, ?, ?)",
        ("0123456789abcdef01234567", api_env.base_url, json.dumps({"batch_key": legacy})),
    )
    db.commit()
    db.close()
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert [r["action"] for r in plan["rows"]] == ["pick up 0123456789abcdef01234567", "create"]
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    key = db.execute("SELECT batch_key FROM jobs").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert version == SCHEMA_VERSION and key == legacy
    assert {"callbacks_handled", "uploads"} <= tables

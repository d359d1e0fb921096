"""Jobs belong to one server and account: a rehearsal never stands for the real run.

Each test fails on akool before issue 17: a batch row was found by its key alone, so a rehearsal
on the sandbox made the real run create nothing and report every row done.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.journal import MIGRATIONS, SCHEMA_VERSION, Journal
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running

AUDIO = "https://example.com/speech.mp3"
VOICE = "sbx-en-f-ava"


@pytest.fixture
def production(isolated: Isolation) -> Iterator[Sandbox]:
    """A second sandbox on another port, standing in for AKOOL's production host."""
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as server:
        yield server


@pytest.fixture
def rehearsal(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as server:
        yield server


def batch_on(
    server: Sandbox, rows: Path, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> dict[str, Any]:
    point_at(server, monkeypatch)
    return json.loads(invoke(["batch", str(rows), "--json", *extra]).stdout)  # type: ignore[no-any-return]


def test_a_rehearsal_on_the_sandbox_never_stands_for_the_real_run(
    isolated: Isolation,
    rehearsal: Sandbox,
    production: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # docs/ci.md's recipe: rehearse on the sandbox, then run for real with the same AKOOL_HOME.
    rows = write_rows(isolated.tmp / "campaign.csv", 20)
    first = batch_on(rehearsal, rows, monkeypatch)
    assert first["done"] == 20 and len(rehearsal.state.jobs) == 20
    monkeypatch.setenv("AKOOL_BASE_URL", production.base_url)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert {row["action"] for row in plan["rows"]} == {"create"}
    real = batch_on(production, rows, monkeypatch)
    assert real["done"] == 20 and len(production.state.jobs) == 20
    assert {r["job_id"] for r in real["results"]} == set(production.state.jobs)
    assert not any(r["resumed"] for r in real["results"])
    # And each server's rows are still its own: running the rehearsal again creates nothing.
    again = batch_on(rehearsal, rows, monkeypatch)
    assert all(r["resumed"] for r in again["results"]) and len(rehearsal.state.jobs) == 20


def test_a_second_profile_of_another_key_never_stands_for_the_first(
    isolated: Isolation, production: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 3)
    batch_on(production, rows, monkeypatch)
    production.state.config.api_key = "client-b-accounts-key-0123456789"
    monkeypatch.setenv("AKOOL_API_KEY", "client-b-accounts-key-0123456789")
    other = json.loads(invoke(["batch", str(rows), "--json", "--profile", "client-b"]).stdout)
    assert len(production.state.jobs) == 6 and not any(r["resumed"] for r in other["results"])
    # The same key under a second profile name is the same account: its rows stand (break17j
    # J14; tests/test_fixl17.py).


def test_a_speech_is_reused_only_by_its_own_account(
    isolated: Isolation, production: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(production, monkeypatch)
    talk = ["talk", "https://example.com/p.jpg", "--text", "Hello there", "--voice", VOICE]
    invoke(talk)
    invoke(talk)  # the same text again: its speech is reused
    assert len(production.state.speech) == 1
    production.state.config.api_key = "client-b-accounts-key-0123456789"
    monkeypatch.setenv("AKOOL_API_KEY", "client-b-accounts-key-0123456789")
    invoke(["--profile", "client-b", *talk])
    assert len(production.state.speech) == 2 and len(production.state.jobs) == 3


def test_a_different_account_on_one_server_never_picks_up_a_row(
    isolated: Isolation, production: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    batch_on(production, rows, monkeypatch)
    production.state.config.api_key = "another-accounts-key-0123456789ab"
    monkeypatch.setenv("AKOOL_API_KEY", "another-accounts-key-0123456789ab")
    # akool cannot tell another account from a rotated key: it asks (tests/test_accounts.py).
    invoke(["batch", str(rows)], expect=3)
    second = json.loads(invoke(["batch", str(rows), "--json", "--new-account"]).stdout)
    assert len(production.state.jobs) == 4 and not any(r["resumed"] for r in second["results"])


# The history akool 0.2 wrote (PRAGMA user_version 3), statement for statement.
SCHEMA_3 = """
CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'talking_photo',
    created_at REAL NOT NULL, updated_at REAL NOT NULL, base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default', inputs TEXT NOT NULL DEFAULT '{}',
    video_status INTEGER NOT NULL DEFAULT 1, video_url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '', downloaded_path TEXT NOT NULL DEFAULT '', size INTEGER,
    sha256 TEXT NOT NULL DEFAULT '', batch_key TEXT, label TEXT NOT NULL DEFAULT '');
CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at REAL NOT NULL,
    pid INTEGER NOT NULL, base_url TEXT NOT NULL DEFAULT '', profile TEXT NOT NULL DEFAULT
    'default', kind TEXT NOT NULL DEFAULT 'talking_photo', inputs TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL DEFAULT 'sending', detail TEXT NOT NULL DEFAULT '', job_id TEXT,
    owner TEXT NOT NULL DEFAULT '', batch_key TEXT);
CREATE INDEX jobs_created ON jobs (created_at);
CREATE INDEX jobs_batch_key ON jobs (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX attempts_batch_key ON attempts (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX attempts_open ON attempts (outcome, started_at);
CREATE TABLE callbacks_handled (job_id TEXT NOT NULL, status INTEGER NOT NULL,
    handled_at REAL NOT NULL, PRIMARY KEY (job_id, status));
CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, uploaded_at REAL NOT NULL,
    local_path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL, endpoint TEXT NOT NULL DEFAULT '', bucket TEXT NOT NULL,
    key TEXT NOT NULL, url TEXT NOT NULL DEFAULT '', expires_at REAL);
CREATE INDEX uploads_object ON uploads (endpoint, bucket, key);
CREATE INDEX uploads_path ON uploads (local_path, size, mtime_ns);
PRAGMA user_version = 3;
"""


def test_a_history_of_the_previous_schema_is_migrated_in_place(
    isolated: Isolation, production: Sandbox, rehearsal: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    from akool_cli.jobs.batch import load_rows, validate

    items, _ = validate(load_rows(rows))
    isolated.home.mkdir(parents=True)
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.executescript(SCHEMA_3)
    # Row r0 was made on the production server before accounts were recorded.
    made = "0123456789abcdef01234567"
    db.execute(
        "INSERT INTO jobs (id, created_at, updated_at, base_url, inputs, video_status, batch_key, "
        "label) VALUES (?, 1, 1, ?, '{}', 3, ?, 'r0')",
        (made, production.base_url, items[0].key),
    )
    db.execute(
        "INSERT INTO uploads (uploaded_at, local_path, size, sha256, bucket, key) "
        "VALUES (1, '/tmp/p.jpg', 3, 'ab', 'b', 'k')"
    )
    db.commit()
    db.close()
    point_at(production, monkeypatch)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert [r["action"] for r in plan["rows"]] == [f"pick up {made}", "create"]
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    job = db.execute("SELECT batch_key, account, base_url FROM jobs").fetchone()
    uploads = db.execute("SELECT count(*) FROM uploads").fetchone()[0]
    db.close()
    assert version == SCHEMA_VERSION and names == [name for name, _ in MIGRATIONS]
    assert job == (items[0].key, "", production.base_url) and uploads == 1
    # On another server the same row is new; on its own server it is picked up, not made again.
    assert batch_on(rehearsal, rows, monkeypatch)["done"] == 2 and len(rehearsal.state.jobs) == 2
    assert len(production.state.jobs) == 0


def test_a_history_from_a_newer_akool_is_refused_not_changed(isolated: Isolation) -> None:
    with Journal(isolated.home / "jobs.sqlite3"):
        pass
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('m999_from_the_future', 1)")
    db.execute("PRAGMA user_version = 999")
    db.commit()
    db.close()
    result = invoke(["status"], expect=10)
    assert "newer akool (m999_from_the_future)" in result.stderr and "Hint:" in result.stderr


# -- a key goes only to the servers it was made for ----------------------------------------------

PRODUCTION_KEY = "production-key-0123456789abcdef01"
IMAGE = "https://example.com/portrait.jpg"


def keys_seen(server: Sandbox) -> set[str]:
    return {r.headers["x-api-key"] for r in server.state.received if "x-api-key" in r.headers}


@pytest.fixture
def slow_production(isolated: Isolation) -> Iterator[Sandbox]:
    """The production stand-in, with its own key; jobs take a minute, so status refreshes them."""
    config = SandboxConfig(processing_seconds=60.0, api_key=PRODUCTION_KEY)
    with running(config, isolated.clock) as server:
        yield server


@pytest.fixture
def slow_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=60.0), isolated.clock) as server:
        yield server


def test_status_after_a_sandbox_session_sends_the_production_key_only_to_production(
    isolated: Isolation,
    slow_sandbox: Sandbox,
    slow_production: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    point_at(slow_sandbox, monkeypatch)
    rehearsed = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    point_at(slow_production, monkeypatch, PRODUCTION_KEY)
    real = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    result = invoke(["status", "--json"])
    views = {view["id"]: view for view in json.loads(result.stdout)}
    assert views[real]["state"] == "queued" and views[rehearsed]["state"] == "queued"
    assert f"{rehearsed}: showing the last known state" in result.stderr
    watched = invoke(["watch", rehearsed, "--timeout", "1"], expect=3)
    assert "never sends a key to a server it was not made for" in watched.stderr
    # Each server saw only its own key.
    assert keys_seen(slow_sandbox) == {SANDBOX_API_KEY}
    assert keys_seen(slow_production) == {PRODUCTION_KEY}
    assert slow_production.state.polls == {real: 1}


def test_a_job_of_another_profile_is_asked_with_that_profiles_key(
    isolated: Isolation,
    slow_sandbox: Sandbox,
    slow_production: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Keys in the keyring: the default profile logged in to production, "rehearsal" to the sandbox.
    invoke(["--base-url", slow_production.base_url, "login"], input=PRODUCTION_KEY)
    invoke(
        ["--profile", "rehearsal", "--base-url", slow_sandbox.base_url, "login"],
        input=SANDBOX_API_KEY,
    )
    rehearsed = invoke(["--profile", "rehearsal", "talk", IMAGE, AUDIO]).stdout.strip()
    real = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(61)
    views = {view["id"]: view for view in json.loads(invoke(["status", "--json"]).stdout)}
    assert views[rehearsed]["state"] == "done" and views[real]["state"] == "done"
    assert slow_sandbox.state.polls == {rehearsed: 1} and slow_production.state.polls == {real: 1}
    assert keys_seen(slow_sandbox) == {SANDBOX_API_KEY}
    assert keys_seen(slow_production) == {PRODUCTION_KEY}

"""The local job history: every job akool created, durably recorded before anything is printed.

SQLite in WAL mode with synchronous=FULL (a commit is fsync'd) and a busy timeout, so several akool
processes at once never lose or corrupt rows. Create attempts are written before the request is
sent, so a job whose answer never arrived (a crash, a timeout) is still listed as "unknown outcome".
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akool_cli.config import make_private_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'talking_photo',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default',
    inputs TEXT NOT NULL DEFAULT '{}',
    video_status INTEGER NOT NULL DEFAULT 1,
    video_url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    downloaded_path TEXT NOT NULL DEFAULT '',
    size INTEGER,
    sha256 TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL,
    pid INTEGER NOT NULL,
    base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default',
    kind TEXT NOT NULL DEFAULT 'talking_photo',
    inputs TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL DEFAULT 'sending',
    detail TEXT NOT NULL DEFAULT '',
    job_id TEXT
);
"""

BUSY_TIMEOUT_MS = 30_000
UNKNOWN_KEPT_SECONDS = 7 * 86400  # AKOOL keeps results for 7 days


@dataclass
class JobRecord:
    id: str
    created_at: float
    updated_at: float
    kind: str = "talking_photo"
    base_url: str = ""
    profile: str = "default"
    inputs: dict[str, Any] = field(default_factory=dict)
    video_status: int = 1
    video_url: str = ""
    error: str = ""
    downloaded_path: str = ""
    size: int | None = None
    sha256: str = ""


@dataclass
class AttemptRecord:
    id: int
    started_at: float
    pid: int
    base_url: str
    inputs: dict[str, Any]
    outcome: str
    detail: str
    kind: str = "talking_photo"


class Journal:
    """One SQLite file; open per command, close when done."""

    def __init__(self, path: Path) -> None:
        self.path = path
        make_private_file(path)  # 0600 before SQLite opens it: its -wal and -shm copy the mode
        self._db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        # FULL: every commit is fsync'd, so a job id survives SIGKILL or power loss once recorded.
        self._db.execute("PRAGMA synchronous = FULL")
        with self._transaction():
            for statement in filter(str.strip, SCHEMA.split(";")):
                self._db.execute(statement)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: concurrent writers queue on the busy timeout
        # instead of failing half-way with "database is locked".
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- create attempts ------------------------------------------------------------------------

    def begin_attempt(self, base_url: str, profile: str, kind: str, inputs: dict[str, Any]) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO attempts (started_at, pid, base_url, profile, kind, inputs) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (time.time(), os.getpid(), base_url, profile, kind, json.dumps(inputs)),
            )
            return int(cursor.lastrowid or 0)

    def attempt_not_sent(self, attempt_id: int) -> None:
        """The request certainly never reached AKOOL: nothing to remember."""
        with self._transaction() as db:
            db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def attempt_unknown(self, attempt_id: int, detail: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE attempts SET outcome = 'unknown', detail = ? WHERE id = ?",
                (detail, attempt_id),
            )

    def attempt_rejected(self, attempt_id: int, detail: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE attempts SET outcome = 'rejected', detail = ? WHERE id = ?",
                (detail, attempt_id),
            )

    def record_created(self, attempt_id: int | None, job: JobRecord) -> None:
        """The job row and the attempt's outcome in one fsync'd commit."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO jobs (id, kind, created_at, updated_at, base_url, profile, "
                "inputs, video_status, video_url, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    job.kind,
                    job.created_at,
                    job.updated_at,
                    job.base_url,
                    job.profile,
                    json.dumps(job.inputs),
                    job.video_status,
                    job.video_url,
                    job.error,
                ),
            )
            if attempt_id is not None:
                db.execute(
                    "UPDATE attempts SET outcome = 'created', job_id = ? WHERE id = ?",
                    (job.id, attempt_id),
                )

    def open_attempts(self, max_age: float = UNKNOWN_KEPT_SECONDS) -> list[AttemptRecord]:
        """Create attempts whose outcome is unknown: answered by nobody, or by a process now gone.

        Only recent ones: after AKOOL's 7-day retention there is nothing left to check.
        """
        rows = self._db.execute(
            "SELECT * FROM attempts WHERE outcome IN ('sending', 'unknown') AND started_at > ? "
            "ORDER BY id",
            (time.time() - max_age,),
        ).fetchall()
        found = []
        for row in rows:
            if row["outcome"] == "sending" and _process_alive(row["pid"]):
                continue  # another akool is still waiting for that answer
            found.append(
                AttemptRecord(
                    id=row["id"],
                    started_at=row["started_at"],
                    pid=row["pid"],
                    base_url=row["base_url"],
                    inputs=json.loads(row["inputs"]),
                    outcome="unknown",
                    detail=row["detail"] or "akool stopped before AKOOL's answer arrived",
                    kind=row["kind"],
                )
            )
        return found

    def dismiss_attempt(self, attempt_id: int) -> bool:
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE attempts SET outcome = 'dismissed' WHERE id = ? "
                "AND outcome IN ('sending', 'unknown')",
                (attempt_id,),
            )
            return cursor.rowcount > 0

    # -- jobs -------------------------------------------------------------------------------------

    def get(self, job_id: str) -> JobRecord | None:
        row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def recent(self, limit: int, kind: str = "talking_photo") -> list[JobRecord]:
        rows = self._db.execute(
            "SELECT * FROM jobs WHERE kind = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (kind, limit),
        ).fetchall()
        return [_job(r) for r in rows]

    def find_by_key(self, batch_key: str, kind: str = "talking_photo") -> JobRecord | None:
        """The job a batch row created earlier (its inputs carry the row's key)."""
        row = self._db.execute(
            "SELECT * FROM jobs WHERE kind = ? AND json_extract(inputs, '$.batch_key') = ? "
            "ORDER BY created_at DESC LIMIT 1",
            (kind, batch_key),
        ).fetchone()
        return _job(row) if row else None

    def unknown_attempt_for_key(self, batch_key: str) -> AttemptRecord | None:
        """An earlier create for this row whose outcome nobody knows (never resent blindly)."""
        for attempt in self.open_attempts():
            if attempt.inputs.get("batch_key") == batch_key:
                return attempt
        return None

    def update_state(self, job_id: str, video_status: int, video_url: str, error: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET video_status = ?, video_url = ?, error = ?, updated_at = ? "
                "WHERE id = ?",
                (video_status, video_url, error, time.time(), job_id),
            )

    def record_download(self, job_id: str, path: str, size: int, sha256: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET downloaded_path = ?, size = ?, sha256 = ?, updated_at = ? "
                "WHERE id = ?",
                (path, size, sha256, time.time(), job_id),
            )


def _job(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        id=row["id"],
        kind=row["kind"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        base_url=row["base_url"],
        profile=row["profile"],
        inputs=json.loads(row["inputs"]),
        video_status=row["video_status"],
        video_url=row["video_url"],
        error=row["error"],
        downloaded_path=row["downloaded_path"],
        size=row["size"],
        sha256=row["sha256"],
    )


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is not waiting: whoever asks is past that point
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

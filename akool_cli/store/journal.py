"""The local job history: every job akool created, durably recorded before anything is printed.

SQLite in WAL mode with synchronous=FULL (a commit is fsync'd) and a busy timeout, so several akool
processes at once never lose or corrupt rows. Create attempts are written before the request is
sent, so a job whose answer never arrived (a crash, a timeout) is still listed as "unknown outcome";
a batch row's attempt doubles as its claim, so two runs of one file never create a row twice.
Every lookup made per row or per job uses an index (a test asks SQLite for each plan).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import LocalStateError
from akool_cli.store import owners
from akool_cli.store.config import make_private_dir

SCHEMA_VERSION = 3
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
    sha256 TEXT NOT NULL DEFAULT '',
    batch_key TEXT,
    label TEXT NOT NULL DEFAULT ''
);
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
    job_id TEXT,
    owner TEXT NOT NULL DEFAULT '',
    batch_key TEXT
)
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
CREATE INDEX IF NOT EXISTS jobs_batch_key ON jobs (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS attempts_batch_key ON attempts (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS attempts_open ON attempts (outcome, started_at)
"""
# A history written by akool 0.1 (schema 1): new columns, filled from the inputs they duplicate.
MIGRATE_FROM_1 = """
ALTER TABLE jobs ADD COLUMN batch_key TEXT;
ALTER TABLE jobs ADD COLUMN label TEXT NOT NULL DEFAULT '';
UPDATE jobs SET batch_key = json_extract(inputs, '$.batch_key');
ALTER TABLE attempts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN batch_key TEXT;
UPDATE attempts SET batch_key = json_extract(inputs, '$.batch_key')
"""

# Schema 3: the callbacks `webhook serve` handled (so a restarted receiver skips AKOOL's retries
# of them), and the files `--upload-to` put in the user's bucket.
ADDED_IN_3 = """
CREATE TABLE IF NOT EXISTS callbacks_handled (
    job_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    handled_at REAL NOT NULL,
    PRIMARY KEY (job_id, status)
);
CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uploaded_at REAL NOT NULL,
    local_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    endpoint TEXT NOT NULL DEFAULT '',
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    expires_at REAL
);
CREATE INDEX IF NOT EXISTS uploads_object ON uploads (endpoint, bucket, key);
CREATE INDEX IF NOT EXISTS uploads_path ON uploads (local_path, size, mtime_ns)
"""

# The queries run once per row or per job.
LOOKUPS: dict[str, str] = {
    "job_by_id": "SELECT * FROM jobs WHERE id = ?",
    "job_by_key": "SELECT * FROM jobs WHERE batch_key = ? ORDER BY created_at DESC LIMIT 1",
    "attempts_by_key": "SELECT * FROM attempts WHERE batch_key = ? "
    "AND outcome IN ('sending', 'unknown') AND started_at > ? ORDER BY id",
    "attempt_by_id": "SELECT * FROM attempts WHERE id = ?",
    "open_attempts": "SELECT * FROM attempts WHERE outcome IN ('sending', 'unknown') "
    "AND started_at > ? ORDER BY id",
    "recent": "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?",
}

BUSY_TIMEOUT_MS = 30_000
# A create's whole exchange is bounded (90 s); after this long an attempt still marked "sending"
# belongs to a process that is gone or frozen, and its outcome is unknown, not in flight.
SENDING_AT_MOST = 10 * 60
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
    batch_key: str | None = None
    label: str = ""

    def saved_at(self, target: Path) -> bool:
        """Whether this job's recorded download is the file at `target`, whole: nothing to fetch."""
        return (
            self.downloaded_path == str(target.absolute())
            and target.is_file()
            and target.stat().st_size == self.size
        )


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
    job_id: str | None = None


@dataclass(frozen=True)
class Claim:
    """What a batch row's claim found: exactly one of the fields is set."""

    attempt_id: int | None = None  # claimed: this process may send the create
    job: JobRecord | None = None  # created earlier: follow it
    busy: AttemptRecord | None = None  # another live akool is sending it right now
    unknown: AttemptRecord | None = None  # an earlier create's outcome is unknown


class Journal:
    """One SQLite file; open per command, close when done. Safe to share between threads."""

    def __init__(self, path: Path, *, clock: Clock | None = None) -> None:
        self.path = path
        self.home = path.parent
        self.clock = clock or current()
        self._lock = threading.RLock()
        with _local_state(path, "open"):
            make_private_dir(path.parent)  # and any parent it creates: 0700 whatever the umask
            self._db = _connect(path)
            self._migrate()

    def _migrate(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LocalStateError(
                    f"the history {self.path} was written by a newer akool (schema {version})",
                    hint="upgrade akool, or set AKOOL_HOME to another folder",
                    path=str(self.path),
                )
            if version == SCHEMA_VERSION:
                return
            exists = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'jobs'"
            ).fetchone()
            # 0: a new file, or akool 0.1's (jobs exists); 2: before callbacks and uploads.
            steps = [] if version >= 2 else [SCHEMA if not exists else MIGRATE_FROM_1, INDEXES]
            steps.append(ADDED_IN_3)
            for statement in filter(str.strip, ";".join(steps).split(";")):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: concurrent writers queue on the busy timeout
        # instead of failing half-way with "database is locked".
        with self._lock, _local_state(self.path, "write"):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def _read(self, sql: str, args: tuple[Any, ...]) -> list[sqlite3.Row]:
        with self._lock, _local_state(self.path, "read"):
            return self._db.execute(sql, args).fetchall()

    # -- create attempts ------------------------------------------------------------------------

    def begin_attempt(
        self,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
        *,
        batch_key: str | None = None,
    ) -> int:
        with self._transaction() as db:
            return self._insert_attempt(db, base_url, profile, kind, inputs, batch_key)

    def _insert_attempt(
        self,
        db: sqlite3.Connection,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
        batch_key: str | None,
    ) -> int:
        cursor = db.execute(
            "INSERT INTO attempts (started_at, pid, base_url, profile, kind, inputs, owner, "
            "batch_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.clock.time(),
                os.getpid(),
                base_url,
                profile,
                kind,
                json.dumps(inputs),
                owners.token_for(self.home),
                batch_key,
            ),
        )
        return int(cursor.lastrowid or 0)

    def claim(
        self,
        batch_key: str,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
    ) -> Claim:
        """Claim a batch row for a create, in one transaction with the checks that forbid it."""
        with self._transaction() as db:
            row = db.execute(LOOKUPS["job_by_key"], (batch_key,)).fetchone()
            if row is not None:
                return Claim(job=_job(row))
            cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
            for attempt in db.execute(LOOKUPS["attempts_by_key"], (batch_key, cutoff)):
                if attempt["outcome"] == "sending" and self._owner_alive(attempt):
                    return Claim(busy=_attempt(attempt))
                return Claim(unknown=_attempt(attempt))
            attempt_id = self._insert_attempt(db, base_url, profile, kind, inputs, batch_key)
            return Claim(attempt_id=attempt_id)

    def attempt(self, attempt_id: int) -> AttemptRecord | None:
        rows = self._read(LOOKUPS["attempt_by_id"], (attempt_id,))
        return _attempt(rows[0]) if rows else None

    def attempt_not_sent(self, attempt_id: int) -> None:
        """The request certainly never reached AKOOL: nothing to remember."""
        with self._transaction() as db:
            db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def attempt_unknown(self, attempt_id: int, detail: str) -> None:
        self._set_outcome(attempt_id, "unknown", detail)

    def attempt_rejected(self, attempt_id: int, detail: str) -> None:
        self._set_outcome(attempt_id, "rejected", detail)

    def _set_outcome(self, attempt_id: int, outcome: str, detail: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE attempts SET outcome = ?, detail = ? WHERE id = ?",
                (outcome, detail, attempt_id),
            )

    def record_created(self, attempt_id: int | None, job: JobRecord) -> None:
        """The job row and the attempt's outcome in one fsync'd commit."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO jobs (id, kind, created_at, updated_at, base_url, profile, "
                "inputs, video_status, video_url, error, batch_key, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    job.batch_key,
                    job.label,
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
        rows = self._read(LOOKUPS["open_attempts"], (self.clock.time() - max_age,))
        return [
            _attempt(row, unknown=True)
            for row in rows
            if not (row["outcome"] == "sending" and self._owner_alive(row))
        ]

    def _owner_alive(self, row: sqlite3.Row) -> bool:
        if row["started_at"] < self.clock.time() - SENDING_AT_MOST:
            return False  # no create waits this long for its answer: whoever sent it stopped
        if row["owner"]:
            return owners.is_alive(self.home, row["owner"])
        return owners.pid_alive(row["pid"])

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
        rows = self._read(LOOKUPS["job_by_id"], (job_id,))
        return _job(rows[0]) if rows else None

    def recent(self, limit: int) -> list[JobRecord]:
        """The newest jobs of every kind."""
        return [_job(r) for r in self._read(LOOKUPS["recent"], (limit,))]

    def find_by_key(self, batch_key: str) -> JobRecord | None:
        """The job a batch row created earlier."""
        rows = self._read(LOOKUPS["job_by_key"], (batch_key,))
        return _job(rows[0]) if rows else None

    def update_state(self, job_id: str, video_status: int, video_url: str, error: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET video_status = ?, video_url = ?, error = ?, updated_at = ? "
                "WHERE id = ?",
                (video_status, video_url, error, self.clock.time(), job_id),
            )

    def record_download(self, job_id: str, path: str, size: int, sha256: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET downloaded_path = ?, size = ?, sha256 = ?, updated_at = ? "
                "WHERE id = ?",
                (path, size, sha256, self.clock.time(), job_id),
            )

    # -- webhook callbacks handled (akool webhook serve) ------------------------------------------

    def callback_handled(self, job_id: str, status: int) -> bool:
        """Whether `webhook serve` already handled this state of this job (AKOOL retries)."""
        sql = "SELECT 1 FROM callbacks_handled WHERE job_id = ? AND status = ?"
        return bool(self._read(sql, (job_id, status)))

    def mark_callback_handled(self, job_id: str, status: int) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO callbacks_handled (job_id, status, handled_at) "
                "VALUES (?, ?, ?)",
                (job_id, status, self.clock.time()),
            )


def _connect(path: Path) -> sqlite3.Connection:
    # Created private whatever the umask: the history names the files and URLs of every job.
    previous = os.umask(0o077)
    try:
        db = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,  # shared by a batch's threads, under Journal._lock
        )
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: every commit is fsync'd, so a job id survives SIGKILL or power loss once recorded.
        db.execute("PRAGMA synchronous = FULL")
    finally:
        os.umask(previous)
    with suppress(OSError):
        os.chmod(path, 0o600)
    return db


# What a user can do about each way SQLite fails to write (matched on its message, which is
# all sqlite3 exposes before Python 3.11's sqlite_errorcode).
_STATE_HINTS = (
    ("full", "free some space on that disk, or set AKOOL_HOME to a folder on another disk"),
    ("readonly", "make that folder writable, or set AKOOL_HOME to a writable folder"),
    ("read-only", "make that folder writable, or set AKOOL_HOME to a writable folder"),
    ("unable to open", "make that folder writable, or set AKOOL_HOME to a writable folder"),
    ("locked", "another akool holds the history; wait for it, then run this again"),
)


@contextmanager
def _local_state(path: Path, action: str) -> Iterator[None]:
    """Turn SQLite's and the OS's failures on the history file into one clear LocalStateError."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        hint = next(
            (h for key, h in _STATE_HINTS if key in reason.lower()),
            "check that folder (free space, permissions), or set AKOOL_HOME to another folder",
        )
        raise LocalStateError(
            f"cannot {action} the job history {path}: {reason}", hint=hint, path=str(path)
        ) from exc


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
        batch_key=row["batch_key"],
        label=row["label"],
    )


def _attempt(row: sqlite3.Row, *, unknown: bool = False) -> AttemptRecord:
    detail = row["detail"]
    if unknown and not detail:
        detail = "akool stopped before AKOOL's answer arrived"
    return AttemptRecord(
        id=row["id"],
        started_at=row["started_at"],
        pid=row["pid"],
        base_url=row["base_url"],
        inputs=json.loads(row["inputs"]),
        outcome="unknown" if unknown else row["outcome"],
        detail=detail,
        kind=row["kind"],
        job_id=row["job_id"],
    )


def explain_statements(journal: Journal, call: Callable[[Journal], object]) -> dict[str, list[str]]:
    """SQLite's plan for each statement that `call` runs on `journal`, by its SQL.

    A test asks the journal to explain its own lookups this way (whatever their SQL becomes), so a
    per-row lookup that stops using an index shows up as a `SCAN` of a table.
    """
    statements: list[str] = []
    with journal._lock:
        # The trace callback receives each statement with its parameters filled in.
        journal._db.set_trace_callback(statements.append)
        try:
            call(journal)
        finally:
            journal._db.set_trace_callback(None)
        plans: dict[str, list[str]] = {}
        for sql in statements:
            verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
            if verb in ("SELECT", "UPDATE", "DELETE", "WITH"):
                rows = journal._db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
                plans[sql] = [str(row[-1]) for row in rows]
    return plans


# -- uploads (akool talk/batch --upload-to) ------------------------------------------------------
# A self-contained addition: its own table, created on first use, reached through `Uploads`.


@dataclass
class UploadRecord:
    local_path: str
    size: int
    sha256: str
    bucket: str
    key: str
    url: str = ""
    endpoint: str = ""
    mtime_ns: int = 0
    uploaded_at: float = 0.0
    expires_at: float | None = None


class Uploads:
    """The files akool put in the user's bucket: path, size, SHA-256, key and presigned URL."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal  # its table is part of the history's schema (ADDED_IN_3)

    def record(self, upload: UploadRecord) -> None:
        with self._journal._transaction() as db:
            db.execute(
                "INSERT INTO uploads (uploaded_at, local_path, size, mtime_ns, sha256, endpoint, "
                "bucket, key, url, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    upload.uploaded_at or self._journal.clock.time(),
                    upload.local_path,
                    upload.size,
                    upload.mtime_ns,
                    upload.sha256,
                    upload.endpoint,
                    upload.bucket,
                    upload.key,
                    upload.url,
                    upload.expires_at,
                ),
            )

    def find(self, endpoint: str, bucket: str, key: str) -> UploadRecord | None:
        """The latest upload of this object, if akool made one."""
        rows = self._journal._read(
            "SELECT * FROM uploads WHERE endpoint = ? AND bucket = ? AND key = ? "
            "ORDER BY id DESC LIMIT 1",
            (endpoint, bucket, key),
        )
        return _upload(rows[0]) if rows else None

    def known_hash(self, local_path: str, size: int, mtime_ns: int) -> str | None:
        """The SHA-256 recorded for this file as it was (same path, size and mtime)."""
        rows = self._journal._read(
            "SELECT sha256 FROM uploads WHERE local_path = ? AND size = ? AND mtime_ns = ? "
            "ORDER BY id DESC LIMIT 1",
            (local_path, size, mtime_ns),
        )
        return str(rows[0]["sha256"]) if rows else None

    def forget(self, endpoint: str, bucket: str, key: str) -> None:
        """The object is gone from the bucket: the next run uploads it again."""
        with self._journal._transaction() as db:
            db.execute(
                "DELETE FROM uploads WHERE endpoint = ? AND bucket = ? AND key = ?",
                (endpoint, bucket, key),
            )

    def all(self) -> list[UploadRecord]:
        return [_upload(r) for r in self._journal._read("SELECT * FROM uploads ORDER BY id", ())]


def _upload(row: sqlite3.Row) -> UploadRecord:
    return UploadRecord(
        local_path=row["local_path"],
        size=row["size"],
        sha256=row["sha256"],
        bucket=row["bucket"],
        key=row["key"],
        url=row["url"],
        endpoint=row["endpoint"],
        mtime_ns=row["mtime_ns"],
        uploaded_at=row["uploaded_at"],
        expires_at=row["expires_at"],
    )

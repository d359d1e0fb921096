"""The local job history: every job akool created, durably recorded before anything is printed.

SQLite in WAL mode with synchronous=FULL (a commit is fsync'd) and a busy timeout, so several akool
processes at once never lose or corrupt rows. Create attempts are written before the request is
sent, so a job whose answer never arrived (a crash, a timeout) is still listed as "unknown outcome";
a batch row's attempt doubles as its claim, so two runs of one file never create a row twice.
Every lookup made per row or per job uses an index (a test asks SQLite for each plan).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from akool_cli.core import answers, interrupts, kinds, redact
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import (
    LocalStateError,
    UnsettledAttemptError,
    client_closed,
    settle_hint,
)
from akool_cli.core.models import JobInfo
from akool_cli.core.prices import CREDIT_FIELDS, RETENTION_SECONDS
from akool_cli.core.states import Status
from akool_cli.core.urls import canonical_or_same
from akool_cli.store import owners, requests
from akool_cli.store.config import make_private_dir

# The schema, as named migrations applied in order (as simonw/llm does): each one runs once, in
# the same transaction as the row that records it in `_migrations`, so a history is never half
# migrated. akool 0.1 wrote the first one without recording it, and akool 0.2 counted them in
# PRAGMA user_version; both are recognised (KNOWN_BY_VERSION) and carried on from there.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "m001_jobs_and_attempts",  # akool 0.1
        """
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
)
""",
    ),
    (
        "m002_batch_keys_and_owners",  # batch rows claimed; owners known by lock, not PID
        """
ALTER TABLE jobs ADD COLUMN batch_key TEXT;
ALTER TABLE jobs ADD COLUMN label TEXT NOT NULL DEFAULT '';
UPDATE jobs SET batch_key = json_extract(inputs, '$.batch_key');
ALTER TABLE attempts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN batch_key TEXT;
UPDATE attempts SET batch_key = json_extract(inputs, '$.batch_key');
CREATE INDEX IF NOT EXISTS jobs_batch_key ON jobs (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS attempts_batch_key ON attempts (batch_key) WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS attempts_open ON attempts (outcome, started_at)
""",
    ),
    (
        "m003_callbacks_and_uploads",  # `webhook serve`'s handled callbacks; `--upload-to` files
        """
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
""",
    ),
    (
        # A batch row, a speech and every claim belong to one server, profile and account: a
        # rehearsal on the sandbox never stands for the real run. Rows written before this
        # have no account ('') and match any account of their server and profile.
        "m004_scope_by_server_profile_account",
        """
ALTER TABLE jobs ADD COLUMN account TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN account TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS jobs_batch_key;
DROP INDEX IF EXISTS attempts_batch_key;
CREATE INDEX IF NOT EXISTS jobs_claim ON jobs (batch_key, base_url, profile)
    WHERE batch_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS attempts_claim ON attempts (batch_key, base_url, profile)
    WHERE batch_key IS NOT NULL
""",
    ),
    (
        # What products other than talking photo report: their other result files by role (a
        # translation's subtitles), what AKOOL says it charged, and the other files saved.
        "m005_product_files_and_costs",
        """
ALTER TABLE jobs ADD COLUMN files TEXT NOT NULL DEFAULT '{}';
ALTER TABLE jobs ADD COLUMN cost TEXT NOT NULL DEFAULT '{}';
ALTER TABLE jobs ADD COLUMN saved TEXT NOT NULL DEFAULT '{}'
""",
    ),
    (
        # The ledger and the results' lifetime: when each job finished and when AKOOL deletes its
        # result (7 days later), the run (a batch, an MCP session) that made it, and each run's
        # balance before and after. Jobs finished before this count from their last update.
        "m006_ledger_and_expiry",
        """
ALTER TABLE jobs ADD COLUMN finished_at REAL;
ALTER TABLE jobs ADD COLUMN expires_at REAL;
ALTER TABLE jobs ADD COLUMN run_id INTEGER;
UPDATE jobs SET finished_at = updated_at, expires_at = updated_at + 604800
    WHERE video_status IN (3, 4);
CREATE INDEX IF NOT EXISTS jobs_unsaved ON jobs (expires_at)
    WHERE video_status = 3 AND downloaded_path = '';
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    started_at REAL NOT NULL,
    ended_at REAL,
    base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default',
    account TEXT NOT NULL DEFAULT '',
    balance_before REAL,
    balance_after REAL,
    max_credits REAL,
    outcome TEXT NOT NULL DEFAULT 'running'
);
CREATE INDEX IF NOT EXISTS runs_started ON runs (started_at)
""",
    ),
    (
        # What a job makes that is not a file (a cloned voice's voice_id, an avatar's id, a
        # moderation's verdict) and the ids akool keeps to act on it later (reage's job_id).
        "m007_job_outputs",
        """
ALTER TABLE jobs ADD COLUMN outputs TEXT NOT NULL DEFAULT '{}'
""",
    ),
    (
        # When `akool delete` had AKOOL delete a job's result: sync, status and watch leave it
        # alone, and spend keeps what it cost.
        "m008_deleted_jobs",
        """
ALTER TABLE jobs ADD COLUMN deleted_at REAL
""",
    ),
    (
        # One server, one spelling: HTTP://LOCALHOST:80/ and http://localhost are one billing
        # scope. Scopes recorded as given before are rewritten as akool spells them now
        # (core/urls.canonical_base_url, registered on the connection as akool_base_url).
        "m009_canonical_base_urls",
        """
UPDATE jobs SET base_url = akool_base_url(base_url) WHERE base_url != '';
UPDATE attempts SET base_url = akool_base_url(base_url) WHERE base_url != '';
UPDATE runs SET base_url = akool_base_url(base_url) WHERE base_url != ''
""",
    ),
    (
        # Result URLs are recorded masked, as inputs were (a presigned URL is a credential):
        # those recorded whole before are masked in place (core/redact.signed, registered as
        # akool_signed; the connection's secure_delete wipes the old bytes). A download asks
        # the job's status for a fresh URL, never the history.
        "m010_masked_result_urls",
        """
UPDATE jobs SET video_url = akool_signed(video_url) WHERE video_url != '';
UPDATE jobs SET files = akool_signed_json(files) WHERE files != '{}'
""",
    ),
    (
        # Which account a credential is, on one server and profile, once the user said so: the
        # fingerprints of two credentials (a rotated key, an API key after clientId/secret) tell
        # nothing about their accounts, and AKOOL names none. `account` is the account the
        # credential's jobs count for: another fingerprint (the same account) or its own (a
        # new one). A fingerprint with no row is undecided.
        "m011_account_links",
        """
CREATE TABLE IF NOT EXISTS account_links (
    base_url TEXT NOT NULL,
    profile TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    account TEXT NOT NULL,
    decided_at REAL NOT NULL,
    PRIMARY KEY (base_url, profile, fingerprint)
)
""",
    ),
    (
        # Whether a job's first status answer reported the inputs its record says it was made
        # with (0 not asked yet, 1 yes, 2 no: a server gave this id to another create, and the
        # job is no longer taken for that create's), the inputs its create's answer echoed (the
        # status is compared with those first), and the attempt that made each job.
        "m012_checked_answers",
        """
ALTER TABLE jobs ADD COLUMN answer_checked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN answered TEXT NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS attempts_job ON attempts (job_id) WHERE job_id IS NOT NULL
""",
    ),
    (
        # Who runs each batch run or MCP session: its process's owner token (owners.py: a lock
        # the kernel drops when the process dies, so a reused PID cannot pass for it) and PID.
        # A run still `running` whose owner is gone was killed (SIGKILL, a crash): the next
        # command closes it as `lost`.
        "m013_run_owners",
        """
ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN pid INTEGER
""",
    ),
    (
        # More query names are masked (redact.SIGNING_NAMES: key, sign, jwt, auth_key,
        # Authorization…): what was recorded whole is masked in place, as new rows are. Also
        # what keeps an unknown create from being sent again, which compares recorded inputs:
        # an old row left whole would no longer match the same create's masked inputs.
        "m014_more_masked_query_names",
        """
UPDATE jobs SET inputs = akool_signed_json(inputs) WHERE inputs != '{}';
UPDATE jobs SET answered = akool_signed_json(answered) WHERE answered != '{}';
UPDATE jobs SET outputs = akool_signed_json(outputs) WHERE outputs != '{}';
UPDATE jobs SET files = akool_signed_json(files) WHERE files != '{}';
UPDATE jobs SET video_url = akool_signed(video_url) WHERE video_url != '';
UPDATE jobs SET error = akool_signed(error) WHERE error != '';
UPDATE attempts SET inputs = akool_signed_json(inputs) WHERE inputs != '{}';
UPDATE attempts SET detail = akool_signed(detail) WHERE detail != '';
UPDATE uploads SET url = akool_signed(url) WHERE url != ''
""",
    ),
    (
        # Which request each create attempt sent (store/requests.py: its kind and inputs without
        # what akool records beside them, a name, a batch row, a claim's key), so that an
        # unknown outcome blocks every create of the same request whichever way (a command, a
        # batch row, an MCP call) made either; found by an index, as akool_request computes it.
        "m015_attempt_requests",
        """
ALTER TABLE attempts ADD COLUMN request TEXT NOT NULL DEFAULT '';
UPDATE attempts SET request = akool_request(kind, inputs);
CREATE INDEX IF NOT EXISTS attempts_request ON attempts (request, base_url, profile)
""",
    ),
    (
        # A presigned input is recorded by its object, not by when it was signed (redact.stable:
        # X-Amz-Date, X-Amz-Expires... shown as …), so the same file uploaded earlier and
        # presigned again is the same create: an unknown outcome blocks it. Recorded inputs of
        # before are rewritten so (break17d H1).
        "m016_presigned_inputs_by_object",
        """
UPDATE jobs SET inputs = akool_stable_json(inputs) WHERE inputs LIKE '%?%';
UPDATE jobs SET answered = akool_stable_json(answered) WHERE answered LIKE '%?%';
UPDATE attempts SET inputs = akool_stable_json(inputs) WHERE inputs LIKE '%?%'
""",
    ),
)
# hmac, code, session, session_id and hash are masked too (break17c L2): m014's masking of every
# URL and text the history keeps, run again.
MIGRATIONS += (
    ("m017_hmac_code_session_hash_masked", dict(MIGRATIONS)["m014_more_masked_query_names"]),
    (
        # The ids AKOOL gave a create's first step (a head swap's analysis: what akool mcp's
        # headswap tool answers), each with the process that asked it, the create attempt made
        # from it and the job it became (requests.FIRST_STEP_IDS), so that `status`, `wait` and
        # `download` follow that id in any session (break17f F5). Those of before, from the
        # recorded inputs of attempts and jobs.
        "m018_first_step_ids",
        """
CREATE TABLE IF NOT EXISTS first_steps (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at REAL NOT NULL,
    base_url TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT 'default',
    owner TEXT NOT NULL DEFAULT '',
    attempt_id INTEGER,
    job_id TEXT
);
INSERT OR IGNORE INTO first_steps (id, kind, started_at, base_url, profile, attempt_id, job_id)
    SELECT CASE WHEN json_valid(inputs) THEN json_extract(inputs, '$.analysis_id') END AS step,
        kind, started_at, base_url, profile, id, job_id
    FROM attempts WHERE kind = 'head_swap' AND step IS NOT NULL ORDER BY id DESC;
INSERT OR IGNORE INTO first_steps (id, kind, started_at, base_url, profile, job_id)
    SELECT CASE WHEN json_valid(inputs) THEN json_extract(inputs, '$.analysis_id') END AS step,
        kind, created_at, base_url, profile, id
    FROM jobs WHERE kind = 'head_swap' AND step IS NOT NULL
""",
    ),
)
MIGRATIONS += (
    (
        # Which body each create attempt sent, as a request (store/requests.py: the digest an
        # `akool api` create of that body records as its request), beside the request of the
        # inputs it was made from: a product whose body is built from its inputs (a talking
        # avatar's layout, a face swap's images, a head swap's mappings) sends a body that is
        # also an `akool api` create's, and an unknown outcome of either blocks the other
        # (break17g G15). Those recorded before get theirs where their inputs make it again
        # (a talking avatar's layout: requests.recorded_body); the others' requests match.
        "m019_attempt_bodies",
        """
ALTER TABLE attempts ADD COLUMN body TEXT NOT NULL DEFAULT '';
UPDATE attempts SET body = akool_body(kind, inputs)
    WHERE body = '' AND outcome IN ('sending', 'unknown');
CREATE INDEX IF NOT EXISTS attempts_body ON attempts (body, base_url)
""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)  # also kept in PRAGMA user_version, which akool 0.2 checks
# What akool 0.2 (user_version 2 or 3) had applied, by its version number.
KNOWN_BY_VERSION = {2: 2, 3: 3}
REQUESTS_AGAIN = (
    "UPDATE attempts SET request = akool_request(kind, inputs) "
    "WHERE outcome IN ('sending', 'unknown') "
    f"AND request NOT LIKE '{requests.IDENTITY_PREFIX}%'"
)
MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)
"""

# The queries run once per row or per job. A claim's lookups are scoped to one server and
# profile, and to one account or to rows recorded before accounts were (account '').
_SCOPED = "batch_key = ? AND base_url = ? AND profile = ? AND account IN (?, '')"
# A detached job's create (answer_checked 2, NOT_ITS_JOB: its status showed other inputs), as
# the job's record shows it; asked only of detached jobs (the attempts_job index).
_HELD_BY = (
    "CASE WHEN answer_checked = 2 THEN (SELECT MAX(a.id) FROM attempts AS a "
    "WHERE a.job_id = jobs.id) END AS held_by"
)
LOOKUPS: dict[str, str] = {
    "job_by_id": f"SELECT *, {_HELD_BY} FROM jobs WHERE id = ?",
    "job_by_key": f"SELECT * FROM jobs WHERE {_SCOPED} ORDER BY created_at DESC LIMIT 1",
    "job_by_key_any_account": "SELECT * FROM jobs WHERE batch_key = ? AND base_url = ? "
    "AND profile = ? ORDER BY created_at DESC LIMIT 1",
    "attempts_by_key": f"SELECT * FROM attempts WHERE {_SCOPED} "
    "AND outcome IN ('sending', 'unknown') AND started_at > ? ORDER BY id",
    "attempt_by_id": "SELECT * FROM attempts WHERE id = ?",
    "first_step": "SELECT * FROM first_steps WHERE id = ?",
    # The creates of one request on one server (any profile, key or account) in doubt, by
    # either digest: of the inputs as given, or (an attempt recorded before) as recorded; or
    # whose body sent is that request (m019: a product's body, an `akool api` create's).
    "attempts_by_request": "SELECT * FROM attempts WHERE (request IN (?, ?, ?) OR body = ?) "
    "AND base_url = ? AND outcome IN ('sending', 'unknown') AND started_at > ? ORDER BY id",
    # The jobs made by the creates of one request on one server (any profile, key or account)
    # that may still stand for it (--reuse): not failed, deleted or another create's.
    "jobs_by_request": "SELECT jobs.* FROM attempts JOIN jobs ON jobs.id = attempts.job_id "
    "WHERE (attempts.request IN (?, ?, ?) OR attempts.body = ?) AND attempts.base_url = ? "
    "AND attempts.outcome = 'created' "
    "AND jobs.video_status != 4 AND jobs.deleted_at IS NULL AND jobs.answer_checked != 2 "
    "ORDER BY attempts.id DESC",
    "open_attempts": "SELECT * FROM attempts WHERE outcome IN ('sending', 'unknown') "
    "AND started_at > ? ORDER BY id",
    "recent": f"SELECT *, {_HELD_BY} FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?",
    "attempt_by_job": "SELECT * FROM attempts WHERE job_id = ? ORDER BY id DESC LIMIT 1",
    "account_link": "SELECT account FROM account_links WHERE base_url = ? AND profile = ? "
    "AND fingerprint = ?",
    # A key's jobs and unsettled creates on one server and profile under other accounts.
    "key_elsewhere_jobs": "SELECT account FROM jobs WHERE batch_key = ? AND base_url = ? "
    "AND profile = ? AND account NOT IN (?, '') ORDER BY created_at DESC LIMIT 1",
    "key_elsewhere_attempts": "SELECT * FROM attempts WHERE batch_key = ? AND base_url = ? "
    "AND profile = ? AND account NOT IN (?, '') AND outcome IN ('sending', 'unknown') "
    "AND started_at > ? ORDER BY id LIMIT 1",
}

T = TypeVar("T")

# Why a history is read only for this process when another one held its write lock throughout
# BUSY_TIMEOUT_MS (the words the "locked" hint of _STATE_HINTS is found by).
LOCKED_WHY = "another process holds its write lock"
BUSY_TIMEOUT_MS = 30_000  # how long a write waits for another process's lock, in all
# SQLite's own busy wait sleeps in C, deaf to a stop signal: it waits this long per try, and a stop
# is looked at between tries (break17d M3: SIGTERM took 30 s while another process held the lock).
LOCK_SLICE_MS = 100
WAL_SWITCH_TRIES = 600  # 0.05 s apart: the busy timeout's 30 s
# A create's whole exchange is bounded (90 s); after this long an attempt still marked "sending"
# belongs to a process that is gone or frozen, and its outcome is unknown, not in flight.
SENDING_AT_MOST = 10 * 60
# An unknown outcome is listed, and blocks its create, until it is settled, however old: AKOOL may
# have made and billed it (its 7-day retention is of results, and says nothing about the create).
# A hundred years: in effect for ever (a finite bound keeps the lookups plain SQL).
UNKNOWN_KEPT_SECONDS = 100 * 365 * 86400


@dataclass(frozen=True)
class Scope:
    """Where a job is made: the server, the profile, and the account (a credential's fingerprint).

    Claims and batch rows are found only within one scope, so a rehearsal on the sandbox, a second
    profile or a second server never stands for a job of another. `account` None (a dry run
    without a credential) matches any account of the server and profile.
    """

    base_url: str
    profile: str = "default"
    account: str | None = ""


UNCHECKED, CHECKED, NOT_ITS_JOB = 0, 1, 2  # jobs.answer_checked


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
    account: str = ""
    files: dict[str, str] = field(default_factory=dict)  # other result files: role → URL
    cost: dict[str, float] = field(default_factory=dict)  # AKOOL's cost fields, as reported
    saved: dict[str, dict[str, Any]] = field(default_factory=dict)  # role → path, size, sha256
    finished_at: float | None = None  # when akool first saw it done or failed
    expires_at: float | None = None  # when AKOOL deletes its result, at the latest (7 days)
    run_id: int | None = None  # the batch run or MCP session that made it
    outputs: dict[str, str] = field(default_factory=dict)  # what it makes that is not a file
    deleted_at: float | None = None  # when `akool delete` had AKOOL delete its result
    answer_checked: int = UNCHECKED  # its first status answer against its inputs (m011)
    answered: dict[str, str] = field(default_factory=dict)  # the inputs its create's answer echoed
    held_by: int | None = None  # a detached job's create attempt (get() and recent() say it)

    @property
    def detached(self) -> bool:
        """Its first status answer showed other inputs than its create sent: it is not that
        create's job (a server gave it that create's answer), and nothing follows it for it."""
        return self.answer_checked == NOT_ITS_JOB

    def saved_at(self, target: Path) -> bool:
        """Whether every file of this job is saved, whole: its main result at `target` and each
        other file it offers (a translation's subtitles) where it was saved; nothing to fetch."""
        return self.result_at(target) and not self.unsaved_files()

    def lapsed(self, now: float) -> bool:
        """Whether its result expired on AKOOL (past expires_at: its 7 days, or a dead URL) and
        is not saved here (a quick look at the saved file's size): nothing of it is left."""
        return self.expires_at is not None and self.expires_at <= now and not _kept(self)

    def result_at(self, target: Path) -> bool:
        """Whether its recorded main result is the file at `target`, whole."""
        if self.downloaded_path != str(target.absolute()) or not self.sha256:
            return False
        return whole_file(target, self.size, self.sha256)

    def unsaved_files(self) -> list[str]:
        """The roles of the other files it offers (role → URL in `files`) not saved whole."""
        return [r for r, url in self.files.items() if url and not self.file_at(r)]

    def file_at(self, role: str, target: Path | None = None) -> bool:
        """Whether its other file `role` is saved whole (at `target`, when given)."""
        entry = self.saved.get(role) or {}
        path, digest = entry.get("path"), entry.get("sha256")
        if not path or not digest or (target is not None and path != str(target.absolute())):
            return False
        return whole_file(Path(path), entry.get("size"), str(digest))


def whole_file(target: Path, size: int | None, sha256: str) -> bool:
    """Whether the file at `target` is the one recorded (its size and SHA-256).

    The file's SHA-256 is compared with the recorded one, every time: a file changed in place
    keeps its size and can have its mtime put back, so no cheaper check proves it unchanged
    (SHA-256 reads ~1 GB/s: ~20 ms for a typical video)."""
    try:
        # O_NONBLOCK: a FIFO planted at the target must not hang the open.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with open(fd, "rb") as saved:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size != size:
                return False
            digest = hashlib.sha256()
            while block := saved.read(1 << 20):
                digest.update(block)
    except OSError:  # gone, a directory, unreadable: not the saved file
        return False
    return digest.hexdigest() == sha256


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
    profile: str = "default"
    account: str = ""
    batch_key: str | None = None
    owner: str = ""


@dataclass
class RunRecord:
    """A batch run or an MCP session: the balance before and after, and its budget."""

    id: int
    kind: str
    label: str
    started_at: float
    ended_at: float | None
    base_url: str
    profile: str
    account: str
    balance_before: float | None
    balance_after: float | None
    max_credits: float | None
    outcome: str
    owner: str = ""  # the owner token of the process that ran it (owners.py)
    pid: int | None = None


@dataclass(frozen=True)
class FirstStepRecord:
    """A create's first step by the id AKOOL gave it (a head swap's analysis): the job made from
    it, else the create attempt made from it (None: none was sent) and whether the process that
    asked it still runs (it may make one yet)."""

    id: str
    kind: str
    started_at: float
    job_id: str | None
    attempt: AttemptRecord | None
    alive: bool


@dataclass(frozen=True)
class Claim:
    """What a claim found: exactly one of the fields is set."""

    attempt_id: int | None = None  # claimed: this process may send the create
    job: JobRecord | None = None  # created earlier: follow it
    busy: AttemptRecord | None = None  # another live akool is sending it right now
    unknown: AttemptRecord | None = None  # an earlier create's outcome is unknown
    # The same request, claimed by another key or by none (a command, an MCP call, another batch
    # row), has an unknown outcome: settled only by `akool settle`, never by --retry-unknown.
    doubt: AttemptRecord | None = None


class Journal:
    """One SQLite file; open per command, close when done. Safe to share between threads."""

    def __init__(
        self, path: Path, *, clock: Clock | None = None, secrets: Iterable[str] = ()
    ) -> None:
        self.path = path
        self.home = path.parent
        self.clock = clock or current()
        # The credentials this process knows (its Redactor: it learns new ones as it goes),
        # masked in any server text before it is written, not only when it is printed.
        self.secrets = secrets
        self._lock = threading.RLock()
        self._closed = False
        self.read_only = False
        self.read_only_why = ""  # why it cannot be written: "it is read-only", "its disk is full"
        try:
            with _local_state(path, "open"):
                make_private_dir(path.parent)  # and any parent it creates: 0700 whatever the umask
                self._db = _connect(path)
                self._migrate()
        except LocalStateError as exc:
            # A history on a read-only disk or folder, or a full one, can still be read (status,
            # watch): it opens read-only, and anything that must write fails then, naming why.
            why = _unwritable(path, exc.__cause__) if path.is_file() else None
            if why is None and path.is_file() and "locked" in exc.message:
                # Another process (a sqlite3 shell, a backup) held the write lock for the whole
                # wait: read it (status shows the states, not saved: break17h H16); anything
                # that must write fails then, naming the lock.
                why = LOCKED_WHY
            if why is None:
                raise
            self._open_read_only(why)
            return
        if not _writable(path):
            # SQLite opened it anyway (a killed writer's -wal and -shm are there to read): the
            # first write would fail half-way through a command, so it is read-only from here.
            self._db.close()
            self._open_read_only("it is read-only")

    def _open_read_only(self, why: str) -> None:
        self._db = _connect_read_only(self.path, why)
        self.read_only, self.read_only_why = True, why

    def _migrate(self) -> None:
        with self._transaction() as db:
            if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return  # the common case: one read, nothing to do
            applied = _applied_migrations(db)
            known = [name for name, _ in MIGRATIONS]
            newer = sorted(set(applied) - set(known))
            if newer or len(applied) > len(known):
                raise LocalStateError(
                    f"the history {self.path} was written by a newer akool ({', '.join(newer)})",
                    hint=f"upgrade akool {KEEP_HOME}",
                    path=str(self.path),
                )
            for name, sql in MIGRATIONS:
                if name in applied:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    if not _column_there(db, statement):
                        db.execute(statement)
                db.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                    (name, self.clock.time()),
                )
            # A migration may rewrite recorded inputs (more names masked): the requests of the
            # creates in doubt are computed again from them, whatever order they came in.
            db.execute(REQUESTS_AGAIN)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # The pages as they were before (an unmasked URL) may still sit in the write-ahead log:
        # fold it into the file and empty it (best effort: another reader may hold it).
        with suppress(sqlite3.Error), self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._db.close()

    def _check_open(self) -> None:
        """The history used after close() (its akool Client closed while another thread held
        it): a UsageError, not SQLite's "cannot operate on a closed database" blamed on the disk."""
        if self._closed:
            raise client_closed()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def unwritable(self, then: str = "") -> LocalStateError:
        """The error of a write this read-only history cannot take (`then`: what that means
        for the command, added to the message)."""
        why, hints = self.read_only_why, dict(_STATE_HINTS)
        hint = WRITABLE
        if "full" in why:
            hint = hints["full"]
        elif why == LOCKED_WHY:
            hint = hints["locked"]
        return LocalStateError(
            f"cannot write the job history {self.path}: {why}{then}",
            hint=hint,
            path=str(self.path),
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._check_open()
        # IMMEDIATE takes the write lock up front: concurrent writers queue on the busy timeout
        # instead of failing half-way with "database is locked".
        if self.read_only:
            raise self.unwritable()
        with self._lock, _local_state(self.path, "write"):
            try:
                # Inside the try: a stop signal's KeyboardInterrupt right after BEGIN (raised as
                # the call returns) must not leave the transaction open, which would fail every
                # later write of this run ("cannot start a transaction within a transaction").
                _patiently(lambda: self._db.execute("BEGIN IMMEDIATE"))
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def _masked(self, text: str) -> str:
        """Server-given text as it may be recorded: known secrets and signing values masked."""
        return redact.text(text, self.secrets)

    def _read(self, sql: str, args: tuple[Any, ...]) -> list[sqlite3.Row]:
        self._check_open()
        with self._lock, _local_state(self.path, "read"):
            return _patiently(lambda: self._db.execute(sql, args).fetchall())

    # -- create attempts ------------------------------------------------------------------------

    def begin_attempt(
        self,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
        *,
        batch_key: str | None = None,
        account: str = "",
        sent: dict[str, Any] | None = None,
    ) -> int:
        """A create's attempt, written before it is sent, in one transaction with the checks
        that forbid sending it. `sent`: the body it sends, when known (as note_body takes it),
        checked and noted here too, with no second commit."""
        scope = Scope(base_url, profile, account)
        with self._transaction() as db:
            self._refuse_unsettled(db, scope, kind, inputs)
            body = None
            if sent is not None:
                body = requests.identity_digest(kind, sent, whole=True)
                self._refuse_unsettled(db, scope, kind, sent, body=body)
            return self._insert_attempt(db, scope, kind, inputs, batch_key, body=body)

    def _refuse_unsettled(
        self,
        db: sqlite3.Connection,
        scope: Scope,
        kind: str,
        inputs: dict[str, Any],
        *,
        body: str | None = None,
    ) -> None:
        """An earlier create of the very same request (kind and inputs AKOOL is sent, server,
        profile and account; or whose body sent is `body`), made by any command, batch row or
        MCP call, whose outcome is unknown (akool was killed while it was sent, or its answer
        never came) may have been made and billed: sending it again could pay twice, so the
        new attempt waits until that one is settled (in the same transaction)."""
        for row in self._identical_unsettled(db, scope, kind, inputs, own=True, body=body):
            sender = (
                ""
                if row["batch_key"] is None
                else f" (sent by {requests.made_by(row['batch_key'])})"
            )
            if row["profile"] != scope.profile:  # the same account: AKOOL bills it, not a name
                sender += f" (with profile {row['profile']!r}, the same account)"
            raise UnsettledAttemptError(
                f"an earlier create of this same job (attempt {row['id']}) has an unknown "
                f"outcome{sender}: AKOOL may have made and billed it, so akool sends nothing "
                "again until it is settled",
                hint=settle_hint(row["id"]),
                attempt_id=row["id"],
            )

    def _identical_unsettled(
        self,
        db: sqlite3.Connection,
        scope: Scope,
        kind: str,
        inputs: dict[str, Any],
        *,
        own: bool,
        body: str | None = None,
    ) -> Iterator[sqlite3.Row]:
        """The creates of the very same request (requests.py) on the scope's server, whatever
        claimed them (a batch row, an MCP call, none), whose outcome is unknown (not one being
        sent right now): with `own`, those of the scope's account, made with any profile (AKOOL
        bills the account, not a profile's name), or with the scope's profile before accounts
        were recorded (account ''); else those of another account, with the scope's profile.
        Those whose body sent (m019) is `body` too, or, without it, is this request."""
        keys = _request_keys(kind, inputs)
        cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
        where = (*keys, body or keys[0], scope.base_url, cutoff)
        for row in db.execute(LOOKUPS["attempts_by_request"], where).fetchall():
            if _of_account(row, scope) != own or self._sending_now(row):
                continue  # another account's (or this one's), or one being sent right now
            if row["profile"] != scope.profile and not own:
                continue  # another profile's account: a rehearsal's, or nobody this one asks
            yield row

    def _sending_now(self, row: sqlite3.Row) -> bool:
        """Whether an attempt is being sent right now: by a live akool, or by another thread of
        this one (a batch's twin row, a concurrent MCP call). A create of this process writes
        its outcome whenever it ends (engine._send), so one still `sending` is in flight."""
        if row["outcome"] != "sending":
            return False
        return self._owner_alive(row)

    def unsettled_like(
        self, scope: Scope, kind: str, inputs: dict[str, Any]
    ) -> list[AttemptRecord]:
        """The creates of the very same request in this scope (its account's, or of none),
        whatever claimed them, whose outcome is unknown, oldest first: a create of it waits."""
        with self._lock, _local_state(self.path, "read"):
            rows = list(self._identical_unsettled(self._db, scope, kind, inputs, own=True))
        return [_attempt(row, unknown=True) for row in rows]

    def unsettled_elsewhere(
        self, scope: Scope, kind: str, inputs: dict[str, Any]
    ) -> list[AttemptRecord]:
        """The creates of the very same request made on the scope's server and profile under
        another account (not '': rows from before accounts count as anyone's), whatever claimed
        them, whose outcome is unknown, oldest first."""
        with self._lock, _local_state(self.path, "read"):
            rows = list(self._identical_unsettled(self._db, scope, kind, inputs, own=False))
        return [_attempt(row, unknown=True) for row in rows]

    def note_body(
        self, attempt_id: int, scope: Scope, kind: str, as_sent: dict[str, Any]
    ) -> AttemptRecord | None:
        """The body a claimed attempt is about to send, as a request (`as_sent`: the inputs an
        `akool api` create of those bytes records, kinds.RawRequest), written on the attempt in
        one transaction with the check that forbids sending it: an earlier create whose request
        or body is that one and whose outcome is unknown (whichever way it was sent) is
        returned, and the attempt is given back, nothing sent. None: noted, it may be sent."""
        found = None
        body = requests.identity_digest(kind, as_sent, whole=True)
        with self._transaction() as db:
            for row in self._identical_unsettled(db, scope, kind, as_sent, own=True, body=body):
                if row["id"] != attempt_id:
                    found = _attempt(row, unknown=True)
                    db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
                    break
            else:
                db.execute("UPDATE attempts SET body = ? WHERE id = ?", (body, attempt_id))
        if found is not None:
            self.done_sending(attempt_id)
        return found

    def claim_request(
        self,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
        *,
        account: str = "",
        sent: dict[str, Any] | None = None,
    ) -> Claim:
        """A create that reuses its request's job (--reuse), in one transaction: refused while an
        identical create's outcome is unknown (as begin_attempt), the job an earlier create of
        the very same request made in this scope (made_like; `sent`, the body it sends when
        known: or of that very body, as an `akool api` create records it), one being sent right
        now (busy), or this create's new attempt."""
        scope = Scope(base_url, profile, account)
        body = None if sent is None else requests.identity_digest(kind, sent, whole=True)
        with self._transaction() as db:
            self._drop_unsent(db)
            self._refuse_unsettled(db, scope, kind, inputs)
            if sent is not None:
                self._refuse_unsettled(db, scope, kind, sent, body=body)
            made = self._made_like(db, scope, kind, inputs, body=body)
            if made is not None:
                return Claim(job=made)
            keys = _request_keys(kind, inputs)
            cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
            where = (*keys, keys[0], scope.base_url, cutoff)
            for row in db.execute(LOOKUPS["attempts_by_request"], where).fetchall():
                if _of_account(row, scope) and self._sending_now(row):
                    return Claim(busy=_attempt(row))
            attempt_id = self._insert_attempt(db, scope, kind, inputs, None, body=body)
        owners.sending(self.home, attempt_id)  # committed: in flight until done_sending
        return Claim(attempt_id=attempt_id)

    def made_like(self, scope: Scope, kind: str, inputs: dict[str, Any]) -> JobRecord | None:
        """The newest job an earlier create of the very same request (requests.py: kind, inputs
        sent, server, account; any profile, command, batch row or MCP call) made, while it still
        stands for the request: not failed, deleted on AKOOL or another create's, and its result
        not expired on AKOOL unless it is saved here."""
        with self._lock, _local_state(self.path, "read"):
            return self._made_like(self._db, scope, kind, inputs)

    def made_like_elsewhere(
        self, scope: Scope, kind: str, inputs: dict[str, Any]
    ) -> list[tuple[str, str]]:
        """(job id, account) of each job made_like would reuse for the very same request on the
        scope's server and profile, made under another account than the scope's (not '': rows
        from before accounts count as anyone's), newest first."""
        keys = _request_keys(kind, inputs)
        now, found = self.clock.time(), []
        with self._lock, _local_state(self.path, "read"):
            where = (*keys, keys[0], scope.base_url)
            rows = self._db.execute(LOOKUPS["jobs_by_request"], where)
            for row in rows.fetchall():
                job = _job(row)
                live = job.expires_at is None or job.expires_at > now
                account = row["account"] or ""
                mine = account in ("", scope.account or "")
                if row["profile"] == scope.profile and not mine and (live or _kept(job)):
                    found.append((job.id, account))
        return found

    def _made_like(
        self,
        db: sqlite3.Connection,
        scope: Scope,
        kind: str,
        inputs: dict[str, Any],
        *,
        body: str | None = None,
    ) -> JobRecord | None:
        keys = _request_keys(kind, inputs)
        now = self.clock.time()
        where = (*keys, body or keys[0], scope.base_url)
        for row in db.execute(LOOKUPS["jobs_by_request"], where):
            job = _job(row)
            live = job.expires_at is None or job.expires_at > now
            if _of_account(row, scope) and (live or _kept(job)):  # expired, but saved here
                return job
        return None

    def _insert_attempt(
        self,
        db: sqlite3.Connection,
        scope: Scope,
        kind: str,
        inputs: dict[str, Any],
        batch_key: str | None,
        *,
        body: str | None = None,
    ) -> int:
        recorded = _recorded(inputs)
        cursor = db.execute(
            "INSERT INTO attempts (started_at, pid, base_url, profile, account, kind, inputs, "
            "owner, batch_key, request, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.clock.time(),
                os.getpid(),
                scope.base_url,
                scope.profile,
                scope.account or "",
                kind,
                recorded,
                owners.token_for(self.home),
                batch_key,
                requests.identity_digest(kind, inputs),
                body or "",
            ),
        )
        attempt_id = int(cursor.lastrowid or 0)
        self._note_steps(db, kind, inputs, scope, attempt_id=attempt_id)
        # In flight for this process's other threads until done_sending (a row rolled back with
        # its transaction is never read as this process's: its id comes back with a new row).
        owners.sending(self.home, attempt_id)
        return attempt_id

    def note_first_step(self, step_id: str, kind: str, base_url: str, profile: str) -> None:
        """The id AKOOL gave a create's first step (a head swap's analysis), as soon as AKOOL
        answered it, with this process as its owner: until a create is made from it, the id says
        whether that may still come (its owner runs) or never will."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO first_steps (id, kind, started_at, base_url, profile, "
                "owner) VALUES (?, ?, ?, ?, ?, ?)",
                (step_id, kind, self.clock.time(), base_url, profile, owners.token_for(self.home)),
            )

    def let_go_first_step(self, step_id: str) -> None:
        """A first step nothing will come of (its create failed or was refused before it was
        sent): its owner no longer counts as making a job of it."""
        with self._transaction() as db:
            db.execute(
                "UPDATE first_steps SET owner = '' WHERE id = ? AND job_id IS NULL", (step_id,)
            )

    def join_first_step(
        self, step_id: str, *, job_id: str | None = None, attempt_id: int | None = None
    ) -> None:
        """A first step whose create was another's (the same call made by another session from
        its own first step, break17g G17): it leads to that job, or to that create's attempt
        while its outcome is unknown, where nothing of its own is recorded yet."""
        with self._transaction() as db:
            db.execute(
                "UPDATE first_steps SET job_id = COALESCE(job_id, ?), "
                "attempt_id = COALESCE(attempt_id, ?) WHERE id = ?",
                (job_id, attempt_id, step_id),
            )

    def _note_steps(
        self,
        db: sqlite3.Connection,
        kind: str,
        inputs: dict[str, Any],
        scope: Scope,
        *,
        attempt_id: int | None = None,
        job_id: str | None = None,
    ) -> None:
        """The create attempt, or the job, made from a first step its inputs name."""
        for name in requests.FIRST_STEP_IDS.get(kind, ()):
            step = inputs.get(name)
            if not isinstance(step, str) or not step:
                continue
            db.execute(
                "INSERT INTO first_steps (id, kind, started_at, base_url, profile, attempt_id, "
                "job_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "attempt_id = COALESCE(excluded.attempt_id, attempt_id), "
                "job_id = COALESCE(excluded.job_id, job_id)",
                (step, kind, self.clock.time(), scope.base_url, scope.profile, attempt_id, job_id),
            )

    def first_step(self, step_id: str) -> FirstStepRecord | None:
        """A first step by the id AKOOL gave it (None when none is recorded): the job it became,
        or the attempt made from it and whether the process that asked it still runs."""
        rows = self._read(LOOKUPS["first_step"], (step_id,))
        if not rows:
            return None
        row, attempt = rows[0], None
        made = self._read(LOOKUPS["attempt_by_id"], (row["attempt_id"],))
        if made:  # one still `sending` whose sender is gone: its outcome is unknown
            gone = made[0]["outcome"] == "sending" and not self._sending_now(made[0])
            attempt = _attempt(made[0], unknown=gone)
        alive = bool(row["owner"]) and owners.is_alive(self.home, row["owner"])
        return FirstStepRecord(
            row["id"], row["kind"], row["started_at"], row["job_id"], attempt, alive
        )

    def claim(
        self,
        batch_key: str,
        base_url: str,
        profile: str,
        kind: str,
        inputs: dict[str, Any],
        *,
        account: str = "",
        failed_counts: bool = True,
        expired_counts: bool = True,
    ) -> Claim:
        """Claim a keyed create (a batch row, a speech) in its scope, in one transaction with the
        checks that forbid it: a job made earlier (unless it failed and `failed_counts` is
        False, or its result is past AKOOL's retention, not saved here, and `expired_counts` is
        False), a create in flight, an unknown outcome."""
        scope = Scope(base_url, profile, account)
        with self._transaction() as db:
            self._drop_unsent(db)
            row = db.execute(LOOKUPS["job_by_key"], (batch_key, *_where(scope))).fetchone()
            if row is not None and (failed_counts or row["video_status"] != Status.FAILED):
                made = _job(row)
                if expired_counts or not made.lapsed(self.clock.time()):
                    return Claim(job=made)
            cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
            for attempt in db.execute(
                LOOKUPS["attempts_by_key"], (batch_key, *_where(scope), cutoff)
            ):
                if self._sending_now(attempt):
                    return Claim(busy=_attempt(attempt))
                return Claim(unknown=_attempt(attempt, unknown=True))
            # The same request made by another key or none (a command, an MCP call, another
            # row) whose outcome is unknown: this create may be that one sent again.
            for attempt in self._identical_unsettled(db, scope, kind, inputs, own=True):
                return Claim(doubt=_attempt(attempt, unknown=True))
            attempt_id = self._insert_attempt(db, scope, kind, inputs, batch_key)
            return Claim(attempt_id=attempt_id)

    def attempt(self, attempt_id: int) -> AttemptRecord | None:
        rows = self._read(LOOKUPS["attempt_by_id"], (attempt_id,))
        return _attempt(rows[0]) if rows else None

    def attempt_not_sent(self, attempt_id: int) -> None:
        """The request certainly never reached AKOOL: nothing to remember."""
        with self._transaction() as db:
            db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        self.done_sending(attempt_id)

    def done_sending(self, attempt_id: int) -> None:
        """This process no longer sends the attempt's create (its outcome is written, or cannot
        be): a `sending` row of it is read as unknown from now on, not as in flight."""
        owners.sent(self.home, attempt_id)

    def attempt_unknown(self, attempt_id: int, detail: str) -> None:
        self._set_outcome(attempt_id, "unknown", detail)

    def abandon_attempt(self, attempt_id: int, detail: str) -> bool:
        """A create still waiting for its answer when akool stops: its outcome is unknown (a
        create answered and recorded meanwhile keeps its outcome). True when marked so."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE attempts SET outcome = 'unknown', detail = ? WHERE id = ? "
                "AND outcome = 'sending'",
                (self._masked(detail), attempt_id),
            )
        self.done_sending(attempt_id)
        return cursor.rowcount > 0

    def attempt_rejected(self, attempt_id: int, detail: str) -> None:
        self._set_outcome(attempt_id, "rejected", detail)

    def _set_outcome(self, attempt_id: int, outcome: str, detail: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE attempts SET outcome = ?, detail = ? WHERE id = ?",
                (outcome, self._masked(detail), attempt_id),
            )
        self.done_sending(attempt_id)

    def record_created(
        self, attempt_id: int | None, job: JobRecord, *, also: Sequence[JobRecord] = ()
    ) -> JobRecord | None:
        """The job row and the attempt's outcome in one fsync'd commit, with `also`, the other
        jobs the same answer named (a `count` over 1): each billed, each a job of its own.

        A job id already in the history is never merged into it: the attempt's outcome becomes
        unknown (AKOOL answered with an id that names another job), and the job recorded under
        that id is returned for the caller to report. None when the job is recorded. One of
        `also` whose id the history holds already is that job (not merged, not changed).
        """
        try:
            with self._transaction() as db:
                for other in also:
                    if db.execute(LOOKUPS["job_by_id"], (other.id,)).fetchone() is None:
                        self._insert_job(db, None, other)
                earlier = db.execute(LOOKUPS["job_by_id"], (job.id,)).fetchone()
                if earlier is not None:
                    if attempt_id is not None:
                        detail = f"AKOOL answered with job id {job.id}, which names an earlier job"
                        db.execute(
                            "UPDATE attempts SET outcome = 'unknown', detail = ? WHERE id = ?",
                            (detail, attempt_id),
                        )
                    return _job(earlier)
                self._insert_job(db, attempt_id, job)
                return None
        finally:
            if attempt_id is not None:
                self.done_sending(attempt_id)

    def settle_created(self, attempt_id: int, job: JobRecord) -> str | None:
        """`akool settle ID --created JOB_ID`: an attempt whose outcome was unknown made `job`
        (found in AKOOL's dashboard or a webhook). The job is recorded and the attempt marked
        created in one commit; None when done, else why not (the attempt is settled already,
        or the job id is in the history)."""
        with self._transaction() as db:
            why = self._unsettled(db, attempt_id)
            if why is None and db.execute(LOOKUPS["job_by_id"], (job.id,)).fetchone():
                why = f"job {job.id} is already in the history"
            if why is None:
                self._insert_job(db, attempt_id, job)
                # Its status was compared with the attempt's inputs (or --force said it is).
                db.execute("UPDATE jobs SET answer_checked = ? WHERE id = ?", (CHECKED, job.id))
            return why

    def settle_another(self, attempt_id: int, job: JobRecord, asked: int) -> str | None:
        """`akool settle ID --created JOB_ID` once more for an attempt that asked AKOOL for
        `asked` jobs (a `count` over 1) and is recorded with one already (break17h H17): `job`
        is recorded as another of them (its own job, as an answered create's others are), up
        to `asked` jobs of its request on its server in all. None when done, else why not."""
        with self._transaction() as db:
            row = db.execute(LOOKUPS["attempt_by_id"], (attempt_id,)).fetchone()
            if row is None or row["outcome"] != "created":
                return _unsettled(db, attempt_id) or f"attempt {attempt_id} made no job"
            if db.execute(LOOKUPS["job_by_id"], (job.id,)).fetchone():
                return f"job {job.id} is already in the history"
            made = db.execute(
                "SELECT COUNT(*) FROM jobs WHERE kind = ? AND base_url = ? AND inputs = ?",
                (row["kind"], row["base_url"], row["inputs"]),
            ).fetchone()[0]
            if made >= asked:
                return (
                    f"it asked AKOOL for {asked} jobs (count {asked}), and {made} jobs of its "
                    "request are in the history"
                )
            self._insert_job(db, None, job)
            db.execute("UPDATE jobs SET answer_checked = ? WHERE id = ?", (CHECKED, job.id))
            return None

    def settle_not_created(self, attempt_id: int) -> str | None:
        """`akool settle ID --not-created`: the attempt made no job, so its key may be created
        once more (the next claim writes a new attempt). None when done, else why not."""
        with self._transaction() as db:
            why = self._unsettled(db, attempt_id)
            if why is None:
                db.execute(
                    "UPDATE attempts SET outcome = 'not_created', detail = ? WHERE id = ?",
                    ("settled: no job was created", attempt_id),
                )
            return why

    def _unsettled(self, db: sqlite3.Connection, attempt_id: int) -> str | None:
        why = _unsettled(db, attempt_id)
        row = db.execute(LOOKUPS["attempt_by_id"], (attempt_id,)).fetchone()
        if why is None and self._sending_now(row):
            why = _in_flight(row)
        return why

    def unsettled_for_keys(self, keys: list[str], scope: Scope) -> list[AttemptRecord]:
        """The attempts of these claim keys (a batch row's, its speech's) in this scope whose
        outcome is unknown, oldest first."""
        cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
        found = []
        for key in keys:
            for row in self._read(LOOKUPS["attempts_by_key"], (key, *_where(scope), cutoff)):
                if not self._sending_now(row):
                    found.append(_attempt(row, unknown=True))
        return found

    def _insert_job(self, db: sqlite3.Connection, attempt_id: int | None, job: JobRecord) -> None:
        db.execute(
            "INSERT INTO jobs (id, kind, created_at, updated_at, base_url, profile, "
            "account, inputs, video_status, video_url, error, batch_key, label, files, cost, "
            "run_id, finished_at, expires_at, outputs, answered) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job.id,
                job.kind,
                job.created_at,
                job.updated_at,
                job.base_url,
                job.profile,
                job.account,
                _recorded(job.inputs),
                job.video_status,
                redact.signed(job.video_url),
                self._masked(job.error),
                job.batch_key,
                job.label,
                json.dumps(redact.signed_fields(job.files)),
                json.dumps(job.cost),
                job.run_id,
                *_finished(job.video_status, job.updated_at, job.created_at),
                json.dumps(job.outputs),
                _recorded(job.answered),
            ),
        )
        if attempt_id is not None:
            db.execute(
                "UPDATE attempts SET outcome = 'created', job_id = ? WHERE id = ?",
                (job.id, attempt_id),
            )
        where = Scope(job.base_url, job.profile, job.account)
        self._note_steps(db, job.kind, job.inputs, where, attempt_id=attempt_id, job_id=job.id)

    def open_attempts(self, max_age: float = UNKNOWN_KEPT_SECONDS) -> list[AttemptRecord]:
        """Create attempts whose outcome is unknown: answered by nobody, or by a process now gone
        (all of them by default: each stays until it is settled)."""
        rows = self._read(LOOKUPS["open_attempts"], (self.clock.time() - max_age,))
        return [_attempt(row, unknown=True) for row in rows if not self._sending_now(row)]

    def _drop_unsent(self, db: sqlite3.Connection) -> None:
        """Claims whose create certainly never left, given back: still `sending`, no body noted
        (every create notes the body it sends before sending it, since m019), and no process
        holds them any more. A full disk can fail both the note and the give-back after it
        (break17k K10: the rerun was refused as an unknown outcome). Only a dead owner's, never
        by age: a live one may still note and send it."""
        m019 = db.execute(
            "SELECT applied_at FROM _migrations WHERE name = 'm019_attempt_bodies'"
        ).fetchone()
        if m019 is None:
            return
        rows = db.execute(
            "SELECT id, owner, pid, started_at FROM attempts WHERE outcome = 'sending' "
            "AND body = '' "
            "AND started_at >= ?",
            (m019[0],),
        ).fetchall()
        for row in rows:
            if row["owner"] and not self._owner_alive(row, by_age=False):
                db.execute("DELETE FROM attempts WHERE id = ?", (row["id"],))

    def _owner_alive(self, row: sqlite3.Row, *, by_age: bool = True) -> bool:
        """Whether the create of a `sending` attempt is still in flight: sent by a live akool,
        or by a thread of this process right now (owners.in_flight). With `by_age`, one started
        longer ago than any create waits for its answer counts as stopped too."""
        if by_age and row["started_at"] < self.clock.time() - SENDING_AT_MOST:
            return False  # no create waits this long for its answer: whoever sent it stopped
        if owners.is_mine(self.home, row["owner"]):
            return owners.in_flight(self.home, row["id"])
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

    # -- accounts ---------------------------------------------------------------------------------

    def account_of(self, base_url: str, profile: str, fingerprint: str) -> str | None:
        """The account a credential's fingerprint counts for on this server and profile, once
        decided (decide_account); None while undecided."""
        rows = self._read(LOOKUPS["account_link"], (base_url, profile, fingerprint))
        return str(rows[0]["account"]) if rows else None

    def decide_account(self, base_url: str, profile: str, fingerprint: str, account: str) -> None:
        """Record which account a credential is on this server and profile: `account` another
        fingerprint (the same account: its jobs are this credential's) or its own (a new one)."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO account_links (base_url, profile, fingerprint, account, "
                "decided_at) VALUES (?, ?, ?, ?, ?)",
                (base_url, profile, fingerprint, account, self.clock.time()),
            )

    def made_elsewhere(self, keys: Iterable[str], scope: Scope) -> dict[str, str]:
        """The keys (batch rows, speeches) that have no job or unsettled create in `scope` but
        have one on its server and profile under another account: key → that account."""
        cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
        found: dict[str, str] = {}
        for key in keys:
            if self.find_by_key(key, scope) is not None or self.unsettled_for_keys([key], scope):
                continue
            where = (key, *_where(scope))
            rows = self._read(LOOKUPS["key_elsewhere_jobs"], where) or self._read(
                LOOKUPS["key_elsewhere_attempts"], (*where, cutoff)
            )
            if rows:
                found[key] = str(rows[0]["account"])
        return found

    def in_doubt_elsewhere(self, keys: Iterable[str], scope: Scope) -> list[AttemptRecord]:
        """Of these keys (made_elsewhere's), the unsettled creates made under another account
        on the scope's server and profile of those that have no job there: the creates in
        doubt another credential made, oldest first."""
        cutoff = self.clock.time() - UNKNOWN_KEPT_SECONDS
        found = []
        for key in keys:
            where = (key, *_where(scope))
            if self._read(LOOKUPS["key_elsewhere_jobs"], where):
                continue
            rows = self._read(LOOKUPS["key_elsewhere_attempts"], (*where, cutoff))
            found += [_attempt(row, unknown=True) for row in rows]
        return sorted(found, key=lambda attempt: attempt.id)

    # -- jobs -------------------------------------------------------------------------------------

    def get(self, job_id: str) -> JobRecord | None:
        rows = self._read(LOOKUPS["job_by_id"], (job_id,))
        return _job(rows[0]) if rows else None

    def recent(self, limit: int) -> list[JobRecord]:
        """The newest jobs of every kind."""
        return [_job(r) for r in self._read(LOOKUPS["recent"], (limit,))]

    def find_by_key(self, batch_key: str, scope: Scope) -> JobRecord | None:
        """The job a batch row (or a speech) made earlier in this scope."""
        if scope.account is None:
            where = (batch_key, scope.base_url, scope.profile)
            rows = self._read(LOOKUPS["job_by_key_any_account"], where)
        else:
            rows = self._read(LOOKUPS["job_by_key"], (batch_key, *_where(scope)))
        return _job(rows[0]) if rows else None

    def claimed_at(self, batch_key: str, scope: Scope) -> float | None:
        """When this machine last sent a create under this key that made a job (its own clock,
        not AKOOL's create_time)."""
        rows = self._read(
            f"SELECT MAX(started_at) FROM attempts WHERE {_SCOPED} AND outcome = 'created'",
            (batch_key, *_where(scope)),
        )
        return rows[0][0] if rows else None

    def retire_key(self, batch_key: str, scope: Scope) -> None:
        """Free a key for a new create: the jobs it named keep their records, under a key of
        their own (an MCP call repeated after its window is a new call)."""
        with self._transaction() as db:
            db.execute(
                f"UPDATE jobs SET batch_key = batch_key || ':retired:' || id WHERE {_SCOPED}",
                (batch_key, *_where(scope)),
            )

    def update_state(
        self,
        job_id: str,
        video_status: int,
        video_url: str,
        error: str,
        *,
        files: dict[str, str] | None = None,
        cost: dict[str, float] | None = None,
        outputs: dict[str, str] | None = None,
    ) -> None:
        """A job's new state; its other files and costs are kept when the answer omits them,
        and its outputs are added to (the create answer's ids stay beside the status's).
        Skipped on a read-only history (a cache of AKOOL's answer: the next run asks again).

        The first final state records when the job finished and when its result expires: 7 days
        after the last time akool knew it unfinished (its previous update), never later than
        AKOOL's own deletion."""
        if self.read_only:
            return
        final = video_status in (Status.DONE, Status.FAILED)
        now = self.clock.time()
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET video_status = ?, video_url = ?, error = ?, updated_at = ?, "
                "files = CASE WHEN ? = '{}' THEN files ELSE ? END, "
                "cost = CASE WHEN ? = '{}' THEN cost ELSE ? END, "
                "finished_at = CASE WHEN ? THEN COALESCE(finished_at, ?) END, "
                "expires_at = CASE WHEN ? THEN COALESCE(expires_at, updated_at + ?) END, "
                "outputs = json_patch(outputs, ?) WHERE id = ?",
                (
                    video_status,
                    redact.signed(video_url),  # a download asks the status for a fresh one
                    self._masked(error),
                    now,
                    *(json.dumps(redact.signed_fields(files or {})),) * 2,
                    *(json.dumps(cost or {}),) * 2,
                    final,
                    now,
                    final,
                    RETENTION_SECONDS,
                    json.dumps(outputs or {}),
                    job_id,
                ),
            )

    def update_from(self, info: JobInfo) -> str | None:
        """A job's state as AKOOL just reported it (JobInfo), with its files and costs.

        Its first answer is compared with the inputs its record says it was made with: when
        they differ (a server gave this id to another create), the job is disowned and why is
        returned (as long as the record stays disowned); None otherwise."""
        other = self._check_answer(info)
        self.update_state(
            info.id,
            info.video_status,
            info.video_url,
            info.error_reason,
            files=info.files,
            cost=info.cost,
            outputs=info.outputs,
        )
        return other

    def _check_answer(self, info: JobInfo) -> str | None:
        rows = self._read(LOOKUPS["job_by_id"], (info.id,))
        if not rows or rows[0]["answer_checked"] == CHECKED:
            return None
        # Echoes as sent (or as its create's answer gave them); AKOOL's own copies of inputs
        # only as its create's answer gave them.
        kind = kinds.KINDS.get(rows[0]["kind"])
        other = None
        if kind is not None:
            other = answers.other_inputs(
                kind,
                json.loads(rows[0]["inputs"]),
                info.raw,
                created=json.loads(rows[0]["answered"]),
                sent_as="its create sent",
            )
        if self.read_only:
            return other
        with self._transaction() as db:
            if other is None:
                db.execute("UPDATE jobs SET answer_checked = ? WHERE id = ?", (CHECKED, info.id))
            elif rows[0]["answer_checked"] == UNCHECKED:
                self._disown(db, info.id, other)
        return other

    def _disown(self, db: sqlite3.Connection, job_id: str, why: str) -> None:
        """A job whose status shows another create's inputs is not its record's: its key is
        retired (no row picks it up) and the attempt it answered has an unknown outcome."""
        db.execute(
            "UPDATE jobs SET answer_checked = ?, batch_key = batch_key || ':not-its-job:' || id "
            "WHERE id = ?",
            (NOT_ITS_JOB, job_id),
        )
        db.execute(
            "UPDATE attempts SET outcome = 'unknown', detail = ? WHERE job_id = ? "
            "AND outcome = 'created'",
            (
                self._masked(f"AKOOL answered with job id {job_id}, whose status shows {why}"),
                job_id,
            ),
        )

    def attempt_of_job(self, job_id: str) -> AttemptRecord | None:
        """The create attempt that was answered with this job id."""
        rows = self._read(LOOKUPS["attempt_by_job"], (job_id,))
        return _attempt(rows[0]) if rows else None

    def move_job(self, attempt_id: int, job: JobRecord) -> str | None:
        """`akool settle ID --created JOB_ID` of a job the history holds under another create
        whose inputs its status does not show: the job becomes the attempt's (its record is
        replaced by `job`), and the create that held it has an unknown outcome. None when done,
        else why not."""
        with self._transaction() as db:
            why = self._unsettled(db, attempt_id)
            if why is None:
                held = db.execute(LOOKUPS["job_by_id"], (job.id,)).fetchone()
                if held is not None and held["answer_checked"] == UNCHECKED:
                    self._disown(db, job.id, "another create's inputs")
                db.execute("DELETE FROM jobs WHERE id = ?", (job.id,))
                self._insert_job(db, attempt_id, job)
                db.execute("UPDATE jobs SET answer_checked = ? WHERE id = ?", (CHECKED, job.id))
                if held is not None:  # the same job's files, saved already: still saved
                    db.execute(
                        "UPDATE jobs SET downloaded_path = ?, size = ?, sha256 = ?, saved = ? "
                        "WHERE id = ?",
                        (
                            held["downloaded_path"],
                            held["size"],
                            held["sha256"],
                            held["saved"],
                            job.id,
                        ),
                    )
            return why

    def mark_deleted(self, job_ids: list[str]) -> None:
        """AKOOL deleted these jobs' results (`akool delete`): kept in the history as deleted."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE jobs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                [(self.clock.time(), job_id) for job_id in job_ids],
            )

    def mark_gone(self, job_id: str) -> None:
        """AKOOL no longer has this job (1008 to its status): kept as deleted, and its key (a
        batch row's, a speech's) retired, so the next run makes that row or speech again
        instead of picking up a job nothing can be read of (break17h H3)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET deleted_at = COALESCE(deleted_at, ?), batch_key = CASE WHEN "
                "batch_key IS NULL THEN NULL ELSE batch_key || ':gone:' || id END WHERE id = ?",
                (self.clock.time(), job_id),
            )

    def record_file(self, job_id: str, role: str, path: str, size: int, sha256: str) -> None:
        """One of a job's other result files is saved (its main one: record_download)."""
        entry = json.dumps({"path": path, "size": size, "sha256": sha256})
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET saved = json_set(saved, '$.' || json_quote(?), json(?)), "
                "updated_at = ? WHERE id = ?",
                (role, entry, self.clock.time(), job_id),
            )

    def record_fetched(self, info: JobInfo, kind: str, scope: Scope) -> None:
        """A job this history does not hold whose result is being saved (`watch ID -o`,
        download() of a job made elsewhere): recorded as AKOOL reports it, with no create and
        no inputs, so that its saved file is known (`saved earlier`, `sync`) and a create in
        doubt can still be settled with it (break17f F15). A job recorded meanwhile is kept."""
        now = self.clock.time()
        job = JobRecord(
            id=info.id,
            created_at=now,
            updated_at=now,
            kind=kind,
            base_url=scope.base_url,
            profile=scope.profile,
            account=scope.account or "",
            video_status=info.video_status,
            video_url=info.video_url,
            error=info.error_reason,
            files=dict(info.files),
            cost=dict(info.cost),
            outputs=dict(info.outputs),
        )
        with self._transaction() as db:
            if db.execute(LOOKUPS["job_by_id"], (info.id,)).fetchone() is None:
                self._insert_job(db, None, job)
                db.execute("UPDATE jobs SET answer_checked = ? WHERE id = ?", (CHECKED, info.id))

    def fetched_only(self, job_id: str) -> bool:
        """Whether the job is in the history only because its result was saved here (no create
        of this history made it: record_fetched)."""
        job = self.get(job_id)
        return job is not None and not job.inputs and self.attempt_of_job(job_id) is None

    def record_download(self, job_id: str, path: str, size: int, sha256: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET downloaded_path = ?, size = ?, sha256 = ?, updated_at = ? "
                "WHERE id = ?",
                (path, size, sha256, self.clock.time(), job_id),
            )

    # -- the ledger: runs and what jobs cost --------------------------------------------------

    def begin_run(
        self, kind: str, label: str, scope: Scope, balance: float | None, max_credits: float | None
    ) -> int:
        """A batch run or an MCP session starts, with the balance read before it."""
        owner = owners.token_for(self.home)  # held until this process ends
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (kind, label, started_at, base_url, profile, account, "
                "balance_before, max_credits, owner, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    label,
                    self.clock.time(),
                    *_where(scope),
                    balance,
                    max_credits,
                    owner,
                    os.getpid(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def close_lost_runs(self) -> list[RunRecord]:
        """Runs still `running` whose process is gone (killed before it could end them), now
        closed as `lost`; a read-only history is left as it is. Runs of akool before owners
        were recorded cannot be told apart from live ones: they are left alone."""
        sql = "SELECT * FROM runs WHERE outcome = 'running' AND owner != '' ORDER BY id"
        lost = [_run(row) for row in self._read(sql, ()) if not _run_alive(self.home, row)]
        if not lost or self.read_only:
            return []
        closed = []
        with self._transaction() as db:
            for run in lost:
                cursor = db.execute(
                    "UPDATE runs SET outcome = 'lost' WHERE id = ? AND outcome = 'running'",
                    (run.id,),
                )
                if cursor.rowcount:
                    closed.append(replace(run, outcome="lost"))
        return closed

    def set_run_balance(self, run_id: int, balance: float) -> None:
        """The balance a run started from, read after it began (an MCP session's first create)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET balance_before = ? WHERE id = ? AND balance_before IS NULL",
                (balance, run_id),
            )

    def mark_expired(self, job_id: str) -> None:
        """AKOOL deleted a job's result before its expires_at (its URL answered 404): it expires
        now, so every command calls it expired and none asks for it again."""
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET expires_at = MIN(COALESCE(expires_at, ?), ?) WHERE id = ?",
                (self.clock.time(), self.clock.time(), job_id),
            )

    def set_run_balance_after(self, run_id: int, balance: float) -> None:
        """The balance after a run, read after its end was recorded (an MCP session's)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET balance_after = ? WHERE id = ? AND balance_after IS NULL",
                (balance, run_id),
            )

    def end_run(self, run_id: int, balance: float | None, outcome: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET ended_at = ?, balance_after = ?, outcome = ? WHERE id = ?",
                (self.clock.time(), balance, outcome, run_id),
            )

    def runs(self, since: float) -> list[RunRecord]:
        rows = self._read("SELECT * FROM runs WHERE started_at >= ? ORDER BY id", (since,))
        return [_run(row) for row in rows]

    def jobs_since(self, since: float) -> list[JobRecord]:
        """Every job made since then, oldest first (the ledger, the history's export)."""
        sql = f"SELECT *, {_HELD_BY} FROM jobs WHERE created_at >= ? ORDER BY created_at, rowid"
        return [_job(row) for row in self._read(sql, (since,))]

    def unsaved(self) -> list[JobRecord]:
        """Done jobs akool has not saved every file of (its result, or another file it offers:
        a translation's subtitles), the soonest to expire first."""
        sql = (
            "SELECT * FROM jobs WHERE video_status = 3 AND deleted_at IS NULL AND ("
            "downloaded_path = '' OR EXISTS (SELECT 1 FROM json_each(jobs.files) AS f "
            "WHERE f.value != '' AND json_type(jobs.saved, '$.' || json_quote(f.key)) IS NULL)) ORDER BY expires_at"
        )
        return [_job(row) for row in self._read(sql, ())]

    def largest_cost(self, kind: str, scope: Scope) -> tuple[float | None, int]:
        """The largest credits a job of this kind was charged on this server and account (any
        profile; account None: any account), and how many jobs say so. Never another server's:
        a sandbox's price is no estimate for AKOOL's, nor one region's for another's."""
        charged = (
            " COALESCE("
            + ", ".join(f"json_extract(cost, '$.{name}')" for name in CREDIT_FIELDS)
            + ")"
        )
        rows = self._read(
            f"SELECT MAX({charged}), COUNT({charged}) FROM jobs WHERE kind = ? "
            "AND video_status = 3 AND base_url = ? AND (? IS NULL OR account IN (?, ''))",
            (kind, scope.base_url, scope.account, scope.account),
        )
        return (rows[0][0], rows[0][1]) if rows else (None, 0)

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


def _finished(status: int, now: float, created: float) -> tuple[float | None, float | None]:
    """(finished_at, expires_at) of a job recorded in this state (final: finished now)."""
    if status not in (Status.DONE, Status.FAILED):
        return None, None
    return now, min(now, created) + RETENTION_SECONDS


def _kept(job: JobRecord) -> bool:
    """Whether a job's result is still where it was saved, at its size (a quick look: whoever
    follows the job checks its SHA-256)."""
    try:
        return bool(job.downloaded_path) and os.path.getsize(job.downloaded_path) == job.size
    except OSError:
        return False


def _request_keys(kind: str, inputs: dict[str, Any]) -> tuple[str, str, str]:
    """The hashes an earlier create of this very request is recorded under: its identity
    (requests.identity_digest); as akool hashed it before a restated documented default counted
    as left out (break17i I17) and while the webhook URL counted (I5), so an attempt in doubt
    from then still blocks; and as attempts recorded before v2 did (of their masked inputs)."""
    return (
        requests.identity_digest(kind, inputs),
        requests.identity_digest(kind, inputs, defaults_count=True, with_callback=True),
        requests.digest(kind, _recorded(inputs)),
    )


def _recorded(inputs: dict[str, Any]) -> str:
    """Inputs as the history keeps them: a presigned URL without its signature (the history
    is for reading back, never for sending again), so a copied history grants no access, and
    without when it was signed (redact.stable), so one object is one input however often it
    is presigned: what tells one create from another (the same create is refused while its
    outcome is unknown)."""
    return json.dumps(redact.stable_fields(inputs))


_ADD_COLUMN = re.compile(r"\s*ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)


def _column_there(db: sqlite3.Connection, statement: str) -> bool:
    """Whether `statement` adds a column the table has already (a migration applied again, its
    record lost): SQLite has no ADD COLUMN IF NOT EXISTS, and the rest of a migration is."""
    adds = _ADD_COLUMN.match(statement)
    if adds is None:
        return False
    table, column = adds.groups()
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def _applied_migrations(db: sqlite3.Connection) -> list[str]:
    """The migrations this history has had, by name, in the order they were applied."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_migrations" in tables:
        return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    db.execute(MIGRATIONS_TABLE)
    if version > max(KNOWN_BY_VERSION):
        return [f"user_version {version}"]  # a newer akool that did not name its migrations
    # Before migrations had names: akool 0.2 counted them; akool 0.1 left user_version at 0.
    count = KNOWN_BY_VERSION.get(version, 1 if "jobs" in tables else 0)
    names = [name for name, _ in MIGRATIONS[:count]]
    db.executemany(
        "INSERT INTO _migrations (name, applied_at) VALUES (?, 0)", [(n,) for n in names]
    )
    return names


def _denied(cause: BaseException | None) -> bool:
    """Whether opening failed for want of write access (not a full disk, not a lock)."""
    if isinstance(cause, OSError):
        return cause.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    text = str(cause).lower()
    return isinstance(cause, sqlite3.Error) and ("readonly" in text or "unable to open" in text)


def _unwritable(path: Path, cause: BaseException | None) -> str | None:
    """Why opening the history for writing failed when it can still be read: it is read-only,
    or its disk is full (SQLite says "disk I/O error" when it cannot grow the -shm file)."""
    if _denied(cause):
        return "it is read-only"
    text = str(cause).lower()
    no_space = isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT)
    if no_space or "full" in text or ("disk i/o error" in text and _disk_full(path)):
        return "its disk is full"
    return None


def _disk_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except OSError:
        return False


def _writable(path: Path) -> bool:
    """Whether this process may write the history: the file, its folder, and its -wal and -shm
    files where they are (a read-only mount says so for root too: EROFS)."""
    files = [path, path.parent, *(Path(f"{path}{end}") for end in ("-wal", "-shm"))]
    return all(os.access(f, os.W_OK) for f in files if f == path.parent or f.exists())


def _connect_read_only(path: Path, why: str) -> sqlite3.Connection:
    """The history for reading only, or the LocalStateError of a history that cannot be read
    (or is from another schema version: it is not migrated without write access). `why`: why
    it cannot be written ("it is read-only", "its disk is full")."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path.absolute()))}"
    version = None
    for mode in ("?mode=ro", "?immutable=1"):  # immutable: no -shm to create in the folder
        try:
            db = sqlite3.connect(
                uri + mode, uri=True, isolation_level=None, check_same_thread=False
            )
            db.row_factory = sqlite3.Row
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            continue
        if version == SCHEMA_VERSION:
            return db
        db.close()
        break
    hint = next((h for key, h in _STATE_HINTS if key in why), WRITABLE)
    # A history never made yet (a fresh AKOOL_HOME on a full disk: break17k K11) is not one
    # that "cannot be read": it could not be made.
    found = "it could not be made" if version == 0 else "it cannot be read as it is"
    raise LocalStateError(
        f"cannot open the job history {path}: {why}, and {found}", hint=hint, path=str(path)
    )


def _patiently(step: Callable[[], T]) -> T:
    """`step` tried again while another process holds the history's lock, for BUSY_TIMEOUT_MS in
    all; a stop signal ends the wait between two tries (SQLite's own wait cannot be cut)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if not ("locked" in text or "busy" in text) or time.monotonic() >= deadline:
                raise
        if interrupts.stop_requested():
            raise interrupts.stopped(
                "stopped while waiting for the job history's lock, which another process holds",
                interrupts.GO_ON,
            )


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Put the history in WAL mode. Two processes opening a new history at once can get
    "database is locked" here at once, without SQLite's busy handler: try again for a while."""
    for attempt in range(WAL_SWITCH_TRIES):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_SWITCH_TRIES - 1:
                raise
            time.sleep(0.05)  # a lock held for a moment by the other process's first commit


def _signed_json(text: str) -> str:
    """A JSON column (a job's files: role → URL) with every URL in it masked."""
    try:
        return json.dumps(redact.signed_fields(json.loads(text)))
    except ValueError:
        return redact.signed(text)


def _stable_json(text: str) -> str:
    """Recorded inputs (JSON) with every presigned URL in them recorded by its object."""
    try:
        return json.dumps(redact.stable_fields(json.loads(text)))
    except ValueError:
        return redact.stable(text)


def _connect(path: Path) -> sqlite3.Connection:
    # Created private whatever the umask: the history names the files and URLs of every job.
    # Never by changing the umask, which is the whole process's: the host program's other
    # threads would create their files private meanwhile (break17g G11). SQLite gives its -wal,
    # -shm and -journal files the database file's mode.
    _create_private(path)
    db = sqlite3.connect(
        str(path),
        timeout=LOCK_SLICE_MS / 1000,
        isolation_level=None,
        check_same_thread=False,  # shared by a batch's threads, under Journal._lock
    )
    db.row_factory = sqlite3.Row
    db.create_function("akool_base_url", 1, canonical_or_same, deterministic=True)
    db.create_function("akool_signed", 1, redact.signed, deterministic=True)
    db.create_function("akool_signed_json", 1, _signed_json, deterministic=True)
    db.create_function("akool_request", 2, requests.digest, deterministic=True)
    db.create_function("akool_body", 2, requests.recorded_body, deterministic=True)
    db.create_function("akool_stable_json", 1, _stable_json, deterministic=True)
    db.execute(f"PRAGMA busy_timeout = {LOCK_SLICE_MS}")
    # What a row held before it changed (a URL recorded unmasked by an older akool) is
    # overwritten with zeros, not left in the file's free space.
    db.execute("PRAGMA secure_delete = ON")
    _switch_to_wal(db)
    # FULL: every commit is fsync'd, so a job id survives SIGKILL or power loss once recorded.
    db.execute("PRAGMA synchronous = FULL")
    return db


def _create_private(path: Path) -> None:
    """The history file created empty as 0600 if missing (an empty file is an empty SQLite
    database), and made 0600 (best effort: it may be read-only)."""
    with suppress(OSError):  # it exists, or cannot be made: SQLite's open says why
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with suppress(OSError):
        os.chmod(path, 0o600)


# A fresh AKOOL_HOME forgets every job, claim and unknown outcome: the same batch or --reuse run
# there makes and bills everything again (break17j J11, J6), so no hint offers an empty one.
KEEP_HOME = "(an empty AKOOL_HOME forgets the jobs made: a rerun there bills them again)"
WRITABLE = (
    "make that folder and file writable, or copy the whole AKOOL_HOME folder to a writable place "
    f"and set AKOOL_HOME to it {KEEP_HOME}"
)
DAMAGED = (
    "the history is damaged: keep it and recover what it holds (sqlite3 jobs.sqlite3 "
    f'".recover" | sqlite3 recovered.sqlite3, then put that in its place) {KEEP_HOME}'
)

# What a user can do about each way SQLite fails to write (matched on its message, which is
# all sqlite3 exposes before Python 3.11's sqlite_errorcode).
_STATE_HINTS = (
    (
        "full",
        "free some space on that disk, or move the whole AKOOL_HOME folder to another disk and "
        f"set AKOOL_HOME to its new place {KEEP_HOME}",
    ),
    ("readonly", WRITABLE),
    ("read-only", WRITABLE),
    ("unable to open", WRITABLE),
    ("locked", "another akool holds the history; wait for it, then run this again"),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
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
            f"check that folder (free space, permissions) {KEEP_HOME}",
        )
        raise LocalStateError(
            f"cannot {action} the job history {path}: {reason}", hint=hint, path=str(path)
        ) from exc


def _of_account(row: sqlite3.Row, scope: Scope) -> bool:
    """Whether an attempt was made by the scope's account: with its profile, by that account or
    by none recorded (before accounts were); with another profile, only by that very account."""
    account = row["account"] or ""
    if row["profile"] != scope.profile:
        return bool(account) and account == scope.account
    return scope.account is None or account in ("", scope.account)


def _where(scope: Scope) -> tuple[str, str, str]:
    return scope.base_url, scope.profile, scope.account or ""


def _run(row: sqlite3.Row) -> RunRecord:
    return RunRecord(**{k: row[k] for k in row.keys()})  # noqa: SIM118


def _run_alive(home: Path, row: sqlite3.Row) -> bool:
    """Whether the process running a run is still there (this one counts: it ends its runs)."""
    return owners.is_mine(home, row["owner"]) or owners.is_alive(home, row["owner"])


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
        account=row["account"],
        files=json.loads(row["files"]),
        cost=json.loads(row["cost"]),
        saved=json.loads(row["saved"]),
        finished_at=row["finished_at"],
        expires_at=row["expires_at"],
        run_id=row["run_id"],
        outputs=json.loads(row["outputs"]),
        deleted_at=row["deleted_at"],
        answer_checked=row["answer_checked"],
        answered=json.loads(row["answered"]),
        held_by=row["held_by"] if "held_by" in row.keys() else None,  # noqa: SIM118
    )


def _unsettled(db: sqlite3.Connection, attempt_id: int) -> str | None:
    """Why an attempt cannot be settled (it is not in the history, or its outcome is known),
    or None when its outcome is unknown."""
    row = db.execute(LOOKUPS["attempt_by_id"], (attempt_id,)).fetchone()
    if row is None:
        return f"there is no create attempt {attempt_id} in the history"
    if row["outcome"] not in ("sending", "unknown"):
        outcome = SETTLED_OUTCOMES.get(row["outcome"], row["outcome"])
        job = f" (job {row['job_id']})" if row["job_id"] else ""
        return f"attempt {attempt_id}'s outcome is known: {outcome}{job}"
    return None


def _in_flight(row: sqlite3.Row) -> str:
    return (
        f"attempt {row['id']} is being sent right now by a live akool (pid {row['pid']}); "
        "its outcome will be known when it ends"
    )


# How a known outcome reads in a message (settle refuses to change one).
SETTLED_OUTCOMES = {
    "created": "it made a job",
    "rejected": "AKOOL refused it, nothing was created",
    "dismissed": "it was dismissed by --retry-unknown",
    "not_created": "it was settled as not created",
}


# An unknown outcome with nothing recorded about its answer: akool was stopped while sending it,
# or AKOOL answered and the history could not be written (a full disk: the id was printed then).
NO_ANSWER_RECORDED = (
    "no answer was recorded: akool stopped before AKOOL's answer arrived, or could not write it "
    "(a full disk; then akool printed the job id)"
)


def _attempt(row: sqlite3.Row, *, unknown: bool = False) -> AttemptRecord:
    detail = row["detail"]
    if unknown and not detail:
        detail = NO_ANSWER_RECORDED
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
        profile=row["profile"],
        account=row["account"],
        batch_key=row["batch_key"],
        owner=row["owner"],
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
        self._journal = journal  # its table is part of the history's schema (m003)

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
                    redact.signed(upload.url),  # never used to send: presigned again each run
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

    def keys(self, endpoint: str, bucket: str) -> set[str]:
        """The keys of the objects akool uploaded to this bucket (their keys name their content)."""
        rows = self._journal._read(
            "SELECT DISTINCT key FROM uploads WHERE endpoint = ? AND bucket = ?", (endpoint, bucket)
        )
        return {str(row["key"]) for row in rows}

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

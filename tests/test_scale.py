"""Cost that must not grow with the work: threads left behind by a command, history lookups that
scan a table instead of searching an index (issue 12)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import JobRecord, Journal, Scope, explain_statements
from tests.conftest import Isolation
from tests.support.runner import invoke


def akool_threads() -> set[threading.Thread]:
    """Live threads, without the sandbox's request handlers: those end on their own once akool
    has closed its connections, and belong to the test's fake AKOOL, not to akool."""
    return {
        t for t in threading.enumerate() if t.is_alive() and "process_request_thread" not in t.name
    }


def left_behind(before: set[threading.Thread]) -> list[str]:
    return sorted(t.name for t in akool_threads() - before)


def create_jobs(count: int) -> list[str]:
    return [
        invoke(["talk", f"https://e.com/p-{n}.jpg", "https://e.com/s.mp3"]).stdout.strip()
        for n in range(count)
    ]


def test_a_command_that_leaks_no_thread_passes_the_check(api_env: Sandbox) -> None:
    # The check itself: a one-job status uses no pool, so nothing may be reported.
    (job,) = create_jobs(1)
    before = akool_threads()
    invoke(["status", job])
    assert left_behind(before) == []


def test_the_check_sees_a_thread_left_behind() -> None:
    before = akool_threads()
    release = threading.Event()
    stray = threading.Thread(target=release.wait, name="stray", daemon=True)
    stray.start()
    try:
        assert left_behind(before) == ["stray"]
    finally:
        release.set()
        stray.join()


def test_watch_of_several_jobs_leaves_no_thread_behind(
    api_env: Sandbox, isolated: Isolation
) -> None:
    ids = create_jobs(4)
    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    before = akool_threads()
    invoke(["watch", *ids, "-o", str(outdir)])
    assert len(list(outdir.glob("*.mp4"))) == 4
    assert left_behind(before) == []


def test_a_batch_leaves_no_thread_behind(api_env: Sandbox, isolated: Isolation) -> None:
    rows = "".join(f"r{n},https://e.com/p-{n}.jpg,https://e.com/s.mp3\n" for n in range(5))
    jobs = isolated.tmp / "jobs.csv"
    jobs.write_text("id,image_url,audio_url\n" + rows)
    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    before = akool_threads()
    invoke(["batch", str(jobs), "-o", str(outdir), "--concurrency", "3"])
    assert len(list(outdir.glob("*.mp4"))) == 5
    assert left_behind(before) == []


def test_a_status_refresh_of_several_jobs_leaves_no_thread_behind(api_env: Sandbox) -> None:
    ids = create_jobs(4)  # unfinished: the fake clock has not moved, so each one is refreshed
    before = akool_threads()
    invoke(["status", *ids])
    assert len(api_env.state.polls) == 4
    assert left_behind(before) == []


# -- history lookups ------------------------------------------------------------------------------

JOB = "job-0001"
KEY = "row-1:0123456789abcdef"
SCOPE = Scope("https://sandbox", "default", "0123456789abcdef")
ANY_ACCOUNT = Scope("https://sandbox", "default", None)
TALK = {"image_url": "https://e.com/q.jpg", "audio_url": "https://e.com/q.mp3"}
NO_INDEX = "issue 12: {} has no index"

# Per-row or per-job lookups must SEARCH an index. An ordered listing with a LIMIT may walk an
# index in order (SCAN ... USING INDEX) and stop early; a lookup that walks a whole index to
# filter it (json_extract on every row) is a scan all the same.
POINT, LISTING = "point lookup", "ordered listing"

LOOKUPS: list[tuple[str, Callable[[Journal], object], str, str | None]] = [
    ("job by id", lambda j: j.get(JOB), POINT, None),
    ("job state update", lambda j: j.update_state(JOB, 3, "https://e.com/v.mp4", ""), POINT, None),
    ("download record", lambda j: j.record_download(JOB, "/v.mp4", 1, "00"), POINT, None),
    ("batch row by key", lambda j: j.find_by_key(KEY, SCOPE), POINT, None),
    ("speech by key", lambda j: j.find_by_key(KEY + ":speech", SCOPE), POINT, None),
    ("batch row by key, any account", lambda j: j.find_by_key(KEY, ANY_ACCOUNT), POINT, None),
    ("attempts in flight", lambda j: j.open_attempts(), POINT, None),
    (
        "claim of a new batch row",
        lambda j: j.claim("row-9:00", "https://sandbox", "default", "talking_photo", {}),
        POINT,
        None,
    ),
    (
        "claim of a row with an unknown attempt",
        lambda j: j.claim("row-3:00", "https://sandbox", "default", "talking_photo", {}),
        POINT,
        None,
    ),
    ("attempt dismissal", lambda j: j.dismiss_attempt(1), POINT, None),
    ("recent jobs", lambda j: j.recent(10), LISTING, None),
    (
        "account of a credential",
        lambda j: j.account_of("https://sandbox", "default", "fedcba9876543210"),
        POINT,
        None,
    ),
    (
        "rows made with another credential",
        lambda j: j.made_elsewhere([KEY, "row-9:00"], Scope("https://sandbox", "default", "f0")),
        POINT,
        None,
    ),
    ("the attempt a job answered", lambda j: j.attempt_of_job(JOB), POINT, None),
    # Issue 17 (break17c H1): an unknown outcome blocks every create of its request, whichever
    # claim (a batch row, an MCP call) or none sent it; found by the request, not the key.
    (
        "a single create's attempt",
        lambda j: j.begin_attempt("https://sandbox", "default", "talking_photo", TALK),
        POINT,
        None,
    ),
    ("creates of one request in doubt", lambda j: j.unsettled_like(SCOPE, "tts", {}), POINT, None),
    (
        "creates of one request in doubt under another account",
        lambda j: j.unsettled_elsewhere(SCOPE, "tts", {}),
        POINT,
        None,
    ),
    # break17f F5: a head swap's analysis id (what akool mcp answers) leads to its job.
    ("a first step by its id", lambda j: j.first_step("6b1428a081d3510641ab567e"), POINT, None),
    ("a first step let go", lambda j: j.let_go_first_step("6b1428a081d3510641ab567f"), POINT, None),
    (
        "a head swap's attempt naming its first step",
        lambda j: j.begin_attempt(
            "https://sandbox", "default", "head_swap", {"analysis_id": "6b1428a081d3510641ab5670"}
        ),
        POINT,
        None,
    ),
]


def scans(plan: list[str], kind: str) -> list[str]:
    """The plan lines that read a whole table (or, for a point lookup, a whole index)."""
    found = []
    for line in plan:
        if not line.startswith("SCAN "):
            continue  # SEARCH, USE TEMP B-TREE, subquery headers: no full read
        if kind == LISTING and " USING " in line and "INDEX" in line:
            continue
        found.append(line)
    return found


@pytest.fixture
def history(isolated: Isolation) -> Journal:
    """A history with jobs and attempts of every kind, written as akool writes them."""
    journal = Journal(isolated.tmp / "history.db")
    now = time.time()
    for n, (kind, key) in enumerate(
        [("talking_photo", KEY), ("tts", KEY + ":speech"), ("talking_photo", "row-2:ff")]
    ):
        inputs = {"batch_key": key, "image_url": "https://e.com/p.jpg"}
        attempt = journal.begin_attempt("https://sandbox", "default", kind, inputs)
        job_id = JOB if n == 0 else f"job-{n:04d}"
        record = JobRecord(job_id, now + n, now + n, kind, inputs=inputs, batch_key=key)
        journal.record_created(attempt, record)
    journal.attempt_unknown(journal.begin_attempt("https://sandbox", "default", "tts", {}), "cut")
    cut = journal.begin_attempt(
        "https://sandbox", "default", "talking_photo", {}, batch_key="row-3:00"
    )
    journal.attempt_unknown(cut, "cut")
    return journal


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        pytest.param(
            call,
            kind,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=NO_INDEX.format(missing))]
            if missing
            else [],
        )
        for name, call, kind, missing in LOOKUPS
    ],
)
def test_each_history_lookup_uses_an_index(
    history: Journal, call: Callable[[Journal], object], kind: str
) -> None:
    with history:
        plans = explain_statements(history, call)
    assert plans, "the lookup ran no statement on the history: is it still the journal's?"
    assert {sql: scans(plan, kind) for sql, plan in plans.items() if scans(plan, kind)} == {}


@pytest.mark.parametrize(
    ("line", "kind", "flagged"),
    [
        ("SCAN jobs", LISTING, True),
        ("SCAN attempts", POINT, True),
        ("SCAN jobs USING INDEX jobs_created", POINT, True),
        ("SCAN jobs USING INDEX jobs_created", LISTING, False),
        ("SCAN jobs USING COVERING INDEX jobs_key", LISTING, False),
        ("SEARCH jobs USING INDEX jobs_key (batch_key=?)", POINT, False),
        ("USE TEMP B-TREE FOR ORDER BY", POINT, False),
    ],
)
def test_the_plan_check_flags_full_reads(line: str, kind: str, flagged: bool) -> None:
    assert bool(scans([line], kind)) is flagged


def test_the_journal_explains_each_statement_it_runs(history: Journal) -> None:
    with history:
        plans = explain_statements(history, lambda j: [j.get(JOB), j.get("job-0002")])
    # One plan per statement, parameters filled in: each lookup is explained as it ran.
    assert len(plans) == 2 and all("'job-0001'" in sql or "'job-0002'" in sql for sql in plans)
    assert all(plan and plan[0].startswith("SEARCH jobs") for plan in plans.values())

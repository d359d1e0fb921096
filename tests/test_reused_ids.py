"""A server that answers one create with another create's job id never makes that job stand for
the wrong row (issue 17, M6).

The break-it run's case: the answer to d1's create is lost (an unknown outcome), then d2's create
is answered with d1's `_id`. Each test fails on akool before the fix: d2 showed done and
downloaded d1's video, and `settle --created` of that id was refused ("already in the history"),
so d1 could only be settled `--not-created`, billing it again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import settle_command

AUDIO = "https://example.com/speech.mp3"
# AKOOL reports its own copy of a portrait (the sandbox too), so what tells the two creates
# apart in its answers is what it echoes: their prompts.
FIRST, SECOND = ["--prompt", "dup1 waves"], ["--prompt", "dup2 nods"]


def reuse_the_first_id(
    sandbox: Sandbox, method: str = "create_job", endpoint: str = "create_talking_photo"
) -> list[Any]:
    """The sandbox loses the answer to the endpoint's next create, and answers every later
    create with the job that one made (the answer otherwise the later create's, as the break-it
    run's proxy did: only `_id` replaced); AKOOL's status of that id stays the first create's.
    `method`: the sandbox state's method that makes the endpoint's jobs."""
    created = getattr(sandbox.state, method)
    first: list[Any] = []

    def reused(request: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        if not first:
            first.append(created(request, *args, **kwargs))
            return first[0]
        return replace(first[0], request=request)  # not kept: the status is the first one's

    setattr(sandbox.state, method, reused)
    sandbox.state.inject("drop", at=endpoint)
    return first


def two_talks(sandbox: Sandbox) -> tuple[int, str]:
    """The first talk's answer is lost (its attempt), the second is answered with its job (not
    followed yet)."""
    reuse_the_first_id(sandbox)
    lost = invoke(["talk", "https://example.com/dup1.jpg", AUDIO, *FIRST], expect=5)
    attempt, _ = settle_command(lost.stderr)
    return attempt, invoke(["talk", "https://example.com/dup2.jpg", AUDIO, *SECOND]).stdout.strip()


def test_a_row_answered_with_another_rows_id_is_reported_and_settled_to_its_row(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(
        f"id,image_url,audio_url,prompt\nd1,https://example.com/dup1.jpg,{AUDIO},dup1 waves\n"
        f"d2,https://example.com/dup2.jpg,{AUDIO},dup2 nods\n"
    )
    out = isolated.tmp / "out"
    original = api_env.state.create_job
    reuse_the_first_id(api_env)
    batch = ["batch", str(rows), "-o", str(out), "-c", "1", "--json"]
    result = invoke(batch, expect=9)
    report = {r["id"]: r for r in json.loads(result.stdout)["results"]}
    (job,) = api_env.state.jobs  # d1's job, the only one AKOOL made
    assert report["d1"]["state"] == "unknown" and report["d2"]["state"] == "unknown"
    # Both rows are named; d2 is not given d1's job, and nothing was downloaded for it.
    error = report["d2"]["error"]
    assert f"job {job} shows other inputs than row 3 (d2)" in error and "'dup1 waves'" in error
    assert "it is the job of row 2 (d1)" in error
    assert report["d2"]["job_id"] is None and not any(Path(out).glob("*.mp4"))
    assert f"akool settle {report['d1']['attempt']} --created {job}" in error
    # The job settles to the row whose inputs it shows; the rerun downloads it for d1.
    invoke(["settle", str(report["d1"]["attempt"]), "--created", job])
    again = {r["id"]: r for r in json.loads(invoke(batch, expect=9).stdout)["results"]}
    assert again["d1"]["state"] == "done" and again["d1"]["job_id"] == job
    assert again["d2"]["state"] == "unknown"
    # d2's create made no job of its own on AKOOL: settled so, it is made exactly once.
    api_env.state.create_job = original  # type: ignore[method-assign]
    invoke(["settle", str(again["d2"]["attempt"]), "--not-created"])
    final = {r["id"]: r for r in json.loads(invoke(batch).stdout)["results"]}
    assert final["d2"]["state"] == "done" and final["d2"]["job_id"] != job
    assert len(api_env.state.jobs) == 2


def test_a_talk_whose_id_was_never_read_moves_to_the_attempt_it_belongs_to(
    api_env: Sandbox, isolated: Isolation
) -> None:
    attempt, job = two_talks(api_env)
    assert list(api_env.state.jobs) == [job]
    # Followed, it is refused: its status shows the first talk's inputs (exit 5, no file).
    watched = invoke(["watch", job, "-o", str(isolated.tmp / "v.mp4")], expect=5)
    assert "dup1 waves" in watched.stderr and f"akool settle {attempt} --created {job}" in (
        watched.stderr
    )
    assert not (isolated.tmp / "v.mp4").exists()
    settled = json.loads(invoke(["settle", str(attempt), "--created", job, "--json"]).stdout)
    assert settled["job_id"] == job
    invoke(["watch", job, "-o", str(isolated.tmp / "v.mp4")])
    assert (isolated.tmp / "v.mp4").exists()
    # The second talk's create is the unknown one now: the same command is not sent again.
    invoke(["talk", "https://example.com/dup2.jpg", AUDIO, *SECOND], expect=5)
    assert list(api_env.state.jobs) == [job]


def test_settling_before_any_status_read_moves_the_job(
    api_env: Sandbox, isolated: Isolation
) -> None:
    attempt, job = two_talks(api_env)
    invoke(["settle", str(attempt), "--created", job])  # held by the second talk, never read
    status = json.loads(invoke(["status", "--json"]).stdout)
    view = next(v for v in status if v["id"] == job)
    assert "dup1.jpg" in json.dumps(view)


def test_a_status_showing_akools_own_copy_of_an_input_is_no_mismatch(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # Should AKOOL keep (and report) its own copy of the portrait, the create's answer and the
    # status both show that copy: the status is compared with the create's answer first.
    created = api_env.state.create_job

    def copied(request: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        copy = {**request, "talking_photo_url": "https://cdn.akool.example/copy.jpeg"}
        return created(copy, *args, **kwargs)

    api_env.state.create_job = copied  # type: ignore[method-assign]
    invoke(["talk", "https://example.com/mine.jpg", AUDIO, "-o", str(isolated.tmp / "v.mp4")])
    assert (isolated.tmp / "v.mp4").exists()

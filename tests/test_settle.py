"""`akool settle`: an unknown outcome is settled by the job found in AKOOL's dashboard, or as
not created (one new create), for batch rows and single commands alike.

Each test fails on akool before this command existed: a create whose answer was lost stayed
unknown for good (a batch row could only be created again with --retry-unknown, and a job found
in the dashboard could not be attached to it), and the hints named no command that settles it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from akool_cli import Client, UsageError
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke
from tests.test_json_shapes import shape

AUDIO = "https://example.com/speech.mp3"
VOICE = "sbx-en-f-ava"


class AnswerLost(Exception):
    """Raised in the sandbox after the work is done: the connection ends without an answer."""


def lose_answer_once(sandbox: Sandbox, method: str) -> list[Any]:
    """The next call of the sandbox's `method` makes its job, then the answer is lost."""
    original = getattr(sandbox.state, method)
    made: list[Any] = []

    def once(*args: Any, **kwargs: Any) -> Any:
        made.append(original(*args, **kwargs))
        if len(made) == 1:
            setattr(sandbox.state, method, original)
            raise AnswerLost
        return made[-1]

    setattr(sandbox.state, method, once)
    return made


def settle_command(stderr: str) -> tuple[int, str]:
    """The attempt number and the exact settle command a hint names."""
    found = re.search(r"akool settle (\d+) --created JOB_ID", stderr)
    assert found, stderr
    return int(found.group(1)), found.group(0)


def test_a_batch_row_settled_with_the_job_from_the_dashboard_is_followed_and_saved(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    made = lose_answer_once(api_env, "create_job")
    first = invoke(["batch", str(rows), "--json", "-c", "1"], expect=9)
    report = {r["id"]: r for r in json.loads(first.stdout)["results"]}
    assert report["r0"]["state"] == "unknown" and report["r1"]["state"] == "done"
    attempt, command = settle_command(first.stderr)
    assert report["r0"]["attempt"] == attempt
    assert "--retry-unknown" not in first.stderr  # the hint is the command that settles it
    # A rerun sends nothing for the row: still unknown, with the same hint.
    again = invoke(["batch", str(rows), "--json"], expect=9)
    assert command in again.stderr and len(api_env.state.jobs) == 2
    lost = made[0].id  # what the AKOOL dashboard shows
    settled = invoke(["settle", str(attempt), "--created", lost])
    assert settled.stdout.strip() == lost and "run the batch again" in settled.stderr
    out = isolated.tmp / "out"
    done = json.loads(invoke(["batch", str(rows), "--json", "-o", f"{out}/"]).stdout)
    by_id = {r["id"]: r for r in done["results"]}
    assert by_id["r0"]["job_id"] == lost and by_id["r0"]["state"] == "done"
    assert Path(by_id["r0"]["downloaded_path"]).is_file()
    assert len(api_env.state.jobs) == 2  # nothing was created again


def test_a_batch_row_settled_as_not_created_is_created_exactly_once(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 1)
    lose_answer_once(api_env, "create_job")
    invoke(["batch", str(rows)], expect=9)
    # Named by its row, as the batch shows it (its id column), with the file.
    settled = json.loads(
        invoke(["settle", "r0", "--batch", str(rows), "--not-created", "--json"]).stdout
    )
    assert settled["outcome"] == "not_created" and list(settled) == shape("`akool settle")
    invoke(["batch", str(rows)])
    invoke(["batch", str(rows)])
    assert len(api_env.state.jobs) == 2  # the lost one, and exactly one more
    # Settled once: saying it again is refused with one line, exit 2.
    refused = invoke(["settle", "r0", "--batch", str(rows), "--not-created"], expect=2)
    assert "no create whose outcome is unknown" in refused.stderr


def test_a_talk_whose_answer_was_lost_is_settled_then_watched(
    api_env: Sandbox, isolated: Isolation
) -> None:
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["talk", "https://example.com/a.jpg", AUDIO], expect=5)
    attempt, _ = settle_command(lost.stderr)
    status = invoke(["status"])
    assert f"akool settle {attempt} --created JOB_ID" in status.stderr
    invoke(["settle", str(attempt), "--created", made[0].id])
    assert f"akool settle {attempt}" not in invoke(["status"]).stderr  # settled: not listed
    saved = invoke(["watch", made[0].id, "-o", f"{isolated.tmp}/v/"])
    assert Path(saved.stdout.strip()).is_file()
    # Its outcome is known now: settling it again is refused, and so is a wrong job id.
    again = invoke(["settle", str(attempt), "--not-created"], expect=2)
    assert "outcome is known" in again.stderr and "Hint:" in again.stderr


def test_a_lost_speech_of_talk_text_settled_as_not_created_is_made_once_more(
    api_env: Sandbox, isolated: Isolation
) -> None:
    lose_answer_once(api_env, "create_speech")
    talk = ["talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", VOICE]
    lost = invoke(talk, expect=5)
    attempt, _ = settle_command(lost.stderr)
    assert "unknown outcome" in invoke(talk, expect=5).stderr  # never re-billed by itself
    assert len(api_env.state.speech) == 1
    invoke(["settle", str(attempt), "--not-created"])
    invoke(talk)
    invoke(talk)  # the speech made now is reused
    assert len(api_env.state.speech) == 2 and len(api_env.state.jobs) == 2


def test_the_library_settles_a_speech_with_the_job_it_made(
    api_env: Sandbox, isolated: Isolation
) -> None:
    made = lose_answer_once(api_env, "create_speech")
    talk = ["talk", "https://example.com/p.jpg", "--text", "Hi", "--voice", VOICE]
    attempt, _ = settle_command(invoke(talk, expect=5).stderr)
    with Client(SANDBOX_API_KEY, base_url=api_env.base_url) as client:
        with pytest.raises(UsageError, match=r"created=\"JOB_ID\" or not_created=True"):
            client.settle(attempt)
        settled = client.settle(attempt, created=made[0].id)
        assert settled.created and settled.kind == "tts"
        assert settled.to_json()["job_id"] == made[0].id
    invoke(talk)  # the settled speech is used: none is made again
    assert len(api_env.state.speech) == 1


def test_settling_with_a_job_id_akool_does_not_know_is_refused(
    api_env: Sandbox, isolated: Isolation
) -> None:
    lose_answer_once(api_env, "create_job")
    attempt, _ = settle_command(invoke(["talk", "https://e.com/a.jpg", AUDIO], expect=5).stderr)
    wrong = invoke(["settle", str(attempt), "--created", "0" * 24], expect=4)
    assert "does not know talking photo job" in wrong.stderr and "Hint:" in wrong.stderr
    assert f"akool settle {attempt}" in invoke(["status"]).stderr  # still unknown
    missing = invoke(["settle", "999", "--not-created"], expect=2)
    assert "no create attempt '999'" in missing.stderr


def test_the_exit_code_table_names_the_settle_command() -> None:
    from akool_cli.core.errors import EXIT_CODE_MEANINGS, ExitCode
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in (ExitCode.UNAVAILABLE, ExitCode.BATCH_INCOMPLETE):
        assert "`akool settle ID --created JOB_ID` (or `--not-created`)" in EXIT_CODE_MEANINGS[code]
        assert f"| {int(code)} | {EXIT_CODE_MEANINGS[code]} |" in readme


def test_status_shows_an_unknown_outcome_as_a_row_with_the_command_that_settles_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    lose_answer_once(api_env, "create_job")
    lost = invoke(["talk", "https://example.com/a.jpg", AUDIO, "--name", "lost one"], expect=5)
    attempt, command = settle_command(lost.stderr)
    # Nothing else in the history: the array holds that create, not nothing.
    (row,) = json.loads(invoke(["status", "--json"]).stdout)
    assert list(row) == shape("unknown create outcome")
    assert row["id"] is None and row["state"] == "unknown" and row["video_status"] is None
    assert row["attempt"] == attempt and command in row["hint"] and row["error"]
    assert row["kind"] == "talking_photo" and row["label"] == "lost one"
    assert row["inputs"]["image_url"] == "https://example.com/a.jpg" and row["created_at"]
    # The table has its row too (tab-separated in a pipe), named and with its settle command.
    text = invoke(["status"])
    (line,) = text.stdout.splitlines()
    cells = line.split("\t")
    assert cells[:2] == ["?", "unknown"] and cells[4] == "lost one"
    assert f"akool settle {attempt} --created JOB_ID" in cells[3] and "--not-created" in cells[3]
    assert command in text.stderr  # and the warning with the whole story, as before
    with Client(SANDBOX_API_KEY, base_url=api_env.base_url) as client:
        assert [v["attempt"] for v in client.statuses().views()] == [attempt]
    invoke(["settle", str(attempt), "--not-created"])
    assert json.loads(invoke(["status", "--json"]).stdout) == []  # settled: no row

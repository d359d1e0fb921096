"""A talking photo's answers show AKOOL's own copy of the portrait (`talking_photo`, another URL
than the talking_photo_url sent: openapi/talking-photo.yaml), and that copy is never taken for
another create's input (issue 17, break-it run 17b, M2).

The sandbox answers as AKOOL does (a copy in the create's answer and in every status). Each test
fails on akool before the fix: `settle --created` compared AKOOL's copy with the URL the attempt
sent and refused the job the attempt made ("another create's job"), and a job recorded without
its create's answer (an older history) was disowned on its first status read.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from akool_cli import Client
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_reused_ids import reuse_the_first_id
from tests.test_settle import settle_command

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
CREATE = "/api/open/v3/content/video/createbytalkingphoto"
STATUS = "/api/open/v3/content/video/infobymodelid"


def api(*args: str) -> dict[str, Any]:
    data = json.loads(invoke(["api", *args]).stdout)
    return dict(data.get("data", data))


def test_the_sandbox_answers_with_one_copy_of_the_portrait_as_akool_does(
    api_env: Sandbox, isolated: Isolation
) -> None:
    created = api("POST", CREATE, "-f", f"talking_photo_url={IMAGE}", "-f", f"audio_url={AUDIO}")
    status = api("GET", STATUS, "-f", f"video_model_id={created['_id']}")
    copy = created["talking_photo"]
    assert copy.startswith(("http://", "https://")) and copy != IMAGE
    assert status["talking_photo"] == copy  # the same copy in the create's answer and status
    assert status["prompt"] == "" and status["resolution"] == "720"  # echoes, as documented


def test_settling_a_talking_photo_with_the_job_it_made_is_accepted(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # The break-it run's case: the create's answer is lost; AKOOL's status shows its copy.
    api_env.state.inject("drop", at="create_talking_photo")
    lost = invoke(["talk", IMAGE, AUDIO], expect=5)
    attempt, _ = settle_command(lost.stderr)
    (job,) = api_env.state.jobs
    settled = json.loads(invoke(["settle", str(attempt), "--created", job, "--json"]).stdout)
    assert settled["outcome"] == "created" and settled["job_id"] == job
    invoke(["watch", job, "-o", str(isolated.tmp / "v.mp4")])
    assert (isolated.tmp / "v.mp4").exists()


def test_the_library_settles_a_talking_photo_with_its_job_too(
    api_env: Sandbox, isolated: Isolation
) -> None:
    api_env.state.inject("drop", at="create_talking_photo")
    lost = invoke(["talk", IMAGE, AUDIO, "--prompt", "waves"], expect=5)
    attempt, _ = settle_command(lost.stderr)
    (job,) = api_env.state.jobs
    client = Client(api_key=SANDBOX_API_KEY, base_url=api_env.base_url)
    assert client.settle(attempt, created=job).job is not None


def test_a_job_recorded_without_its_creates_answer_is_not_disowned_for_akools_copy(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # A job an older akool recorded (before it kept what the create's answer echoed) is first
    # read now: its status's copy of the portrait is no other create's input.
    job = invoke(["talk", IMAGE, AUDIO, "--prompt", "waves"]).stdout.strip()
    with sqlite3.connect(isolated.home / "jobs.sqlite3") as db:
        db.execute("UPDATE jobs SET answered = '{}' WHERE id = ?", (job,))
    invoke(["watch", job, "-o", str(isolated.tmp / "v.mp4")])
    assert (isolated.tmp / "v.mp4").exists()
    view = next(v for v in json.loads(invoke(["status", "--json"]).stdout) if v["id"] == job)
    assert view["state"] == "done"


def test_a_reused_id_is_still_caught_by_akools_copies_alone(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # No echoed input tells the two creates apart: the copy in the second create's answer and
    # the one in the status of the id it was given differ (each create has its own copy).
    reuse_the_first_id(api_env)
    invoke(["talk", "https://example.com/c1.jpg", AUDIO], expect=5)
    job = invoke(["talk", "https://example.com/c2.jpg", AUDIO]).stdout.strip()
    watched = invoke(["watch", job, "-o", str(isolated.tmp / "v.mp4")], expect=5)
    assert "image_url (AKOOL's copy)" in watched.stderr
    assert "its create's answer gave" in watched.stderr
    assert not (isolated.tmp / "v.mp4").exists()

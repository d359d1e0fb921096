"""`akool settle --created JOB` compares the job's kind as well as its inputs: a job of another
product that the same status endpoint answers (a talking photo for a lip sync, both read with
infobymodelid; a text to video for an image to video, both read with resultsByIds) is refused
unless --force; an answer that tells no kind (a talking avatar's, for a lip sync) must echo the
attempt's inputs.

Each test fails on akool before the comparison: the other product's job was recorded as the
attempt's, then followed, downloaded and picked up by a rerun as if it were that row's.
"""

from __future__ import annotations

import pytest

from akool_cli import Client, UsageError
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"


def made_elsewhere(isolated: Isolation, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> str:
    """A job made from another history (another machine), as the dashboard lists it."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "other-home"))
    job = invoke(args).stdout.split()[0]
    monkeypatch.setenv("AKOOL_HOME", str(isolated.home))
    return job


@pytest.mark.parametrize(
    ("other", "lost", "words"),
    [
        (
            ["talk", f"{E}/face.jpg", f"{E}/speech.mp3"],
            ["lipsync", f"{E}/clip.mp4", f"{E}/speech.mp3"],
            "is a talking photo job, not a lip sync job",
        ),
        (
            ["lipsync", f"{E}/clip.mp4", f"{E}/speech.mp3"],
            ["translate", f"{E}/clip.mp4", "--to", "es"],
            "is a lip sync job, not a video translation job",
        ),
        (  # nothing in a talking avatar's answer tells it: the lip sync's inputs must show
            ["avatar", "SandboxAnna01", f"{E}/speech.mp3"],
            ["lipsync", f"{E}/clip.mp4", f"{E}/speech.mp3"],
            "does not show it is a lip sync job (no target_video, input_audio",
        ),
        (
            ["text2video", "--prompt", "a lake"],
            ["image2video", f"{E}/photo.jpg", "--prompt", "a lake"],
            "is a text to video job, not an image to video job",
        ),
    ],
)
def test_settling_with_another_products_job_is_refused_unless_forced(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    other: list[str],
    lost: list[str],
    words: str,
) -> None:
    foreign = made_elsewhere(isolated, monkeypatch, other)
    made = lose_answer_once(api_env, "create_job")
    attempt = str(settle_command(invoke(lost, expect=5).stderr)[0])
    refused = invoke(["settle", attempt, "--created", foreign], expect=2)
    assert f"job {foreign} {words}" in refused.stderr and "Hint:" in refused.stderr
    assert f"akool settle {attempt}" in invoke(["status"]).stderr  # still unknown
    invoke(["settle", attempt, "--created", made[0].id])  # its own job: recorded
    assert f"akool settle {attempt}" not in invoke(["status"]).stderr


def test_force_records_a_job_whose_kind_looks_other(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = made_elsewhere(isolated, monkeypatch, ["talk", f"{E}/a.jpg", f"{E}/s.mp3"])
    lose_answer_once(api_env, "create_job")
    lost = invoke(["lipsync", f"{E}/clip.mp4", f"{E}/s.mp3"], expect=5)
    attempt = settle_command(lost.stderr)[0]
    with Client(SANDBOX_API_KEY, base_url=api_env.base_url) as client:
        with pytest.raises(UsageError, match="is a talking photo job, not a lip sync job"):
            client.settle(attempt, created=foreign)
        assert client.settle(attempt, created=foreign, force=True).created


def test_a_lip_sync_job_made_with_other_inputs_is_refused(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = ["lipsync", f"{E}/other.mp4", f"{E}/speech.mp3"]
    foreign = made_elsewhere(isolated, monkeypatch, other)
    lose_answer_once(api_env, "create_job")
    lost = invoke(["lipsync", f"{E}/clip.mp4", f"{E}/speech.mp3"], expect=5)
    attempt = str(settle_command(lost.stderr)[0])
    refused = invoke(["settle", attempt, "--created", foreign], expect=2)
    assert "made with other inputs" in refused.stderr and "other.mp4" in refused.stderr

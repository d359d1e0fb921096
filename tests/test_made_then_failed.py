"""A job this run made, then a failure while following it (break17f F1): status polling that keeps
answering 500, an answer dropped, an HTML page for an answer. Running the command again would
make and bill a second job, so the hint follows the job made (`akool watch ID -o TARGET`, the same
target), never "run the command again"; with --json the one document says what failed. Following
the hint saves the job, and AKOOL made one."""

from __future__ import annotations

import json
import shlex

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE, AUDIO = "https://example.com/f1.jpg", "https://example.com/f1.mp3"
VIDEO, FACE = "https://example.com/f1.mp4", "https://example.com/f1-face.jpg"
# (command, the endpoint that tells its state, the fault it keeps answering)
CASES = {
    "talk-500": (["talk", IMAGE, AUDIO], "video_info", "500"),
    "lipsync-drop": (["lipsync", VIDEO, AUDIO], "video_info", "drop"),
    "faceswap-html": (["faceswap", FACE, IMAGE], "faceswap_results", "html"),
}
RERUN = ("run the command again", "try again", "run it again", "run the same command again")


def _hint(stderr: str) -> str:
    return " ".join(stderr.split("Hint:", 1)[1].split())  # wrapped on a terminal's width


@pytest.mark.parametrize("json_out", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_failure_after_the_create_follows_the_job_never_makes_it_again(
    case: str, json_out: bool, api_env: Sandbox, isolated: Isolation
) -> None:
    command, endpoint, fault = CASES[case]
    target = f"{isolated.tmp}/out/"
    api_env.state.inject(*[fault] * 40, at=endpoint)  # every poll, past the retries
    failed = invoke([*command, "-o", target, *(["--json"] if json_out else [])], expect=5)
    [job] = list(api_env.state.jobs)
    hint = _hint(failed.stderr)
    assert f"akool watch {job} -o {target}" in hint, failed.stderr
    assert not any(again in hint for again in RERUN), hint
    if json_out:
        document = json.loads(failed.stdout)  # one document: the job, saying what failed
        assert document["id"] == job and document["error"], document
    else:
        assert failed.stdout.split() == [job]
    # The hint, followed once AKOOL answers again: the job saved, none made again.
    api_env.state.clear_faults(endpoint)
    isolated.clock.advance(600)
    watch = shlex.split(hint.split("already: ", 1)[1].split(" (", 1)[0])
    assert watch[:2] == ["akool", "watch"]
    saved = invoke(watch[1:])
    assert job in saved.stdout and len(api_env.state.jobs) == 1

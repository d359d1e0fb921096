"""AKOOL's code 1007 ("The number of people who can have their faces changed cannot exceed 8":
faceswap.mdx and reage.mdx): the sandbox answers it where the docs say it applies, and akool says
it in one clear line with exit 4 (AKOOL rejected the request), nothing billed and nothing left to
settle. akool's own check before billing counts the faces face detection finds; a video whose
sampled frames show fewer people than it holds gets past it, and AKOOL's create then refuses it."""

from __future__ import annotations

import json

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.support.runner import invoke

FACE = "https://example.com/face.jpg"
# Face detection's sampled frames show one face; nine people come later in the video.
LATE_CROWD = "https://example.com/latecrowd.mp4"
CROWD = "https://example.com/crowd.jpg"
AKOOL_SAYS = "The number of people who can have their faces changed cannot exceed 8"


@pytest.mark.parametrize(
    "args",
    [
        ["reage", "--video", LATE_CROWD, "--age", "5"],
        ["faceswap", FACE, "--video", LATE_CROWD],
        ["faceswap", FACE, "--video", LATE_CROWD, "--plus"],
    ],
    ids=["reage", "faceswap-video", "faceswap-plus-video"],
)
def test_code_1007_is_one_clear_line_exit_4_and_nothing_to_settle(
    api_env: Sandbox, args: list[str]
) -> None:
    refused = invoke(args, expect=4)
    errors = [line for line in refused.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "more than 8 faces" in errors[0] and "(code 1007)" in errors[0]
    assert "\nHint: " in refused.stderr and refused.stdout == ""
    document = json.loads(invoke([*args, "--json"], expect=4).stdout)
    assert document["error"]["exit_code"] == 4 and "code 1007" in document["error"]["message"]
    assert api_env.state.jobs == {}
    # Refused for certain: no unknown outcome to settle, and the same command may be run again.
    assert json.loads(invoke(["status", "--json"]).stdout) == []


def test_the_library_raises_rejected_error_with_the_code(api_env: Sandbox) -> None:
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=api_env.base_url)
    with client, pytest.raises(akool_cli.RejectedError, match="more than 8 faces") as refused:
        client.reage(LATE_CROWD, 5, video=True)
    assert refused.value.code == 1007 and refused.value.exit_code == 4


def test_the_sandbox_answers_1007_where_the_docs_say_it_applies(api_env: Sandbox) -> None:
    crowd = {"path": CROWD, "opts": "1,2:3,4:5,6:7,8"}
    bodies = {
        contract.REAGE_IMAGE.path: {"targetImage": [crowd], "face_reage": 5, "modifyImage": CROWD},
        contract.FACESWAP_PRO.path: {"sourceImage": [{"path": FACE}], "targetImage": [crowd]},
    }
    for path, body in bodies.items():
        answer = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=4)
        assert json.loads(answer.stdout) == {"code": 1007, "msg": AKOOL_SAYS}, path
    assert api_env.state.jobs == {}
    # Single-face mode changes one face, whatever the image shows: no 1007.
    invoke(["faceswap", FACE, CROWD, "--single-face"])
    assert len(api_env.state.jobs) == 1

"""Issue 17's break-it run 17f, helper promises15's part: `akool api POST` to a path that creates a
job is created as every create is (F7): claimed in the history before it is sent, its job
recorded, an unanswered one an unknown outcome that `akool status` lists and `akool settle`
settles, and that blocks the same request sent again by the same call or by `akool talk`.

Each test fails on akool before the fix: nothing was recorded, the hint named an attempt that did
not exist, and running it again (or `akool talk` with the same inputs) billed a second job."""

from __future__ import annotations

import json

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"
TALK_BODY = {"talking_photo_url": f"{E}/api-R.jpg", "audio_url": f"{E}/a.mp3"}
API_TALK = ["api", "POST", contract.CREATE_TALKING_PHOTO.path, "--input", "-"]


def test_an_unanswered_api_create_is_an_unknown_outcome_that_blocks_every_way_to_send_it_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(API_TALK, input=json.dumps(TALK_BODY), expect=5)
    attempt, settle = settle_command(lost.stderr)
    assert len(made) == 1
    shown = invoke(["status"])
    listed = shown.stdout + shown.stderr
    assert f"attempt {attempt}" in listed and "unknown outcome" in listed, listed
    # The same call again, and `akool talk` with the same inputs: refused, nothing sent.
    again = invoke(API_TALK, input=json.dumps(TALK_BODY), expect=5)
    assert settle in again.stderr
    talk = invoke(["talk", TALK_BODY["talking_photo_url"], TALK_BODY["audio_url"]], expect=5)
    assert settle in " ".join(talk.stderr.split())
    assert len(api_env.state.jobs) == 1  # one job, paid once
    # Settled with the job AKOOL made: recorded as that create's, then followed like any job.
    job = made[0]["_id"] if isinstance(made[0], dict) else made[0].id
    invoke(["settle", str(attempt), "--created", job])
    assert job in invoke(["history", "--json"]).stdout


def test_an_answered_api_create_prints_akools_answer_and_is_recorded_as_its_job(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = invoke(API_TALK, input=json.dumps(TALK_BODY))
    answer = json.loads(done.stdout)
    job = answer["data"]["_id"]
    assert answer["code"] == 1000 and len(api_env.state.jobs) == 1
    history = json.loads(invoke(["history", "--json"]).stdout)
    assert [j["id"] for j in history] == [job], history
    # A refusal (AKOOL's own code) is printed and judged as before, and nothing is recorded.
    monkeypatch.setenv("AKOOL_API_KEY", "another-key-0123456789abcdef012345")
    refused = invoke(API_TALK, input=json.dumps({**TALK_BODY, "prompt": "x"}), expect=3)
    assert json.loads(refused.stdout)["code"] != 1000
    assert [j["id"] for j in json.loads(invoke(["history", "--json"]).stdout)] == [job]


@pytest.mark.parametrize(
    ("product", "left_out"),
    [
        (["avatar", "SandboxAnna01", f"{E}/g15.mp3"], ()),
        (["faceswap", f"{E}/face.png", f"{E}/g15.jpg"], ()),
        (["reage", f"{E}/g15.jpg", "--age", "5"], ()),
        (["headswap", f"{E}/g15.mp4", "--face", f"{E}/face.png"], ()),
        # A body without the fields AKOOL documents defaults for is the same request.
        (["text2video", "--prompt", "a soft lake"], ("count",)),
        (["charswap", f"{E}/soft.png", f"{E}/soft.mp4"], ("resolution", "mode")),
    ],
    ids=["talking-avatar", "faceswap", "reage", "headswap", "text2video", "charswap"],
)
def test_a_product_create_of_the_bytes_an_unanswered_api_create_sent_is_refused(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    product: list[str],
    left_out: tuple[str, ...],
) -> None:
    """break17g G15: the raw call recorded its body, the product command its own inputs, so
    `akool avatar`/`akool faceswap` after an unanswered `akool api` create of the very bytes it
    sends billed them a second time. Its softer variant: a raw body that leaves out fields
    AKOOL documents a default for (text to video's count 1, character swap's 720p and
    animate) is the job the product command makes with them filled in."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "other-home"))
    invoke(product)  # what the product command sends, as AKOOL receives it
    sent = api_env.state.received[-1]
    body, path = json.loads(sent.body), sent.path.split("?")[0]
    assert all(name in body for name in left_out)
    body = {k: v for k, v in body.items() if k not in left_out}
    monkeypatch.setenv("AKOOL_HOME", str(isolated.home))
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=5)
    _, settle = settle_command(lost.stderr)
    refused = invoke(product, expect=5)
    assert settle in " ".join(refused.stderr.split()), refused.stderr
    assert len(made) == 1  # the lost one only: nothing billed twice


@pytest.mark.parametrize("spelled", ["/{}/", "/{}//", "//{}", "/./{}"])
def test_an_api_create_path_spelled_another_way_is_claimed_as_the_create(
    api_env: Sandbox, isolated: Isolation, spelled: str
) -> None:
    """break17f F21: a trailing slash, `//` or `./` in the path was sent unclaimed: nothing
    recorded, a hint naming no attempt, and the rerun billed again."""
    path = spelled.format(contract.CREATE_TALKING_PHOTO.path.strip("/"))
    made = lose_answer_once(api_env, "create_job")
    body = json.dumps({**TALK_BODY, "talking_photo_url": f"{E}/{len(spelled)}.jpg"})
    lost = invoke(["api", "POST", path, "--input", "-"], input=body, expect=5)
    _, settle = settle_command(lost.stderr)
    again = invoke(["api", "POST", path, "--input", "-"], input=body, expect=5)
    assert settle in again.stderr and len(made) == 1


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), b"bytes"], ids=["nan", "inf", "bytes"]
)
def test_a_raw_create_body_json_cannot_carry_is_refused_before_it_is_claimed(
    api_env: Sandbox, isolated: Isolation, value: object
) -> None:
    """break17g G16: claimed first, then recorded as an unknown outcome ("stopped while waiting
    for AKOOL's answer") though nothing left the machine; a ValueError or TypeError raised."""
    import akool_cli

    body = {"video_url": f"{E}/v.mp4", "audio_url": f"{E}/a.mp3", "x": value}
    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError, match="as JSON"):
        client.raw_call("POST", contract.CREATE_LIPSYNC.path, body=body)
    assert api_env.state.received == []
    assert "unknown outcome" not in invoke(["status"]).stderr


def test_an_unanswered_post_akool_makes_no_job_of_says_nothing_was_recorded(
    isolated: Isolation,
) -> None:
    """break17f F7/F23: a POST to a path akool makes no job of (a live session) said "akool
    status lists the create attempts whose outcome is unknown; settle one …": none was. (The
    documented batch creates are creates now: tests/test_one_identity.py.)"""
    import akool_cli
    from tests.support.hostile import answering, raw_server

    path = "/api/open/v4/liveAvatar/session/create"
    with (
        raw_server(answering(b"")) as url,  # takes the request, closes without an answer
        akool_cli.Client("k" * 32, base_url=url.rsplit("/", 1)[0]) as client,
        pytest.raises(akool_cli.UnknownOutcomeError) as lost,
    ):
        client.raw_call("POST", path, body={"image_url": f"{E}/i.jpg", "count": 3})
    hint = lost.value.hint or ""
    assert "recorded nothing" in hint and "settle" not in hint, hint

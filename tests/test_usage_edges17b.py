"""Misuse refused where it is made, with one clear error (issue 17, break-it run 17b, L12/L13).

Each test fails on akool before the fix: `akool api` with a control character in PATH was an
"unexpected InvalidURL" (exit 1, "report it"); the library sent a malformed job id to AKOOL
(`wait("zzz")`: AKOOL's 1008), and wrong argument types leaked AttributeError or TypeError.
"""

from __future__ import annotations

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

AUDIO = "https://example.com/speech.mp3"
JOB = "0123456789abcdef01234567"


@pytest.mark.parametrize("control", ["\r\nHost: 127.0.0.1:1", "\x01", "\t", "\x7f", "\x85"])
def test_a_control_character_in_an_api_path_is_a_usage_error(
    api_env: Sandbox, control: str
) -> None:
    before = len(api_env.state.received)
    result = invoke(["api", "GET", f"/x{control}"], expect=2)
    [error, hint] = result.stderr.splitlines()[-2:]
    assert error.startswith("Error: path '/x") and "contains a control character" in error
    assert hint.startswith("Hint: remove it") and "unexpected" not in result.stderr
    assert len(api_env.state.received) == before  # nothing sent


def test_the_library_refuses_a_bad_raw_call_path_too(api_env: Sandbox) -> None:
    with akool_cli.Client() as client:
        for path in ("/x\r\nHost: a", "api/open/v3/faceswap/quota/info", None):
            with pytest.raises(akool_cli.UsageError, match="path"):
                client.raw_call("GET", path)  # type: ignore[arg-type]
    assert api_env.state.received == []


@pytest.mark.parametrize("job_id", ["zzz", "64DD90F9F0B6684651E90D60", "64dd90f9f0b6684651e90d6"])
def test_the_library_never_sends_an_id_no_akool_job_has(
    api_env: Sandbox, isolated: Isolation, job_id: str
) -> None:
    with akool_cli.Client() as client:
        for call in (client.wait, client.status, client.download):
            with pytest.raises(akool_cli.UsageError, match="is not an AKOOL job id") as refused:
                call(job_id)
            assert refused.value.exit_code == 2
        with pytest.raises(akool_cli.UsageError, match="is not an AKOOL job id"):
            client.statuses([job_id])
    assert api_env.state.received == []
    # The CLI takes the same check (it is the library's): exit 2, nothing sent.
    assert "is not an AKOOL job id" in invoke(["watch", job_id], expect=2).stderr
    assert "is not an AKOOL job id" in invoke(["status", job_id], expect=2).stderr
    assert api_env.state.received == []


def test_a_label_given_as_an_id_is_told_apart_from_no_job(api_env: Sandbox) -> None:
    """break17h H13a: `watch release` after `talk … --name release` said the history "holds no
    job by that name", which it does (a label); it says a label is not an id."""
    invoke(["talk", "https://e.com/l.jpg", "https://e.com/l.mp3", "--name", "release"])
    refused = invoke(["watch", "release"], expect=2)
    assert "a --name label is not an id" in refused.stderr and "by that name" not in refused.stderr
    assert "with their labels and ids: akool status" in refused.stderr


def test_an_id_of_another_shape_in_the_history_is_still_asked_about(
    api_env: Sandbox, isolated: Isolation
) -> None:
    # The check is for ids the history does not hold: a recorded job is asked about as before.
    made = invoke(["talk", "https://example.com/p.jpg", AUDIO]).stdout.strip()
    with akool_cli.Client() as client:
        assert client.status(made).id == made


@pytest.mark.parametrize("image", [None, 5, b"https://example.com/p.jpg", ["a.jpg"]])
def test_talk_with_an_image_that_is_no_text_names_the_argument(
    api_env: Sandbox, image: object
) -> None:
    with akool_cli.Client() as client:
        with pytest.raises(akool_cli.UsageError, match=r"^talk\(\) takes image as text"):
            client.talk(image, AUDIO)  # type: ignore[arg-type]
        if image is not None:  # no audio is a talk with --text
            with pytest.raises(akool_cli.UsageError, match=r"^talk\(\) takes audio as text"):
                client.talk("https://example.com/p.jpg", image)  # type: ignore[arg-type]
    assert api_env.state.received == []


def test_download_to_a_bytes_path_names_the_argument(api_env: Sandbox, isolated: Isolation) -> None:
    target = str(isolated.tmp / "x.mp4").encode()
    with (
        akool_cli.Client() as client,
        pytest.raises(
            akool_cli.UsageError, match=r"^download\(\) takes dest as .* a path"
        ) as refused,
    ):
        client.download(JOB, target)  # type: ignore[arg-type]
    assert refused.value.exit_code == 2 and not (isolated.tmp / "x.mp4").exists()
    assert api_env.state.received == []

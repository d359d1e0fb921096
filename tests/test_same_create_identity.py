"""The same create is the same whatever akool had to do to send it (break17d H1, H2): a local file
uploaded earlier is presigned anew on every run (X-Amz-Date changes each second), and a head swap
asks AKOOL for a new analysis on every run; neither may make a rerun of a create whose outcome is
unknown look like another create, which would bill it again."""

from __future__ import annotations

import datetime
import json
import sqlite3
import time
from collections.abc import Callable

import pytest
from mcp.client.session import ClientSession

from akool_cli.core import redact
from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import Journal
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.waiting import wait_for
from tests.test_mcp import refused, serve
from tests.test_upload import MP3, PNG, S3, aws_keys, moto_endpoint, s3  # noqa: F401

DROP_TALK = "create_talking_photo"


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Moves the clock botocore signs with (X-Amz-Date) forward, as the next run's would be."""
    import botocore.auth

    real: Callable[[bool], datetime.datetime] = getattr(botocore.auth, "get_current_datetime")  # noqa: B009
    shift = [0.0]

    def shifted(remove_tzinfo: bool = True) -> datetime.datetime:
        return real(remove_tzinfo) + datetime.timedelta(seconds=shift[0])

    monkeypatch.setattr(botocore.auth, "get_current_datetime", shifted)

    def advance(seconds: float) -> None:
        shift[0] += seconds

    return advance


def unknown_talk(s3: S3, sandbox: Sandbox, *, configured: bool = False) -> list[str]:  # noqa: F811
    """`akool talk` of two local files uploaded to the bucket (given with --upload-to, or the
    configured upload-to), whose create AKOOL made but whose answer was lost: exit 5."""
    image, audio = s3.file("portrait.png", PNG), s3.file("hello.mp3", MP3)
    talk = ["talk", str(image), str(audio)]
    if configured:
        invoke(["config", "set", "upload-to", s3.target])
    else:
        talk += ["--upload-to", s3.target]
    sandbox.state.inject("drop", at=DROP_TALK)
    assert "settle" in invoke(talk, expect=5).stderr
    assert len(sandbox.state.jobs) == 1
    return talk


@pytest.mark.parametrize("configured", [False, True], ids=["--upload-to", "config"])
def test_a_local_file_uploaded_again_is_the_same_create_while_its_outcome_is_unknown(
    configured: bool,
    s3: S3,  # noqa: F811
    api_env: Sandbox,
    later: Callable[[float], None],
) -> None:
    talk = unknown_talk(s3, api_env, configured=configured)
    later(61)  # the next run signs the same objects a minute later
    again = invoke(talk, expect=5)
    assert "uploaded earlier" in again.stderr  # the same objects, presigned anew
    assert "unknown outcome" in again.stderr and "settle" in again.stderr
    assert len(api_env.state.jobs) == 1  # nothing billed twice


def test_a_history_that_recorded_when_each_url_was_signed_is_migrated(
    s3: S3,  # noqa: F811
    api_env: Sandbox,
    isolated: Isolation,
    later: Callable[[float], None],
) -> None:
    """An older akool recorded X-Amz-Date and X-Amz-Expires: its unknown outcome still blocks."""
    talk = unknown_talk(s3, api_env)
    signed = next(iter(api_env.state.jobs.values())).request
    path = isolated.home / "jobs.sqlite3"
    with sqlite3.connect(path) as db:  # as akool recorded it before: only the signature masked
        (inputs,) = db.execute("SELECT inputs FROM attempts").fetchone()
        old = json.loads(inputs)
        old["image_url"] = redact.signed(signed["talking_photo_url"])
        old["audio_url"] = redact.signed(signed["audio_url"])
        assert "X-Amz-Date=2" in old["image_url"]
        db.execute("UPDATE attempts SET inputs = ?", (json.dumps(old),))
        db.execute("DELETE FROM _migrations WHERE name = 'm016_presigned_inputs_by_object'")
        db.execute("PRAGMA user_version = 0")
    later(3600)
    again = invoke(talk, expect=5)
    assert "settle" in again.stderr and len(api_env.state.jobs) == 1
    with Journal(path) as journal:
        assert "X-Amz-Date=…" in journal.open_attempts()[0].inputs["image_url"]


def test_an_agent_that_uploads_and_calls_talk_again_in_a_new_session_is_refused(
    isolated: Isolation,
    sandbox: Sandbox,
    moto_endpoint: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`upload` presigns the file anew each time: the talk call's URL is another, the object
    the same. Two MCP sessions apart (an agent's natural retry), the second is refused."""
    import boto3

    aws_keys(monkeypatch, isolated.tmp, moto_endpoint)
    boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1").create_bucket(
        Bucket="agents17"
    )
    folder = isolated.tmp / "work"
    folder.mkdir()
    (folder / "p3.png").write_bytes(PNG)
    (folder / "hello.mp3").write_bytes(MP3)
    urls: list[str] = []

    async def body(session: ClientSession) -> None:
        from tests.test_mcp import call

        image = await call(session, "upload", path="p3.png", role="image")
        audio = await call(session, "upload", path="hello.mp3", role="audio")
        urls.append(image["url"])
        message = await refused(session, "talk", image_url=image["url"], audio_url=audio["url"])
        assert "settle" in message

    sandbox.state.inject("drop", "drop", at=DROP_TALK)
    serve(isolated, sandbox, body, "--upload-to", "s3://agents17/in/")
    made = len(sandbox.state.jobs)
    assert made == 1
    signed_at = _signed_at(urls[0])
    wait_for(lambda: time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) != signed_at)
    serve(isolated, sandbox, body, "--upload-to", "s3://agents17/in/")
    assert urls[0] != urls[1]  # presigned anew: only the object is the same
    assert len(sandbox.state.jobs) == made


def _signed_at(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)["X-Amz-Date"][0]


HEADSWAP = [
    "headswap",
    "https://example.com/twopeople17.mp4",
    "--face",
    "https://example.com/hsface17.jpg",
    "--face",
    "https://example.com/hsface17b.jpg",
]


def head_swaps(sandbox: Sandbox) -> int:
    return sum(1 for job in sandbox.state.jobs.values() if job.kind == "head_swap")


def test_a_head_swap_run_again_after_an_unknown_outcome_is_refused(api_env: Sandbox) -> None:
    """Each run asks AKOOL for a new analysis (free, another id): the swap is the same."""
    api_env.state.inject("drop", at="create_headswap")
    assert "settle" in invoke(HEADSWAP, expect=5).stderr
    assert head_swaps(api_env) == 1
    again = invoke(HEADSWAP, expect=5)
    assert "unknown outcome" in again.stderr and "settle" in again.stderr
    assert head_swaps(api_env) == 1


def test_the_library_head_swap_run_again_after_an_unknown_outcome_is_refused(
    api_env: Sandbox,
) -> None:
    from akool_cli import Client, UnknownOutcomeError, UnsettledAttemptError

    video, faces = HEADSWAP[1], [HEADSWAP[3], HEADSWAP[5]]
    api_env.state.inject("drop", at="create_headswap")
    with Client() as client:
        with pytest.raises(UnknownOutcomeError):
            client.headswap(video, faces, check=False)
        with pytest.raises(UnsettledAttemptError):
            client.headswap(video, faces, check=False)
    assert head_swaps(api_env) == 1


PROFILED = ["talk", "https://example.com/pf17.jpg", "https://example.com/pf17.mp3"]


def test_another_profile_of_the_same_account_is_refused_an_unknown_create(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """Same key (one account), same server: only the profile's name differs (break17d M1)."""
    api_env.state.inject("drop", at=DROP_TALK)
    assert "settle" in invoke(PROFILED, expect=5).stderr
    again = invoke(["--profile", "other", *PROFILED], expect=5)
    assert "unknown outcome" in again.stderr and "settle" in again.stderr
    rows = isolated.tmp / "pb.csv"
    rows.write_text(f"id,image_url,audio_url\npb1,{PROFILED[1]},{PROFILED[2]}\n")
    row = invoke(["--profile", "other2", "batch", str(rows)], expect=9)
    assert "pb1" in row.stdout + row.stderr and "settle" in row.stdout + row.stderr
    assert len(api_env.state.jobs) == 1  # nothing billed twice


def test_the_mcp_head_swap_called_again_after_an_unknown_outcome_is_refused(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """Two sessions two hours apart (past the same-call key's hour): each asks for a new
    analysis; the second swap is refused, not billed."""
    api_env.state.inject("drop", at="create_headswap")
    first = mcp_head_swap_error(isolated)
    isolated.clock.advance(2 * 3600)
    second = mcp_head_swap_error(isolated)
    assert "may or may not have created" in first and "unknown outcome" in second
    assert head_swaps(api_env) == 1


def mcp_head_swap_error(isolated: Isolation) -> str:
    """One MCP session's head swap call, followed until its staged create fails (or refused at
    once): the error."""
    from akool_cli import AkoolError, Client
    from akool_cli.mcpserver.tools import Session, Settings, tool_specs

    spec = next(spec for spec in tool_specs() if spec.name == "headswap")
    arguments = {"video_url": HEADSWAP[1], "faces": [HEADSWAP[3], HEADSWAP[5]]}
    with Client() as client:
        session = Session(client, Settings(isolated.tmp))
        session.start()
        try:
            made = session.create(spec, arguments)
        except AkoolError as refused:  # a doubt known before: refused without an analysis
            session.close()
            return refused.message
        with pytest.raises(AkoolError) as failed:
            wait_for(lambda: session.status(made["job_id"])["state"] != "analysing")
        session.close()
    return failed.value.message


def test_a_batch_row_whose_local_file_changed_since_its_job_says_so(
    s3: S3,  # noqa: F811
    api_env: Sandbox,
    isolated: Isolation,
) -> None:
    """A row is its id (its key): resumed, it keeps its job; a file changed since is no longer
    silent (break17d L3)."""
    image = s3.file("ch/p6.png", PNG)
    s3.file("ch/hello.mp3", MP3)
    rows = s3.file("ch/ch.csv", b"id,image_url,audio_url\nch1,p6.png,hello.mp3\n")
    batch = ["batch", str(rows), "--upload-to", s3.target, "--interval", "1"]
    invoke(batch)
    isolated.clock.advance(60)
    assert "changed" not in invoke(batch).stderr  # the same file: nothing to say
    image.write_bytes(PNG[:-1] + b"\x01")
    again = invoke(batch)
    assert "row ch1: p6.png has changed since job" in again.stderr
    assert "give the row a new id" in again.stderr and len(api_env.state.jobs) == 1


def test_another_name_is_the_same_create_while_its_outcome_is_unknown(api_env: Sandbox) -> None:
    """--name is a local label, never sent: a CI run's attempt number in it changes nothing
    AKOOL receives (break17d M4)."""
    api_env.state.inject("drop", at=DROP_TALK)
    invoke([*PROFILED, "--name", "release-run1"], expect=5)
    again = invoke([*PROFILED, "--name", "release-run2"], expect=5)
    assert "unknown outcome" in again.stderr and len(api_env.state.jobs) == 1

"""Issue 17's break-it run 17g, helper promises15's part: threads of one process with a Client each
share a claim key as threads of one Client do (G2).

Each test fails on akool before its fix."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import akool_cli
from akool_cli.core import clock as clock_module
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.journal import Journal
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_sigterm_create import Stall

E = "https://example.com"


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    clock_module.set_current(SystemClock())  # the claim loop's waits are real ones here
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def test_threads_with_a_client_each_wait_for_the_create_another_one_sends(
    live_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G2: the other threads got UnsettledAttemptError "akool stopped before AKOOL's
    answer arrived" (this process's own claim was read as a dead sender's) while the first
    thread's create was on its way; its hint invited settling it as not created."""
    claims: list[Any] = []
    claim = Journal.claim

    def counted(self: Journal, *args: Any, **kwargs: Any) -> Any:
        found = claim(self, *args, **kwargs)
        claims.append(found)
        return found

    monkeypatch.setattr(Journal, "claim", counted)
    stall = Stall(live_sandbox, "create_job")
    results: dict[int, Any] = {}

    def make(n: int) -> None:
        with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url) as client:
            try:
                fields = {"video_url": f"{E}/clip.mp4", "audio_url": f"{E}/a.mp3"}
                results[n] = client.make("lipsync", fields, once=akool_cli.Once("k9"))
            except Exception as exc:  # reported by the assertion below
                results[n] = exc

    first = threading.Thread(target=make, args=(0,))
    first.start()
    wait_for(stall.arrived.is_set)  # its create is on its way, and stays there
    others = [threading.Thread(target=make, args=(n,)) for n in (1, 2)]
    for thread in others:
        thread.start()
    wait_for(lambda: len(claims) >= 3 or len(results) == 2)  # both asked while it is sent
    stall.release.set()
    for thread in (first, *others):
        thread.join(60)
    assert all(isinstance(r, akool_cli.Job) for r in results.values()), results
    made = results[0]
    assert not made.repeated and len(live_sandbox.state.jobs) == 1
    assert [results[n].id for n in (1, 2)] == [made.id, made.id]
    assert results[1].repeated and results[2].repeated


def test_a_download_that_outlasts_the_timeout_is_not_called_a_running_job(
    live_sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G4: "1 job(s) still running after 1 s … they keep running on AKOOL" for a job
    done on AKOOL whose result's host said nothing."""
    import akool_cli.sandbox.server as sandbox_server

    monkeypatch.setenv("AKOOL_BASE_URL", live_sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    job = invoke(["talk", f"{E}/p.jpg", f"{E}/s.mp3", "--wait"]).stdout.split()[0]
    over = threading.Event()

    def silent(handler: Any, name: str) -> None:
        over.wait(60)  # a host that accepts the request and never answers

    monkeypatch.setattr(sandbox_server, "serve_file", silent)
    try:
        late = invoke(["watch", job, "-o", f"{isolated.tmp}/out/", "--timeout", "1s"], expect=7)
    finally:
        over.set()
    said = " ".join(late.stderr.split())
    assert "the download of 1 finished job(s) did not end within 1 s" in said, said
    assert "still running" not in said and "keep running on AKOOL" not in said
    assert f"akool watch {job}" in said


# -- G3: the wrong kind of argument, from Python ------------------------------------------------

LIPSYNC = {"video_url": f"{E}/v.mp4", "audio_url": f"{E}/a.mp3"}
NO_KEY: Any = None
# (what, the call, the argument its error names); `c` is the Client.
WRONG_KINDS: list[tuple[str, Callable[[Any], object], str]] = [
    ("voice_clone name", lambda c: c.voice_clone(f"{E}/s.wav", 5), "voice_name"),
    ("avatar_add name", lambda c: c.avatar_add(f"{E}/a.mp4", 5), "avatar_name"),
    ("make name", lambda c: c.make("lipsync", LIPSYNC, name=5), "name"),
    ("upload_to", lambda c: c.lipsync(f"{E}/v.mp4", f"{E}/a.mp3", upload_to=5), "upload_to"),
    ("voices language", lambda c: c.voices(language=5), "language"),
    ("background", lambda c: c.talking_avatar("A1", f"{E}/a.mp3", background=5), "background"),
    (
        "voice_options",
        lambda c: c.voice_change("v", f"{E}/a.mp3", voice_options=[1]),
        "voice_options",
    ),
    ("glossary", lambda c: c.translate(f"{E}/v.mp4", "es", glossary=5), "glossary"),
    ("once", lambda c: c.make("lipsync", LIPSYNC, once="k"), "once"),
    ("max_credits", lambda c: c.start_run("x", "y", max_credits="a"), "max_credits"),
    ("upload role", lambda c: c.upload(__file__, "pic", upload_to="s3://b/x/"), "role"),
    ("jobs limit", lambda c: c.jobs(limit="x"), "limit"),
    ("Once key", lambda c: akool_cli.Once(NO_KEY), "key"),
]


@pytest.mark.parametrize(
    ("call", "names"), [(w[1], w[2]) for w in WRONG_KINDS], ids=[w[0] for w in WRONG_KINDS]
)
def test_an_argument_of_the_wrong_kind_is_a_usage_error_naming_it(
    sandbox: Sandbox, call: Callable[[akool_cli.Client], object], names: str
) -> None:
    """break17g G3: AttributeError ('int' object has no attribute 'strip'), TypeError, KeyError,
    an AssertionError, or a LocalStateError blaming the history (jobs(limit='x'))."""
    with (
        akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client,
        pytest.raises(akool_cli.UsageError) as refused,
    ):
        call(client)
    assert names in refused.value.message and refused.value.exit_code == 2, refused.value
    assert refused.value.hint
    assert sandbox.state.received == []  # nothing sent


def test_once_takes_within_as_a_duration(sandbox: Sandbox) -> None:
    assert akool_cli.Once("k", within="1h").within == 3600.0  # type: ignore[arg-type]
    assert akool_cli.Once("k", within=90).within == 90.0
    with pytest.raises(akool_cli.UsageError, match="within"):
        akool_cli.Once("k", within="soon")  # type: ignore[arg-type]


def test_a_local_file_given_as_a_path_is_read_as_its_text(sandbox: Sandbox, tmp_path: Path) -> None:
    """break17g G18: the argument checks refused a pathlib.Path for a product method's local file
    ("lipsync() takes video_url as text (a str), not PosixPath"), as talk() and they took it:
    now it goes on as its text, to the check every local file meets (a bucket to upload it to)."""
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\0" * 64)
    with (
        akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client,
        pytest.raises(akool_cli.UsageError) as refused,
    ):
        client.lipsync(clip, f"{E}/a.mp3")  # hinted str | os.PathLike[str]
    said = f"{refused.value.message} {refused.value.hint}"
    assert "takes video_url" not in said and "PosixPath" not in said, said
    assert str(clip) in said or "clip.mp4" in said, said
    assert sandbox.state.received == []  # nothing sent

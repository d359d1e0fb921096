"""`--reuse` (break17f F2): a create command run again with it prints the job an earlier create of
the very same request made (same server, account, kind and inputs), instead of making and billing
another, so the docs/ci.md release recipe survives "Re-run failed jobs" after its watch step timed
out. Without it, a command run again still makes a new job (the documented default)."""

from __future__ import annotations

import threading

import pytest

import akool_cli
from akool_cli.core.clock import SystemClock
from akool_cli.jobs.engine import CLAIM_WAIT_SECONDS
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.waiting import wait_for

IMAGE, AUDIO = "https://example.com/release.jpg", "https://example.com/notes.mp3"
TALK = ["talk", IMAGE, AUDIO, "--resolution", "1080", "--name", "release"]


def test_the_release_recipe_rerun_after_a_watch_timeout_follows_the_same_video(
    api_env: Sandbox, isolated: Isolation
) -> None:
    target = f"{isolated.tmp}/out/release-video.mp4"
    (isolated.tmp / "out").mkdir()
    job = invoke([*TALK, "--reuse"]).stdout.strip()
    invoke(["watch", job, "--timeout", "1s", "-o", target], expect=7)  # the queue was long
    # "Re-run failed jobs", with the cached history: the same video, nothing created again.
    again = invoke([*TALK, "--reuse"])
    assert again.stdout.strip() == job and len(api_env.state.jobs) == 1
    assert f"Reused job {job}" in again.stderr and "nothing new was created" in again.stderr
    isolated.clock.advance(60)
    invoke(["watch", job, "--timeout", "30m", "-o", target])
    # A third run onto the saved video: it is that job's own file, "saved earlier" (break17h
    # H11: it exited 2 "already exists"); still that job, nothing made again.
    assert "was saved earlier" in invoke([*TALK, "--reuse", "-o", target]).stderr
    third = invoke([*TALK, "--reuse", "-o", target, "--force"])
    assert third.stdout.split() == [job] and len(api_env.state.jobs) == 1
    # Without --reuse the command makes a new job, as documented; a --name alone is no request.
    other = invoke(TALK).stdout.strip()
    assert other != job and len(api_env.state.jobs) == 2
    renamed = invoke([*TALK[:-1], "other-name", "--reuse"]).stdout.strip()
    assert renamed in (job, other) and len(api_env.state.jobs) == 2


def test_every_product_command_reuses_through_the_one_engine(
    api_env: Sandbox, isolated: Isolation
) -> None:
    commands = [
        ["lipsync", "https://example.com/r.mp4", AUDIO],
        ["faceswap", "https://example.com/face.jpg", IMAGE],
        ["text2video", "--prompt", "a calm lake"],
        ["headswap", "https://example.com/hs.mp4", "--face", "https://example.com/f.jpg"],
    ]
    for command in commands:
        first = invoke([*command, "--reuse"]).stdout.strip()
        made = len(api_env.state.jobs)
        again = invoke([*command, "--reuse", "--json"], expect=0)
        assert f'"id": "{first}"' in again.stdout, (command, again.stdout)
        assert len(api_env.state.jobs) == made, command
    analyses = len(api_env.state.analyses)
    invoke([*commands[-1], "--reuse"])
    assert len(api_env.state.analyses) == analyses  # a head swap reused asks for no analysis


def test_a_failed_or_expired_job_is_made_anew(api_env: Sandbox, isolated: Isolation) -> None:
    failing = ["talk", "https://example.com/fail.jpg", AUDIO, "--reuse"]
    first = invoke(failing).stdout.strip()
    isolated.clock.advance(60)
    invoke(["watch", first], expect=6)
    again = invoke(failing).stdout.strip()
    assert again != first and len(api_env.state.jobs) == 2
    # Done, then expired on AKOOL (7 days): reused while its saved file is here, else made anew.
    saved, lost = (["talk", IMAGE, f"https://example.com/{n}.mp3", "--reuse"] for n in "sl")
    saved_job = invoke([*saved, "-o", f"{isolated.tmp}/s.mp4"]).stdout.strip()
    lost_job = invoke(lost).stdout.strip()
    isolated.clock.advance(60)
    invoke(["watch", lost_job])
    isolated.clock.advance(8 * 86400)
    assert invoke(saved).stdout.strip() == saved_job
    assert invoke(lost).stdout.strip() not in (lost_job, saved_job)
    assert len(api_env.state.jobs) == 5


def test_the_library_reuses_and_says_so(api_env: Sandbox, isolated: Isolation) -> None:
    with akool_cli.Client() as client:
        first = client.talk(IMAGE, AUDIO, reuse=True)
        second = client.talk(IMAGE, AUDIO, reuse=True)
        third = client.lipsync("https://example.com/l.mp4", AUDIO, reuse=True)
        fourth = client.lipsync("https://example.com/l.mp4", AUDIO, reuse=True)
        plain = client.talk(IMAGE, AUDIO)
    assert (second.id, second.repeated, first.repeated) == (first.id, True, False)
    assert (fourth.id, fourth.repeated) == (third.id, True)
    assert plain.id != first.id and len(api_env.state.jobs) == 3


class Pausing(SystemClock):
    """The real clock (a twin's wait is real time: on a fake one its polls would pass the ten
    minutes after which a create in flight counts as stopped), noting each pause."""

    def __init__(self) -> None:
        self.paused: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.paused.append(seconds)
        super().sleep(seconds)


def test_two_reuse_creates_at_once_make_one_job(api_env: Sandbox, isolated: Isolation) -> None:
    """The first create is held on its way to AKOOL; the second, meanwhile, waits for it."""
    api_env.state.inject("hold", at="create_talking_photo")
    results: dict[str, str] = {}
    clock = Pausing()

    def first() -> None:
        with akool_cli.Client(clock=clock) as client:
            results["first"] = client.talk(IMAGE, AUDIO, reuse=True).id

    thread = threading.Thread(target=first)
    thread.start()
    wait_for(lambda: api_env.state.holding == 1)
    with akool_cli.Client(clock=clock) as client:
        waiting = threading.Thread(
            target=lambda: results.update(second=client.talk(IMAGE, AUDIO, reuse=True).id)
        )
        waiting.start()
        # The second waits for the first's create in flight (never reads it as unknown).
        wait_for(lambda: CLAIM_WAIT_SECONDS in clock.paused)
        api_env.state.release()
        thread.join(30)
        waiting.join(30)
    assert results["first"] == results["second"] and len(api_env.state.jobs) == 1


@pytest.mark.parametrize("flag", ["--reuse"])
def test_reuse_is_in_every_create_commands_help(flag: str) -> None:
    for command in ("talk", "lipsync", "image", "faceswap", "avatar", "moderate", "headswap"):
        assert flag in invoke([command, "--help"]).stdout, command

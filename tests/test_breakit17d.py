"""Issue 17's break-it run 17b, helper promises9's part: `login --rotate` checks the server
before it sends the new key (M4), a daily sync after one sandbox session stays quiet (L14), and
a speech saved after a full disk names the step that makes the video (L15)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import akool_cli
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke, process_env
from tests.support.sandboxes import running
from tests.test_full_disk_hints import akool, filling_the_disk, settle_command

NEW_KEY = "rotated-new-key-0123456789abcdef0123"


@pytest.fixture
def logger(isolated: Isolation) -> Iterator[Sandbox]:
    """Whatever listens where a leftover AKOOL_BASE_URL points (it logs every request)."""
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as server:
        yield server


def test_login_rotate_refuses_a_leftover_base_url_before_sending_the_new_key(
    sandbox: Sandbox, logger: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["--base-url", sandbox.base_url, "login"], input=SANDBOX_API_KEY)
    monkeypatch.setenv("AKOOL_BASE_URL", logger.base_url)  # the README's sandbox export, left
    refused = invoke(["login", "--rotate"], input=NEW_KEY, expect=2)
    assert f"verified on {sandbox.base_url}, not on {logger.base_url}" in refused.stderr
    assert f"--base-url {sandbox.base_url} login --rotate" in refused.stderr
    assert logger.state.received == []  # not even a request without the key
    # The library's login(rotate=True) checks first too.

    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError):
        client.login(NEW_KEY, rotate=True)
    assert logger.state.received == []
    # On its own server the rotation goes through.
    monkeypatch.delenv("AKOOL_BASE_URL")
    sandbox.state.config.api_key = NEW_KEY
    invoke(["--base-url", sandbox.base_url, "login", "--rotate"], input=NEW_KEY)


def test_a_speech_saved_after_a_full_disk_names_the_talk_that_makes_the_video(
    isolated: Isolation,
) -> None:
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        env = process_env(isolated.home, server.base_url)
        talk = ("talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", "sbx-en-f-ava")
        _, stderr = filling_the_disk(server, env, *talk)
        [speech] = server.state.speech
        hint = " ".join(stderr.split())  # wrapped on a terminal's width
        assert "run the same akool talk … --text … again to make the video" in hint
        settled = akool(env, *settle_command(stderr, speech))
        told = " ".join(settled.stderr.split())
        assert f"made job {speech}: recorded; run the same akool talk … --text … again" in told
        assert f"akool watch {speech} saves the speech alone" in told
        akool(env, *talk)  # the step it names: the video, with the settled speech
        assert len(server.state.speech) == 1 and len(server.state.jobs) == 1


PROD_KEY = "prod-key-0123456789abcdef0123456789"


def test_a_daily_sync_is_not_failed_by_a_sandbox_sessions_job(
    isolated: Isolation, sandbox: Sandbox, logger: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sandbox session in this AKOOL_HOME: a job left unfinished, then the sandbox stopped.
    local = ["--base-url", sandbox.base_url]
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    made = invoke([*local, "talk", "https://example.com/s.jpg", "https://example.com/s.mp3"])
    job = made.stdout.strip()
    # Production from now on (here: another server, with its own key).
    prod = logger
    prod.state.config.api_key = PROD_KEY
    monkeypatch.setenv("AKOOL_API_KEY", PROD_KEY)
    monkeypatch.setenv("AKOOL_BASE_URL", prod.base_url)
    out = isolated.tmp / "synced"
    for _day in range(3):  # before the fix: exit 3 every day until the job was 8 days old
        synced = invoke(["sync", "-o", f"{out}/", "--json"])
        skipped = json.loads(synced.stdout)["skipped"]
        assert [(s["id"], s["sandbox"]) for s in skipped] == [(job, True)]
        assert f"{job}: skipped" in synced.stderr and "the sandbox's job" in synced.stderr
        isolated.clock.advance(86400)
    assert sandbox.state.received[-1].path.endswith("/createbytalkingphoto")  # never asked
    # A job of an AKOOL account this run has no credential for still exits 3: saving it needs
    # that credential (the sandbox again, here with a key of its own).
    sandbox.state.config.api_key = "other-account-key-0123456789abcdef"
    monkeypatch.setenv("AKOOL_API_KEY", "other-account-key-0123456789abcdef")
    invoke([*local, "talk", "https://example.com/o.jpg", "https://example.com/o.mp3"])
    monkeypatch.setenv("AKOOL_API_KEY", PROD_KEY)
    refused = invoke(["sync", "-o", f"{out}/", "--json"], expect=3)
    assert [s["sandbox"] for s in json.loads(refused.stdout)["skipped"]] == [True, False]

"""SIGTERM ends akool within 2 s also while a read waits to be tried again (break17d M2): a 429
with Retry-After: 60, a 5xx, a refused connection put `watch`, `talk --wait` and `sync` in a retry
back-off on a worker thread, which a stop did not end (3-6 s, a CI grace of 2 s would SIGKILL)."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

import pytest

from akool_cli.core import contract
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.servers import Answer, scripted_server
from tests.support.waiting import wait_for

JOB = "0123456789abcdef01234567"
BACKING_OFF = "retry 1/"  # --debug's line just before a back-off's wait
TOO_MANY = Answer(429, b'{"code": 1005, "msg": "slow down"}', headers={"Retry-After": "60"})
BUSY = Answer(503, b"busy", "text/plain")


@contextmanager
def started(
    argv: list[str], env: dict[str, str]
) -> Iterator[tuple[subprocess.Popen[str], threading.Event]]:
    """akool with --debug as a real process, and an event set once it says it backs off."""
    process = subprocess.Popen(
        [AKOOL, "--debug", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    backing_off, lines = threading.Event(), []

    def read(stream: IO[str]) -> None:
        for line in stream:
            lines.append(line)
            if BACKING_OFF in line:
                backing_off.set()

    reader = threading.Thread(target=read, args=(process.stderr,), daemon=True)
    reader.start()
    try:
        yield process, backing_off
    finally:
        process.kill()
        process.wait()
        reader.join(5)


def stopped_in_backoff(
    argv: list[str], env: dict[str, str], ready: Callable[[], bool] | None = None
) -> float:
    """SIGTERM once akool waits to try a read again (or once `ready`): 143 within the 2 s
    reliability.md promises."""
    with started(argv, env) as (process, backing_off):
        wait_for(ready or backing_off.is_set, seconds=30)
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
        took = time.monotonic() - sent
    assert process.returncode == 143
    assert took < 2.0, f"exited {took:.2f} s after SIGTERM"
    return took


@pytest.mark.parametrize("answer", [TOO_MANY, BUSY], ids=["429-retry-after-60", "503"])
def test_sigterm_ends_watch_in_a_status_back_off(answer: Answer, isolated: Isolation) -> None:
    with scripted_server() as api:
        api.route(contract.VIDEO_INFO.path, answer)
        env = process_env(isolated.home, api.url, AKOOL_API_KEY="k" * 32)
        took = stopped_in_backoff(["watch", JOB], env)
    print(f"\nSIGTERM in a status back-off (watch): exited in {took:.2f} s")


def test_sigterm_ends_talk_wait_in_a_status_back_off(isolated: Isolation) -> None:
    with scripted_server() as api:
        api.route(
            contract.CREATE_TALKING_PHOTO.path, Answer.envelope({"_id": JOB, "video_status": 1})
        )
        api.route(contract.VIDEO_INFO.path, TOO_MANY)
        env = process_env(isolated.home, api.url, AKOOL_API_KEY="k" * 32)
        argv = ["talk", "https://example.com/b.jpg", "https://example.com/b.mp3", "--wait"]
        took = stopped_in_backoff(argv, env)
    print(f"\nSIGTERM in a status back-off (talk --wait): exited in {took:.2f} s")


@pytest.mark.parametrize("command", ["watch", "sync"])
def test_sigterm_ends_watch_and_sync_when_the_server_refuses(
    command: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jobs recorded on a server that is gone now (its port closed): every connection refused."""
    isolated.clock.advance(time.time() - isolated.clock.time())  # made now: sync looks back
    ids = iter([f"6b13fc8f00000000000000{n:02d}" for n in range(10)])
    with scripted_server() as api:
        api.route(
            contract.CREATE_TALKING_PHOTO.path,
            lambda _path: Answer.envelope({"_id": next(ids), "video_status": 3, "video": ""}),
        )
        monkeypatch.setenv("AKOOL_BASE_URL", api.url)
        monkeypatch.setenv("AKOOL_API_KEY", "k" * 32)
        made = [
            json.loads(
                invoke(
                    [
                        "talk",
                        f"https://example.com/r{n}.jpg",
                        f"https://example.com/r{n}.mp3",
                        "--json",
                    ]
                ).stdout
            )["id"]
            for n in range(2)
        ]
        gone = api.url
    env = process_env(isolated.home, gone, AKOOL_API_KEY="k" * 32)
    out = str(isolated.tmp / "out")
    argv = ["watch", *made] if command == "watch" else ["sync", "-o", out]
    took = stopped_in_backoff(argv, env)
    print(f"\nSIGTERM with the server refusing ({command}): exited in {took:.2f} s")


def test_sigterm_ends_watch_while_a_status_read_is_held(isolated: Isolation) -> None:
    """The poll itself, on a worker thread, held 30 s by the server: a stop ends it too."""
    with scripted_server() as api:
        api.route(contract.VIDEO_INFO.path, Answer(body=b"{}", delay=30))
        env = process_env(isolated.home, api.url, AKOOL_API_KEY="k" * 32)
        held = lambda: api.hits.get(contract.VIDEO_INFO.path, 0) > 0  # noqa: E731
        took = stopped_in_backoff(["watch", JOB], env, held)
    print(f"\nSIGTERM with a status read held (watch): exited in {took:.2f} s")

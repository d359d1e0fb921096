"""Hints after a full disk: the ids akool prints because it could not record them lead to
commands that record and follow them (a speech id too), never to `--retry-unknown`.

The disk fills the moment AKOOL makes the job (RLIMIT_FSIZE on the akool process: no file may
grow from then on), as in tests/test_promises.py. Each test fails on akool before this: the hint
said `akool watch SPEECH_ID`, which asks for a speech as a talking photo and fails, and a rerun
of the batch sent the user to `--retry-unknown`, which pays for the printed job again.
"""

from __future__ import annotations

import re
import resource
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env
from tests.support.sandboxes import running

VOICE = "sbx-en-f-ava"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def akool(env: dict[str, str], *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([AKOOL, *args], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == expect, done.stderr
    assert "Traceback" not in done.stderr
    return done


def filling_the_disk(sandbox: Sandbox, env: dict[str, str], *args: str) -> tuple[str, str]:
    """Run akool, and fill its disk the moment AKOOL makes the first speech; (stdout, stderr)."""
    akool(env, "status")  # the history exists
    child: dict[str, int] = {}
    create = sandbox.state.create_speech

    def fill_the_disk(*call: Any, **kwargs: Any) -> Any:
        sandbox.state.create_speech = create  # type: ignore[method-assign]
        resource.prlimit(child["pid"], resource.RLIMIT_FSIZE, (1, 1))
        return create(*call, **kwargs)

    sandbox.state.create_speech = fill_the_disk  # type: ignore[method-assign]
    process = subprocess.Popen(
        [AKOOL, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    child["pid"] = process.pid
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 10, stderr
    return stdout, stderr


def settle_command(stderr: str, job_id: str) -> list[str]:
    found = re.search(rf"akool (settle \d+ --created {job_id})", stderr)
    assert found, stderr
    return found.group(1).split()


def test_a_speech_id_printed_after_a_full_disk_is_recorded_and_followed(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    env = process_env(isolated.home, live_sandbox.base_url)
    talk = ("talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", VOICE)
    stdout, stderr = filling_the_disk(live_sandbox, env, *talk)
    [speech] = live_sandbox.state.speech
    assert stdout == speech + "\n" and "Traceback" not in stderr
    assert "--retry-unknown" not in stderr
    akool(env, *settle_command(stderr, speech))  # space again: the command the hint names
    followed = akool(env, "watch", speech, "--json")  # followed as the speech it is
    assert '"state": "done"' in followed.stdout
    akool(env, *talk)  # the recorded speech is used: not paid for again
    assert len(live_sandbox.state.speech) == 1 and len(live_sandbox.state.jobs) == 1


def test_a_batch_stopped_by_a_full_disk_never_points_at_retry_unknown(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    env = process_env(isolated.home, live_sandbox.base_url)
    rows = isolated.tmp / "rows.csv"
    rows.write_text(
        "id,image_url,audio_url,text,voice\n"
        f"said,https://example.com/a.jpg,,Hello,{VOICE}\n"
        f"played,https://example.com/b.jpg,{AUDIO},,\n"
    )
    stdout, stderr = filling_the_disk(live_sandbox, env, "batch", str(rows), "-c", "1")
    [speech] = live_sandbox.state.speech
    assert speech in stdout.split() and "--retry-unknown" not in stderr
    command = settle_command(stderr, speech)
    assert "row 2 (said)" in stderr
    # Run again before settling: the row is not created again, and still no --retry-unknown.
    again = akool(env, "batch", str(rows), expect=9)
    assert "--retry-unknown" not in again.stderr and "akool settle" in again.stderr
    assert len(live_sandbox.state.speech) == 1
    akool(env, *command)
    out = isolated.tmp / "out"
    akool(env, "batch", str(rows), "-o", f"{out}/")
    assert len(live_sandbox.state.speech) == 1 and len(live_sandbox.state.jobs) == 2
    assert len(list(out.glob("*.mp4"))) == 2

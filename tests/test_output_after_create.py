"""stdout that cannot be written after a create (break17f F24, F9, N8): a full disk (`> /dev/full`)
or a closed descriptor (`>&-`). The job is made and recorded, but its id may never reach stdout,
so stderr names it with the command that follows it (`akool watch ID [-o TARGET]`), never "run
the command again" (which would bill another job); a closed stdout is one line, exit 1, no
traceback. With --reuse the hint says that running the command again picks the same job up.
And "-" as a text (N3: `talk --text -`, `moderate -`) is read from standard input, never billed
as the text "-"."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env

IMAGE, AUDIO = "https://example.com/o24.jpg", "https://example.com/o24.mp3"
VIDEO = "https://example.com/o24.mp4"
DEV_FULL = Path("/dev/full")
COMMANDS = {
    "talk": ["talk", IMAGE, AUDIO],
    "talk-output": ["talk", IMAGE, AUDIO, "-o", "OUT/"],
    "lipsync-output": ["lipsync", VIDEO, AUDIO, "-o", "OUT/"],
    "talk-json": ["talk", IMAGE, AUDIO, "--json"],
    "api-post": [
        "api",
        "POST",
        "/api/open/v3/content/video/createbytalkingphoto",
        "-f",
        f"talking_photo_url={IMAGE}",
        "-f",
        f"audio_url={AUDIO}",
    ],
}


def _one_line(stderr: str) -> str:
    return " ".join(stderr.split())


def _run(args: list[str], env: dict[str, str], stdout: str) -> subprocess.CompletedProcess[str]:
    """akool as a real process whose stdout is /dev/full (`full`) or closed (`closed`)."""
    if stdout == "closed":
        command = ["sh", "-c", 'exec "$@" >&-', "sh", AKOOL, *args]
        return subprocess.run(command, env=env, stderr=subprocess.PIPE, text=True, timeout=120)
    with DEV_FULL.open("w") as full:
        return subprocess.run(
            [AKOOL, *args], env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("case", list(COMMANDS))
def test_a_create_whose_id_cannot_be_written_is_named_on_stderr(
    case: str, stdout: str, api_env: Sandbox, isolated: Isolation
) -> None:
    args = [a.replace("OUT/", f"{isolated.tmp}/out/") for a in COMMANDS[case]]
    env = process_env(isolated.home, api_env.base_url)
    done = _run(args, env, stdout)
    [job] = list(api_env.state.jobs)  # made once, and recorded
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    said = _one_line(done.stderr)
    reason = "No space left on device" if stdout == "full" else "stdout is closed"
    assert f"Error: cannot write the output: {reason}; job {job} was made" in said, said
    target = [f"-o {isolated.tmp}/out/"] if "OUT/" in COMMANDS[case] else []
    follow = shlex.join(["akool", "watch", job, *" ".join(target).split()])
    assert f"follow the job made and billed already: {follow} (running this command" in said
    recorded = invoke(["status", "--json", job])
    assert job in recorded.stdout


@pytest.mark.parametrize("args", [["credit"], ["status", "--json"], ["--version"]], ids=" ".join)
def test_a_closed_stdout_is_one_line_without_a_job(
    args: list[str], api_env: Sandbox, isolated: Isolation
) -> None:
    """Commands that make nothing: one line, exit 1, no "unexpected AttributeError" (F9)."""
    done = _run(args, process_env(isolated.home, api_env.base_url), "closed")
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        "Error: cannot write the output: stdout is closed",
        "Hint: check where stdout goes (a full disk?)",
    ]


def test_with_reuse_the_hint_after_a_create_says_a_rerun_picks_the_job_up(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """N8: `--reuse` run again would pick the same job up, so the hint does not say it makes
    another; without --reuse it does."""
    target = f"{isolated.tmp}/out/"
    api_env.state.inject(*["500"] * 40, at="video_info")
    failed = invoke(["talk", IMAGE, AUDIO, "--reuse", "-o", target], expect=5)
    [job] = list(api_env.state.jobs)
    said = _one_line(failed.stderr)
    assert f"akool watch {job} -o {target}" in said
    assert "would make another job" not in said, said
    assert "with --reuse would pick the same job up, not make another" in said, said


# -- N3: "-" reads the text from standard input --------------------------------------------------


def test_talk_text_dash_speaks_standard_input(api_env: Sandbox, isolated: Isolation) -> None:
    said = "Hello from a pipe\n"
    talk = ["talk", IMAGE, "--text", "-", "--voice", "sbx-en-f-ava"]
    invoke(talk, input=said)
    [speech] = api_env.state.speech.values()
    assert speech.request["input_text"] == said.strip()  # never the text "-"


def test_moderate_dash_checks_standard_input(api_env: Sandbox, isolated: Isolation) -> None:
    invoke(["moderate", "-"], input="a text to check before it is published")
    [job] = api_env.state.jobs.values()
    assert job.request["content"] == "a text to check before it is published"


@pytest.mark.parametrize(
    "args",
    [["moderate", "-"], ["talk", IMAGE, "--text", "-", "--voice", "sbx-en-f-ava"]],
    ids=["moderate", "talk"],
)
def test_an_empty_standard_input_bills_nothing(
    args: list[str], api_env: Sandbox, isolated: Isolation
) -> None:
    refused = invoke(args, input="  \n", expect=2)
    assert "on standard input is empty" in refused.stderr and "Hint:" in refused.stderr
    assert not api_env.state.jobs and not api_env.state.speech


def test_a_closed_stderr_keeps_the_documented_exit_code(isolated: Isolation) -> None:
    """break17f (F24's note): `status zzz 2>&-` exited 1 (an AttributeError on None), not 2."""
    env = process_env(isolated.home)
    command = ["sh", "-c", 'exec "$@" 2>&-', "sh", AKOOL, "status", "zzz"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""


def test_a_reader_gone_before_the_id_gets_the_job_named_on_stderr(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """`akool talk … | (exec 0<&-)`: the pipe's reader is gone before the id is written; the
    exit stays quiet (as `| head`), but stderr names the job made and how to follow it."""
    read, write = os.pipe()
    os.close(read)
    env = process_env(isolated.home, api_env.base_url)
    try:
        done = subprocess.run(
            [AKOOL, "talk", IMAGE, AUDIO],
            env=env,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    [job] = list(api_env.state.jobs)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    said = _one_line(done.stderr)
    assert f"job {job} was made (and billed)" in said and f"akool watch {job}" in said, said

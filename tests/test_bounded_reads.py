"""Bounded reads: whatever akool reads from standard input or a file (a key for `login`, a
callback for `webhook verify`, a body for `api --input`, a batch file, a translation's
glossary, `akool mcp`'s JSON-RPC messages) stops at a documented limit with one clear error,
at once, never gigabytes of memory."""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest

from akool_cli.sandbox.state import SANDBOX_CLIENT_ID
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env

# Before these limits, each command read /dev/zero until memory ran out: the children get at
# most this much address space, so such a failure is quick and harms nothing else.
ADDRESS_SPACE = 1 << 30


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.parametrize(
    ("argv", "stdin", "limit"),
    [
        (["login"], "/dev/zero", "16 KiB"),
        (["webhook", "verify", "--client-id", SANDBOX_CLIENT_ID], "/dev/zero", "1 MiB"),
        (["api", "POST", "/x", "--input", "-"], "/dev/zero", "8 MiB"),
        (["api", "POST", "/x", "--input", "/dev/zero"], None, "8 MiB"),
        (["batch", "/dev/zero", "--dry-run"], None, "64 MiB"),
        (["batch", "-", "--dry-run"], "/dev/zero", "64 MiB"),
        # A glossary is a file of a few KB: a device (or a FIFO) is refused before it is opened
        # (break17f N2: a FIFO nobody writes to blocked the open for good).
        (
            ["translate", "https://e.com/v.mp4", "--to", "es", "--glossary", "/dev/zero"],
            None,
            "",
        ),
        (["batch", "-", "--dry-run"], "glossary-row", ""),
        (["mcp", "--dir", "."], "/dev/zero", "4 MiB"),  # one JSON-RPC message (a line)
    ],
)
def test_dev_zero_is_refused_at_the_documented_limit(
    argv: list[str], stdin: str | None, limit: str, isolated: Isolation
) -> None:
    env = process_env(isolated.home, "http://127.0.0.1:9")
    errors = 1
    if stdin == "glossary-row":  # a batch row whose glossary file is /dev/zero: an invalid row
        errors = 2  # the row's error, then the batch's "1 invalid row(s)"
        stdin = str(isolated.tmp / "rows.csv")
        row = "kind,url,language,glossary\ntranslate,https://e.com/v.mp4,es,/dev/zero\n"
        Path(stdin).write_text(row)
    with open(stdin or "/dev/null", "rb") as given:
        done = subprocess.run(
            [AKOOL, *argv],
            env=env,
            stdin=given,
            capture_output=True,
            text=True,
            preexec_fn=limit_memory,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    said = f"larger than {limit}" if limit else "/dev/zero' is not a regular file"
    if not limit and stdin is None:
        said = "--glossary /dev/zero is not a regular file"
    assert said in done.stderr and done.stderr.count("Error:") == errors, done.stderr
    assert "Traceback" not in done.stderr


def test_a_batch_file_past_the_limit_is_refused_without_reading_it_all(
    isolated: Isolation,
) -> None:
    """A 2 GB file (sparse: no disk used) with a header row: refused at 64 MiB."""
    big = isolated.tmp / "rows.csv"
    big.write_text("image_url,audio_url\n")
    with big.open("r+b") as handle:
        handle.truncate(2 << 30)
    env = process_env(isolated.home, "http://127.0.0.1:9")
    done = subprocess.run(
        [AKOOL, "batch", str(big), "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limit_memory,
        timeout=60,
    )
    assert done.returncode == 2 and "larger than 64 MiB" in done.stderr, done.stderr

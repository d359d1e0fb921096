"""`akool batch -` and `akool batch /dev/stdin`: rows read from standard input or a pipe, bounded
as a batch file is.

Each test fails on akool before this: the file was read twice (a look at its start to tell CSV
from JSON Lines, then from the start again), which a pipe cannot do, so `akool batch /dev/stdin`
said "cannot read /dev/stdin: None" and `akool batch -` looked for a file named "-".
"""

from __future__ import annotations

import json
import subprocess

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env

ROWS = "id,image_url,audio_url\nr0,https://example.com/a.jpg,https://example.com/a.mp3\n"
JSON_ROWS = '{"id": "j0", "image_url": "https://example.com/b.jpg", "text": "Hi", "voice": "v"}\n'


def test_rows_piped_into_batch_dash_are_run(api_env: Sandbox, isolated: Isolation) -> None:
    done = json.loads(invoke(["batch", "-", "--json"], input=ROWS).stdout)
    assert [(r["id"], r["state"]) for r in done["results"]] == [("r0", "done")]
    assert len(api_env.state.jobs) == 1
    # Run again from the same rows: picked up, not paid for twice.
    again = json.loads(invoke(["batch", "-", "--json"], input=ROWS).stdout)
    assert again["results"][0]["resumed"] and len(api_env.state.jobs) == 1


@pytest.mark.parametrize(
    ("name", "rows", "row_id"), [("/dev/stdin", ROWS, "r0"), ("-", JSON_ROWS, "j0")]
)
def test_a_pipe_on_standard_input_is_read_once(
    isolated: Isolation, name: str, rows: str, row_id: str
) -> None:
    env = process_env(isolated.home, "http://127.0.0.1:9")
    done = subprocess.run(
        [AKOOL, "batch", name, "--dry-run", "--json"],
        env=env,
        input=rows,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in json.loads(done.stdout)["rows"]] == [row_id]


def test_batch_dash_on_a_terminal_says_what_to_do(isolated: Isolation) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    import sys
    from pathlib import Path

    from akool_cli.jobs.batch import load_rows

    saved, sys.stdin = sys.stdin, Terminal()
    try:
        with pytest.raises(Exception, match="standard input, which is a terminal") as raised:
            load_rows(Path("-"))
    finally:
        sys.stdin = saved
    assert "cat rows.csv | akool batch -" in str(getattr(raised.value, "hint", ""))

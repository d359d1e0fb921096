"""What a person sees on a terminal: the live job rows, errors and the batch bar at 80 and 120 columns.

The displays draw into a stream that says it is a terminal; the last frame rich drew is read back
as plain text (NO_COLOR, escape codes removed) and checked line by line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest

from akool_cli.cli.output import JobDisplay, Output
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

WIDTHS = (80, 120)
IMAGE = "https://example.com/me.jpg"
AUDIO = "https://example.com/a.mp3"
IDS = [f"64dd90f9f0b6684651e90d6{n}" for n in range(5)]
LONG_REASON = (
    "no usable face found in the portrait: the face is turned away or covered "
    "(sandbox: the image URL contains 'fail')"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(params=WIDTHS)
def width(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("COLUMNS", str(request.param))  # rich reads it from the environment
    monkeypatch.setenv("NO_COLOR", "1")
    yield request.param


def terminal_output(width: int) -> tuple[Output, Terminal]:
    screen = Terminal()
    return Output(stderr=screen, env={"COLUMNS": str(width), "NO_COLOR": "1"}), screen


def last_frame(screen: Terminal) -> list[str]:
    # rich erases the previous frame (ESC [2K per line) before drawing the next one.
    final = screen.getvalue().rsplit("\x1b[2K", 1)[-1]
    return [line.rstrip() for line in ANSI.sub("", final).splitlines() if line.strip()]


def draw(width: int, steps: Callable[[JobDisplay], None]) -> list[str]:
    out, screen = terminal_output(width)
    with out.job_display(IDS) as display:
        steps(display)
    return last_frame(screen)


def every_job(display: JobDisplay) -> None:
    display.state(IDS[0], "processing", "40%", 40)
    display.state(IDS[1], "failed", LONG_REASON)
    display.bytes(IDS[2], 4_000_000, 9_300_000)
    display.bytes(IDS[3], 9_300_000, 9_300_000)
    display.downloaded(IDS[3], "videos/" + IDS[3] + ".mp4", 9_300_000)


def test_every_row_keeps_its_id_state_bar_and_time(width: int) -> None:
    rows = draw(width, every_job)
    assert len(rows) == len(IDS), rows
    for job_id, row, state in zip(
        IDS, rows, ("processing", "failed", "downloading", "saved", "queued"), strict=True
    ):
        assert len(row) <= width, row
        assert row.startswith(f"{job_id} {state}"), row
        time = re.search(r" \d:\d\d:\d\d\b", row)  # the whole time, never "0…"
        assert time is not None, row
        # Between the state column and the time, a bar of 8 or more (never a squeezed "━━";
        # without colours rich leaves its unfilled part blank).
        bar = row[len(job_id) + 1 + len("downloading") + 1 : time.start()]
        assert len(bar) >= 8 and set(bar) <= set("━╸╺ "), row


def test_a_long_detail_ends_in_an_ellipsis_on_its_own_row(width: int) -> None:
    rows = draw(width, every_job)
    failed = rows[1]
    assert failed.endswith("…") and "no usable face" in failed
    assert rows[2].endswith("4.0 MB / 9.3 MB")
    if width >= 120:
        assert rows[3].endswith(f"videos/{IDS[3]}.mp4 (9.3 MB)")


def test_jobs_are_queued_until_the_first_answer(width: int) -> None:
    rows = draw(width, lambda display: None)
    assert all(row.split()[1] == "queued" for row in rows), rows
    assert "waiting" not in "\n".join(rows)


def test_a_long_error_wraps_between_words_under_its_text(width: int) -> None:
    out, screen = terminal_output(width)
    out.error(f"job {IDS[1]} failed: {LONG_REASON}", "check the portrait, then: akool talk …")
    lines = screen.getvalue().splitlines()
    assert lines[0].startswith("Error: job ")
    assert all(len(line) <= width for line in lines), lines
    assert not any(line.strip() in (")", "'fail')") for line in lines), lines
    text = [line for line in lines if not line.startswith("Hint:")]
    assert all(line.startswith("       ") for line in text[1:]), lines  # under the message
    joined = " ".join(line.strip() for line in text)
    assert joined == f"Error: job {IDS[1]} failed: {LONG_REASON}"


def test_an_error_in_a_pipe_stays_one_line() -> None:
    err = io.StringIO()
    Output(stderr=err, env={"COLUMNS": "80"}).error(f"job {IDS[1]} failed: {LONG_REASON}")
    assert err.getvalue() == f"Error: job {IDS[1]} failed: {LONG_REASON}\n"


def test_a_resumed_batch_says_so_on_a_terminal(width: int) -> None:
    out, screen = terminal_output(width)
    with out.batch_display(3) as display:
        display.event(1, "intro", "created", "picked up 64dd… from an earlier run", resumed=True)
        display.event(2, "outro", "created", "picked up 64dd… from an earlier run", resumed=True)
        display.event(3, "extra", "created", "created 64dd…")
    text = ANSI.sub("", screen.getvalue())
    assert text.count("Resuming an earlier run of this batch") == 1
    assert "resumed 2 ·" in last_frame(screen)[-1]
    assert all(len(line) <= width for line in last_frame(screen))


def test_talk_output_says_saved_once(api_env: Sandbox, isolated: Isolation) -> None:
    target = isolated.tmp / "hello.mp4"
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(target), "--interval", "0.1"])
    said = [line for line in result.stderr.splitlines() if "saved" in line.lower()]
    assert len(said) == 1 and str(target) in said[0], result.stderr


def test_text_to_speech_says_what_it_does_before_the_first_answer(api_env: Sandbox) -> None:
    voice = invoke(["voices", "--json"]).stdout
    voice_id = re.findall(r'"voice_id": "([^"]+)"', voice)[0]
    result = invoke(["talk", IMAGE, "--text", "Hello", "--voice", voice_id])
    first = result.stderr.splitlines()[0]
    assert first.startswith("Making the speech with AKOOL's VoiceLab"), result.stderr

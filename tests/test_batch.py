"""akool batch: validation first, bounded concurrency, resumable runs, rate limits, JSON results."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import running

HEADER = "id,image_url,audio_url,prompt,resolution,output,text,voice\n"


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows))
    return path


def test_a_csv_batch_downloads_every_video_and_reports_each_row(
    api_env: Sandbox, isolated: Isolation
) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [
            "intro,https://e.com/a.jpg,https://e.com/a.mp3,wave,720,intro.mp4,,",
            "outro,https://e.com/b.jpg,https://e.com/b.mp3,,1080,,,",
            "spoken,https://e.com/c.jpg,,,,spoken.mp4,Hello there,sbx-en-f-ava",
        ],
    )
    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    result = invoke(["batch", str(jobs), "-o", str(outdir), "--json"])
    report = json.loads(result.stdout)
    assert (report["rows"], report["done"], report["failed"]) == (3, 3, 0)
    by_id = {r["id"]: r for r in report["results"]}
    assert by_id["intro"]["downloaded_path"] == str(outdir / "intro.mp4")
    assert by_id["outro"]["downloaded_path"] == str(outdir / f"{by_id['outro']['job_id']}.mp4")
    assert all(
        (outdir / Path(r["downloaded_path"]).name).stat().st_size > 1000 for r in report["results"]
    )
    assert len(api_env.state.jobs) == 3 and len(api_env.state.speech) == 1
    spoken = api_env.state.jobs[by_id["spoken"]["job_id"]].request
    assert spoken["audio_url"].endswith(".mp3") and "/_sandbox/speech/" in spoken["audio_url"]
    assert "row 2 (intro): created" in result.stderr  # not a terminal: one line per event


def test_a_failed_row_gives_exit_9_and_the_rest_still_run(
    api_env: Sandbox, isolated: Isolation
) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [
            "ok,https://e.com/a.jpg,https://e.com/a.mp3,,,,,",
            "bad,https://e.com/fail.jpg,https://e.com/b.mp3,,,,,",
        ],
    )
    result = invoke(["batch", str(jobs), "--json"], expect=9)
    states = {r["id"]: r["state"] for r in json.loads(result.stdout)["results"]}
    assert states == {"ok": "done", "bad": "failed"}


def test_invalid_rows_are_all_reported_and_nothing_is_submitted(
    api_env: Sandbox, isolated: Isolation
) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [
            "a,./local.jpg,https://e.com/a.mp3,,,,,",
            "b,https://e.com/b.jpg,,,,,,",
            "c,https://e.com/c.jpg,https://e.com/c.mp3,,4k,,,",
            "d,https://e.com/d.jpg,https://e.com/d.mp3,,,,,",
            "e,https://e.com/e.jpg,https://e.com/e.mp3,,,../x.mp4,,",
            "d,https://e.com/f.jpg,https://e.com/f.mp3,,,,,",
        ],
    )
    result = invoke(["batch", str(jobs)], expect=2)
    for fragment in (
        "row 2:",
        "row 3:",
        "row 4:",
        "row 6:",
        "local file",
        "audio_url",
        "720 or 1080",
        "repeats row 5",
    ):
        assert fragment in result.stderr
    assert "nothing was submitted" in result.stderr
    assert api_env.state.received == []
    skipped = invoke(["batch", str(jobs), "--skip-invalid", "--json"], expect=9)
    assert json.loads(skipped.stdout)["done"] == 1 and len(api_env.state.jobs) == 1


def test_outputs_that_differ_only_by_case_are_refused_before_anything_is_sent(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17j J15: `a.mp4` and `A.mp4` are one file on macOS and Windows; the second row was
    billed and then could not be saved. Refused up front, as an exact repeat is."""
    jobs = write_csv(
        isolated.tmp / "case.csv",
        [
            "a,https://e.com/a.jpg,https://e.com/a.mp3,,,clip.mp4,,",
            "b,https://e.com/b.jpg,https://e.com/b.mp3,,,Clip.MP4,,",
        ],
    )
    result = invoke(["batch", str(jobs), "-o", f"{isolated.tmp}/"], expect=2)
    assert "row 3: output 'Clip.MP4' is row 2's 'clip.mp4' but for case" in result.stderr
    assert api_env.state.received == []


def test_dry_run_calls_nothing(api_env: Sandbox, isolated: Isolation) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv", ["a,https://e.com/a.jpg,https://e.com/a.mp3,,,a.mp4,,"]
    )
    result = invoke(["batch", str(jobs), "--dry-run", "--json", "-o", str(isolated.tmp)])
    plan = json.loads(result.stdout)
    assert plan["dry_run"] is True and plan["rows"][0]["action"] == "create"
    assert plan["rows"][0]["output"] == str(isolated.tmp / "a.mp4")
    assert api_env.state.received == []


def test_json_lines_input(api_env: Sandbox, isolated: Isolation) -> None:
    jobs = isolated.tmp / "jobs.jsonl"
    jobs.write_text(
        json.dumps({"image_url": "https://e.com/a.jpg", "audio_url": "https://e.com/a.mp3"})
        + "\n\n"
        + json.dumps(
            {"id": "x", "image_url": "https://e.com/b.jpg", "text": "Hi", "voice": "sbx-en-m-noah"}
        )
        + "\n"
    )
    report = json.loads(invoke(["batch", str(jobs), "--json"]).stdout)
    assert [r["id"] for r in report["results"]] == ["row-1", "x"] and report["done"] == 2


def test_rerunning_creates_nothing_twice(api_env: Sandbox, isolated: Isolation) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [f"r{n},https://e.com/{n}.jpg,https://e.com/{n}.mp3,,,,," for n in range(5)],
    )
    invoke(["batch", str(jobs)])
    again = json.loads(invoke(["batch", str(jobs), "--json"]).stdout)
    assert all(r["resumed"] for r in again["results"]) and len(api_env.state.jobs) == 5
    # A changed input is a different job: only that row is created again.
    jobs.write_text(jobs.read_text().replace("https://e.com/4.mp3", "https://e.com/4b.mp3"))
    invoke(["batch", str(jobs)])
    assert len(api_env.state.jobs) == 6


def test_rate_limits_slow_submission_instead_of_failing_rows(
    api_env: Sandbox, isolated: Isolation
) -> None:
    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [f"r{n},https://e.com/{n}.jpg,https://e.com/{n}.mp3,,,,," for n in range(3)],
    )
    # The balance read before the batch (the ledger) gets no fault; then more 429s than one
    # request's own retries.
    api_env.state.inject("none", *["429"] * 7)
    report = json.loads(invoke(["batch", str(jobs), "--json", "-c", "1"]).stdout)
    assert report["done"] == 3 and len(api_env.state.jobs) == 3
    assert max(isolated.clock.sleeps) >= 10  # the whole batch paused


def test_fifty_rows_interrupted_twice_create_exactly_fifty_jobs(isolated: Isolation) -> None:
    with running(SandboxConfig(processing_seconds=0.3), SystemClock()) as sandbox:
        jobs = write_csv(
            isolated.tmp / "campaign.csv",
            [f"p{n},https://e.com/p{n}.jpg,https://e.com/s{n}.mp3,,,,," for n in range(50)],
        )
        outdir = isolated.tmp / "out"
        outdir.mkdir()
        env = process_env(isolated.home, sandbox.base_url)
        command = [AKOOL, "batch", str(jobs), "-o", str(outdir), "--interval", "0.1", "-c", "4"]
        for stop_at in (12, 30):
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            deadline = time.monotonic() + 60
            while len(sandbox.state.jobs) < stop_at and process.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            process.send_signal(signal.SIGINT)  # Ctrl-C
            _, err = process.communicate(timeout=60)
            assert process.returncode == 130, err
            assert b"run the same command again" in err
        final = subprocess.run(
            [*command, "--json"], env=env, capture_output=True, text=True, timeout=120
        )
        assert final.returncode == 0, final.stderr
        report = json.loads(final.stdout)
    assert report["done"] == 50
    assert len(sandbox.state.jobs) == 50
    assert sandbox.state.stats()["duplicates"] == 0
    assert len(list(outdir.glob("*.mp4"))) == 50
    assert sum(r["resumed"] for r in report["results"]) >= 30
    print(
        f"\nbatch: 50 rows, interrupted at {12}+ and {30}+ jobs, sandbox created {len(sandbox.state.jobs)}"
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("", "is empty"),
        ("image_url,colour\nhttps://e.com/a.jpg,red\n", "unknown column"),
        ('{"image_url": "https://e.com/a.jpg"\n', "not JSON"),
    ],
)
def test_unreadable_batch_files(
    api_env: Sandbox, isolated: Isolation, content: str, fragment: str
) -> None:
    path = isolated.tmp / "bad.csv"
    path.write_text(content)
    result = invoke(["batch", str(path)], expect=2)
    assert fragment in result.stderr


def test_rows_without_ids_are_known_by_their_inputs_not_their_line(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.csv"
    body = [f"https://e.com/{n}.jpg,https://e.com/s.mp3" for n in range(3)]
    rows.write_text("image_url,audio_url\n" + "\n".join(body) + "\n")
    invoke(["batch", str(rows)])
    # A row added at the top and a blank line: the three rows done before are not new.
    rows.write_text(
        "image_url,audio_url\nhttps://e.com/new.jpg,https://e.com/s.mp3\n\n"
        + "\n".join(body)
        + "\n"
    )
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert [r["action"].split()[0] for r in plan["rows"]] == ["create", "pick", "pick", "pick"]
    invoke(["batch", str(rows)])
    assert len(api_env.state.jobs) == 4


def test_a_video_saved_but_not_recorded_before_a_kill_is_recognised(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """SIGKILL after the file is in place but before the history records it: the rerun checks
    the file against what the URL serves and records it, instead of failing the row for good.
    A file that is not that video is still never replaced."""
    import sqlite3

    jobs = write_csv(
        isolated.tmp / "jobs.csv",
        [f"k{n},https://e.com/k{n}.jpg,https://e.com/k{n}.mp3,,,,," for n in range(2)],
    )
    out = isolated.tmp / "out"
    first = json.loads(invoke(["batch", str(jobs), "-o", f"{out}/", "--json"]).stdout)
    saved = {r["id"]: Path(r["downloaded_path"]) for r in first["results"]}
    with sqlite3.connect(isolated.home / "jobs.sqlite3") as db:
        db.execute("UPDATE jobs SET downloaded_path = '', sha256 = ''")
    foreign = b"\x00\x00\x00\x18ftypmp42" + bytes(5000)
    saved["k1"].write_bytes(foreign)  # someone else's file at k1's path
    report = json.loads(invoke(["batch", str(jobs), "-o", f"{out}/", "--json"], expect=9).stdout)
    by_id = {r["id"]: r for r in report["results"]}
    assert by_id["k0"]["state"] == "done" and by_id["k0"]["downloaded_path"] == str(saved["k0"])
    assert by_id["k1"]["state"] == "error" and "another file" in by_id["k1"]["error"]
    assert saved["k1"].read_bytes() == foreign
    with sqlite3.connect(isolated.home / "jobs.sqlite3") as db:
        recorded = db.execute("SELECT downloaded_path FROM jobs WHERE downloaded_path != ''")
        assert [Path(path) for (path,) in recorded] == [saved["k0"]]
    assert len(api_env.state.jobs) == 2

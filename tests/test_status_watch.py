"""akool status and akool watch: history, refresh, tables, JSON shapes, exit codes, Ctrl-C."""

from __future__ import annotations

import itertools
import json

import pytest

from akool_cli.jobs.views import JOB_KEYS
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def create(image: str = IMAGE) -> str:
    return invoke(["talk", image, AUDIO]).stdout.strip()


def test_status_without_jobs_says_how_to_start(api_env: Sandbox) -> None:
    result = invoke(["status"])
    assert result.stdout == ""
    assert "akool talk" in result.stderr


def test_status_lists_recent_jobs_and_refreshes_unfinished_ones(
    api_env: Sandbox, isolated: Isolation
) -> None:
    first = create()
    second = create("https://example.com/fail.jpg")
    isolated.clock.advance(10)
    result = invoke(["status"])  # failed jobs are reported, exit stays 0
    lines = result.stdout.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == [second, first]
    assert lines[0].split("\t")[1] == "failed" and "face" in lines[0]
    assert lines[1].split("\t")[1] == "done" and "/_sandbox/files/" in lines[1]
    assert "\033[" not in result.stdout + result.stderr
    polls_before = dict(api_env.state.polls)
    invoke(["status"])  # finished jobs are not asked about again
    assert api_env.state.polls == polls_before


def test_status_json_is_one_array_with_stable_keys(api_env: Sandbox, isolated: Isolation) -> None:
    job_id = create()
    document = json.loads(invoke(["status", "--json"]).stdout)
    assert isinstance(document, list) and len(document) == 1
    assert tuple(document[0]) == JOB_KEYS
    assert document[0]["id"] == job_id
    assert document[0]["video_status"] == 1 and document[0]["state"] == "queued"
    isolated.clock.advance(3)
    assert json.loads(invoke(["status", "--json", job_id]).stdout)[0]["state"] == "processing"


def test_status_limit(api_env: Sandbox) -> None:
    ids = [create() for _ in range(3)]
    document = json.loads(invoke(["status", "--json", "--limit", "2"]).stdout)
    assert [d["id"] for d in document] == ids[:0:-1]


def test_status_of_an_id_akool_does_not_know_exits_4(api_env: Sandbox) -> None:
    result = invoke(["status", "0123456789abcdef01234567"], expect=4)
    assert "1008" in result.stderr and "content does not exist" in result.stderr


@pytest.mark.parametrize("bad", ["../../etc/passwd", "id with space", "x" * 65, "a;b"])
def test_status_refuses_malformed_ids(api_env: Sandbox, bad: str) -> None:
    result = invoke(["status", bad], expect=2)
    assert "is not a job id" in result.stderr
    assert api_env.state.received == []


def test_watch_several_jobs_into_a_directory(api_env: Sandbox, isolated: Isolation) -> None:
    ids = [create() for _ in range(3)]
    outdir = isolated.tmp / "out"
    outdir.mkdir()
    result = invoke(["watch", *ids, "-o", str(outdir)])
    assert sorted(result.stdout.split()) == sorted(str(outdir / f"{i}.mp4") for i in ids)
    for job_id in ids:
        assert (outdir / f"{job_id}.mp4").stat().st_size > 1000
        assert f"{job_id} done" in result.stderr
    # At most one status request per job per interval: a 6 s job polled from 3 s on.
    assert all(count <= 4 for count in api_env.state.polls.values())


def test_watch_prints_video_urls_without_output(api_env: Sandbox) -> None:
    job_id = create()
    result = invoke(["watch", job_id])
    assert result.stdout.strip() == api_env.file_url(job_id)


def test_watch_exits_6_when_any_job_failed(api_env: Sandbox) -> None:
    good, bad = create(), create("https://example.com/fail.jpg")
    result = invoke(["watch", good, bad, "--json"], expect=6)
    states = {d["id"]: d["state"] for d in json.loads(result.stdout)}
    assert states == {good: "done", bad: "failed"}


def test_watch_timeout_exits_7(api_env: Sandbox) -> None:
    job_id = create()
    result = invoke(["watch", job_id, "--timeout", "1"], expect=7)
    assert f"akool watch {job_id}" in result.stderr


def test_watch_backs_off_gradually_to_about_30_seconds(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.state.config.processing_seconds = 600
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", sandbox.state.config.api_key)
    job_id = create()
    invoke(["watch", job_id])
    waits = [s for s in isolated.clock.sleeps if s > 0]
    assert waits[0] == pytest.approx(3.0)
    assert max(waits) == pytest.approx(30.0)
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(waits))
    assert sandbox.state.polls[job_id] < 35  # a 10-minute job: ~27 polls, not 200


def test_a_long_watch_is_not_silent_in_a_log(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.state.config.processing_seconds = 300
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", sandbox.state.config.api_key)
    job_id = create()
    result = invoke(["watch", job_id])
    beats = [line for line in result.stderr.splitlines() if line.startswith("still waiting")]
    assert 4 <= len(beats) <= 5 and beats[0] == "still waiting for 1 job(s) after 1 min"


def test_ctrl_c_while_watching_says_the_job_keeps_running(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = create()

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(isolated.clock, "sleep", interrupt)
    result = invoke(["watch", job_id, "--interval", "5"], expect=130)
    assert "keep running on AKOOL" in result.stderr
    assert f"akool watch {job_id}" in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--interval", "0"], "allowed range 0.1–3600"),
        (["--timeout", "-5"], "--timeout '-5' must be more than zero"),
        (["--interval", "1 fortnight"], "--interval '1 fortnight' is not a duration"),
    ],
)
def test_watch_bad_options(api_env: Sandbox, args: list[str], fragment: str) -> None:
    result = invoke(["watch", "0123456789abcdef01234567", *args], expect=2)
    assert fragment in result.stderr


def test_watch_refuses_an_output_path_that_is_a_directory_for_one_file(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = create()
    (isolated.tmp / "out" / f"{job_id}.mp4").mkdir(parents=True)
    result = invoke(["watch", job_id, "-o", str(isolated.tmp / "out")], expect=2)
    assert "is a directory" in result.stderr
    assert api_env.state.polls == {}  # refused before following the job


def test_jobs_are_told_apart_by_label_and_input(api_env: Sandbox, isolated: Isolation) -> None:
    labelled = invoke(["talk", IMAGE, AUDIO, "--name", "intro"]).stdout.strip()
    other = invoke(["talk", "https://example.com/team/alice.png", AUDIO]).stdout.strip()
    lines = dict(line.split("\t", 1) for line in invoke(["status"]).stdout.splitlines())
    assert lines[labelled].endswith("\tintro") and lines[other].endswith("\talice.png")
    views = {v["id"]: v for v in json.loads(invoke(["status", "--json"]).stdout)}
    assert views[labelled]["label"] == "intro" and views[other]["label"] is None
    assert views[other]["inputs"]["image_url"] == "https://example.com/team/alice.png"
    watched = invoke(["watch", labelled, other])
    assert f"{labelled} queued (intro)" in watched.stderr
    assert f"{other} queued (alice.png)" in watched.stderr


def test_watching_again_what_is_saved_is_not_an_error(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(60)
    out = isolated.tmp / "videos"
    first = invoke(["watch", job, "-o", f"{out}/"])
    again = invoke(["watch", job, "-o", f"{out}/"])
    assert first.stdout == again.stdout == f"{out / job}.mp4\n"
    assert "saved earlier" in again.stderr
    (out / f"{job}.mp4").write_bytes(b"something else")  # no longer the file akool saved
    assert "already exists" in invoke(["watch", job, "-o", f"{out}/"], expect=2).stderr


def test_a_huge_failure_reason_is_cut_on_screen_and_in_the_history(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17j J4: a failed job's 3 MB error_reason was printed whole on one Error line and kept
    whole in the history (a CI log flooded, every `status --json` 3 MB)."""
    made = json.loads(
        invoke(["talk", "https://e.com/fail.jpg", "https://e.com/a.mp3", "--json"]).stdout
    )
    api_env.state.jobs[made["id"]].failure = "no face " * 400_000
    isolated.clock.advance(60)
    shown = invoke(["status", made["id"], "--json"], expect=None)
    assert len(shown.stdout) < 20_000 and "(3,200,000 characters in all)" in shown.stdout
    assert len(invoke(["history", "--json"]).stdout) < 20_000

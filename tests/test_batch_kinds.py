"""Batch files that mix products: a `kind` column, each kind's documented fields as columns, one
campaign, resumed without paying twice, and exactly one job per row under SIGTERM and faults."""

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
from tests.support.runner import AKOOL, exit_report, invoke, process_env, traced
from tests.support.sandboxes import running

HEADER = "id,kind,image_url,audio_url,video_url,url,language,lipsync,prompt,resolution,glossary"


def mixed_rows(folder: Path, tag: str = "", *, chained: bool = False) -> Path:
    """Five rows, five kinds (with `chained`, also a head swap and a talking avatar); every
    input names its row, so the sandbox's jobs map to rows."""
    (folder / "words.json").write_text('{"no_translate_words": ["akool"]}')
    e = "https://example.com"
    more = ",," if chained else ""
    lines = [
        HEADER + (",faces,avatar_id" if chained else ""),
        f"photo{tag},,{e}/photo{tag}.jpg,{e}/s.mp3,,,,,,,{more}",
        f"lips{tag},lipsync,,{e}/lips{tag}.mp3,{e}/lips{tag}.mp4,,,,,,{more}",
        f'tr{tag},translate,,,,{e}/tr{tag}.mp4,"es,fr",true,,,words.json{more}',
        f"i2v{tag},image2video,{e}/i2v{tag}.png,,,,,,zoom {tag},1080p,{more}",
        f"t2v{tag},text2video,,,,,,,a lake {tag},,{more}",
    ]
    if chained:
        lines += [
            f"hs{tag},headswap,,,{e}/hs{tag}.mp4,,,,,,,{e}/face{tag}.jpg,",
            f"av{tag},avatar,,{e}/av{tag}.mp3,,,,,,,,,SandboxAnna01",
        ]
    path = folder / f"mixed{tag}.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_mixed_file_runs_in_one_campaign_and_resumes_without_paying_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = mixed_rows(isolated.tmp)
    out = isolated.tmp / "out"
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    kinds = [(r["id"], r["kind"]) for r in plan["rows"]]
    assert kinds == [
        ("photo", "talking_photo"),
        ("lips", "lipsync"),
        ("tr", "video_translation"),
        ("i2v", "image2video"),
        ("t2v", "text2video"),
    ]
    by_id = {r["id"]: r["request"] for r in plan["rows"]}
    assert by_id["tr"] == {
        "url": "https://example.com/tr.mp4",
        "language": "es,fr",
        "source_language": "DEFAULT",
        "lipsync": True,
        "studio_voice": {"no_translate_words": ["akool"]},
    }
    assert by_id["i2v"]["audio_type"] == 1 and by_id["i2v"]["resolution"] == "1080p"
    assert by_id["t2v"] == {"prompt": "a lake", "count": 1}  # CSV values are stripped
    table = invoke(["batch", str(rows), "--dry-run"]).stdout
    assert "video_translation" in table and "language=es,fr" in table

    report = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"]).stdout)
    assert [r["state"] for r in report["results"]] == ["done"] * 5
    assert len(api_env.state.jobs) == 5
    translated = next(r["job_id"] for r in report["results"] if r["id"] == "tr")
    assert (out / f"{translated}.translated.srt").is_file()
    assert len(list(out.glob("*.mp4"))) == 6  # five results and the caption-free video

    again = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"]).stdout)
    assert all(r["resumed"] and r["state"] == "done" for r in again["results"])
    assert len(api_env.state.jobs) == 5  # nothing created twice


def test_a_row_of_one_kind_with_another_kinds_column_is_refused(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "bad.csv"
    rows.write_text(
        "kind,video_url,audio_url,prompt\n"
        "lipsync,https://e.com/v.mp4,https://e.com/a.mp3,smile\n"
        "dubbing,https://e.com/v.mp4,https://e.com/a.mp3,\n"
        "image2video,,,p\n"
        "headswap,https://e.com/v.mp4,,\n"
    )
    result = invoke(["batch", str(rows)], expect=2)
    assert "row 2: prompt: not a column of lipsync rows" in result.stderr
    assert "row 3: kind 'dubbing' is not one akool makes" in result.stderr
    assert "row 4: the image to video request is not valid: image_url is required" in result.stderr
    assert "row 5: the head swap request is not valid: give 1 to 5 faces" in result.stderr
    assert api_env.state.jobs == {}


def test_headswap_rows_analyse_then_make_one_task_each_and_resume_without_either(
    api_env: Sandbox, isolated: Isolation
) -> None:
    e = "https://example.com"
    rows = isolated.tmp / "swaps.csv"
    rows.write_text(
        "id,kind,video_url,faces,resolution\n"
        f"us,headswap,{e}/twopeople.mp4,{e}/anna.jpg | {e}/ben.jpg,480p\n"
        f"me,headswap,{e}/solo.mp4,{e}/carl.jpg,\n"
        f"crowd,headswap,{e}/solo2.mp4,{e}/a.jpg|{e}/b.jpg,\n"
    )
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    us = plan["rows"][0]
    assert (us["kind"], us["request"]["resolution"]) == ("head_swap", "480p")
    assert us["request"]["mappings"] == [
        {"obj_id": 0, "img_url": f"{e}/anna.jpg"},
        {"obj_id": 1, "img_url": f"{e}/ben.jpg"},
    ]
    out = isolated.tmp / "out"
    report = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"], expect=9).stdout)
    states = {r["id"]: r for r in report["results"]}
    assert states["us"]["state"] == states["me"]["state"] == "done"
    assert "2 faces for 1 person(s)" in states["crowd"]["error"]  # analysed; no task billed
    tasks = [json.loads(r.body) for r in api_env.state.received if r.path.endswith("task/create")]
    assert len(tasks) == 2 and len(api_env.state.analyses) == 3
    [ours] = [t for t in tasks if t["video_url"] == f"{e}/twopeople.mp4"]  # rows run at once
    assert ours["mappings"][1] == {"obj_id": 1, "img_url": f"{e}/ben.jpg"}
    views = json.loads(invoke(["status", "--json"]).stdout)
    assert sorted(v["kind"] for v in views) == ["head_swap", "head_swap"]  # one job per row
    assert all(v["inputs"]["analysis_id"] in api_env.state.analyses for v in views)
    assert (out / f"{states['us']['job_id']}.mp4").is_file()
    again = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"], expect=9).stdout)
    assert [r["resumed"] for r in again["results"][:2]] == [True, True]
    assert len(api_env.state.analyses) == 4  # only the row without a job is analysed again
    assert len([r for r in api_env.state.received if r.path.endswith("task/create")]) == 2


# Faults AKOOL's answers can have. With "refusals" (429, slow answers) a create is never in
# doubt; with "all", an HTTP 500 or a cut answer to a create leaves its outcome unknown, and
# akool never sends that row again by itself (the row says so) until its user settles it
# (akool settle ROW --batch FILE --created JOB_ID | --not-created).
FAULTS = {
    "refusals": {"429": 0.2, "slow": 0.1},
    "all": {"500": 0.1, "429": 0.05, "drop": 0.05, "truncate": 0.05, "slow": 0.05},
}


@pytest.mark.parametrize("faults", ["refusals", "all"])
def test_a_mixed_batch_under_sigterm_and_faults_ends_with_one_job_per_row(
    isolated: Isolation, faults: str
) -> None:
    config = SandboxConfig(
        processing_seconds=0.3,
        faults=dict(FAULTS[faults]),
        seed=2024,
        slow_seconds=0.05,
        latency=0.02,
    )
    files = [mixed_rows(isolated.tmp, str(n), chained=True) for n in range(3)]
    rows = isolated.tmp / "all.csv"
    lines = [files[0].read_text().splitlines()[0]]
    lines += [line for f in files for line in f.read_text().splitlines()[1:]]
    rows.write_text("\n".join(lines) + "\n")
    out = isolated.tmp / "out"
    args = [AKOOL, "batch", str(rows), "--interval", "0.2", "-c", "4", "-o", str(out), "--json"]
    with running(config, SystemClock()) as sandbox:
        env = process_env(isolated.home, sandbox.base_url)
        for pause in (0.6, 1.2):  # stopped twice while creating, following and downloading
            first = subprocess.Popen(
                args, env=traced(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            time.sleep(pause)
            first.send_signal(signal.SIGTERM)
            _, stderr = first.communicate(timeout=120)
            # 143: stopped cleanly; -15: the signal came before akool had started.
            assert first.returncode in (0, 9, 143, -signal.SIGTERM), exit_report(
                first.returncode, stderr
            )
        final = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert final.returncode in (0, 9), final.stderr
        report = json.loads(final.stdout)["results"]
        # Done (one job); unknown: its create's answer was lost (one job or none), never sent
        # again by itself; or, for a head swap, an error: its analysis's answer was lost.
        assert {r["state"] for r in report} <= {"done", "unknown", "error"}, report
        config.faults.clear()  # the storm is over: what the user does next, in calm
        settled = settle_unknown_rows(sandbox, rows, report, env)
        again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    stats = sandbox.state.stats()
    results = json.loads(again.stdout)["results"]
    assert stats["duplicates"] == 0  # no row's request ever made two jobs
    assert stats["jobs"] == 21 and [r["state"] for r in results] == ["done"] * 21
    for r in results:  # exactly one job per row: the one its request made
        assert made_for(sandbox, r["id"]) == [r["job_id"]], r
    kinds = {job.kind for job in sandbox.state.jobs.values()}
    assert kinds == {
        "talking_photo",
        "lipsync",
        "video_translation",
        "image2video",
        "text2video",
        "head_swap",
        "talking_avatar",
    }
    states = [r["state"] for r in report]
    print(f"\nmixed batch, SIGTERM twice, {faults} faults: {states}; settled {settled}")


def made_for(sandbox: Sandbox, row_id: str) -> list[str]:
    """The sandbox's jobs made for a row of mixed_rows (every input names its row)."""
    token = f"a lake {row_id[3:]}" if row_id.startswith("t2v") else f"/{row_id}."
    return [j.id for j in sandbox.state.jobs.values() if token in json.dumps(j.request)]


def settle_unknown_rows(
    sandbox: Sandbox, rows: Path, report: list[dict[str, object]], env: dict[str, str]
) -> dict[str, str]:
    """Each row whose create's outcome is unknown, settled as its user would after looking in
    AKOOL's dashboard (here: the sandbox's jobs): the job its request made, or none."""
    settled: dict[str, str] = {}
    for row in report:
        if row["state"] != "unknown":
            continue
        row_id = str(row["id"])
        found = made_for(sandbox, row_id)
        assert len(found) <= 1, found
        said = ["--created", found[0]] if found else ["--not-created"]
        command = [AKOOL, "settle", row_id, "--batch", str(rows), *said]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        settled[row_id] = found[0] if found else "not created"
    return settled


def test_a_rows_local_video_over_its_products_limit_is_a_problem_of_that_row(
    api_env: Sandbox, isolated: Isolation
) -> None:
    from tests.test_products import patched_sample

    long = patched_sample(isolated.tmp, seconds=75)
    rows = isolated.tmp / "rows.csv"
    rows.write_text(f"kind,video_url,audio_url\nlipsync,{long.name},https://e.com/a.mp3\n")
    result = invoke(["batch", str(rows), "--upload-to", "s3://bucket/akool/"], expect=2)
    assert "row 2: " in result.stderr and "is 75.0 s long" in result.stderr
    assert api_env.state.jobs == {}

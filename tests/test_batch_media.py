"""Batch files of face swaps, images, voices, avatars and moderations (the `kind` column): files
saved as what they are, assets and texts reported without files, and a mixed batch of face swaps
and images that resumes after SIGKILL with one job per row."""

from __future__ import annotations

import functools
import hashlib
import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.runner import AKOOL, exit_report, invoke, process_env
from tests.support.sandboxes import running
from tests.support.waiting import wait_for

E = "https://example.com"
HEADER = "id,kind,source_url,target_url,prompt,scale,modifyImage,face_reage,source_voice_file,name,url,content,type"


def rows_file(folder: Path, lines: list[str]) -> Path:
    path = folder / "media.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n")
    return path


def test_a_batch_of_every_kind_saves_files_and_reports_assets_and_texts(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = rows_file(
        isolated.tmp,
        [
            f"swap,faceswap,{E}/twofaces-a.jpg,{E}/twofaces-b.jpg,,,,,,,,,",
            f"plus,faceswap_plus,{E}/face.jpg,{E}/team.jpg,,,,,,,,,",
            f"old,reage,,,,,{E}/portrait.jpg,20,,,,,",
            "pic,image,,,a lighthouse,16:9,,,,,,,",
            f"mine,voice_clone,,,,,,,{E}/me.mp3,My voice,,,",
            f"me,avatars add,,,,,,,,Me,{E}/me.mp4,,",
            "check,moderate,,,,,,,,,,some text,4",
        ],
    )
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert [(r["id"], r["kind"]) for r in plan["rows"]] == [
        ("swap", "faceswap"),
        ("plus", "faceswap_plus"),
        ("old", "reage"),
        ("pic", "image"),
        ("mine", "voice_clone"),
        ("me", "avatar"),
        ("check", "moderation"),
    ]
    out = isolated.tmp / "out"
    result = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"]).stdout)
    states = {r["id"]: r for r in result["results"]}
    assert {r["state"] for r in states.values()} == {"done"}
    saved = {Path(r["downloaded_path"]).suffix for r in states.values() if r["downloaded_path"]}
    assert saved == {".jpg", ".png"}
    # ... and beside them the voice clone's preview (its voice_id is the row's result).
    assert sorted(p.suffix for p in out.iterdir()) == [".jpg", ".jpg", ".jpg", ".mp3", ".png"]
    # The two faces on each side were mapped from face detection.
    [swap] = [j for j in api_env.state.jobs.values() if j.kind == "faceswap"]
    assert [len(swap.request[side]) for side in ("sourceImage", "targetImage")] == [2, 2]
    assert all("opts" in item for item in swap.request["targetImage"])
    # Assets and texts: in the history's outputs, no file.
    views = {v["label"]: v for v in json.loads(invoke(["status", "--json", "-n", "20"]).stdout)}
    assert views["mine"]["outputs"]["voice_id"] and views["me"]["outputs"]["avatar_id"]
    assert views["check"]["outputs"]["final_conclusion"] == "Compliant"
    # Run again: every row is picked up, nothing is made or fetched again.
    jobs = len(api_env.state.jobs)
    again = json.loads(invoke(["batch", str(rows), "-o", str(out), "--json"]).stdout)
    assert {r["state"] for r in again["results"]} == {"done"}
    assert len(api_env.state.jobs) == jobs


def test_video_kinds_upscales_and_voice_changes_in_a_batch(
    api_env: Sandbox, isolated: Isolation
) -> None:
    import akool_cli

    with akool_cli.Client() as client:
        image = client.wait(client.image("a lighthouse").id)
    path = isolated.tmp / "more.csv"
    path.write_text(
        "id,kind,source_url,target_url,modifyVideo,face_reage,_id,button,voice_id,"
        "source_voice_file\n"
        f"v3,faceswap_video,{E}/a.jpg,{E}/v.mp4,,,,,,\n"
        f"plusv,faceswap_plus_video,{E}/a.jpg,{E}/w.mp4,,,,,,\n"
        f"older,reage_video,,,{E}/x.mp4,-5,,,,\n"
        f"up,image_button,,,,,{image.id},U3,,\n"
        f"sing,voice_change,,,,,,,sbx-en-f-ava,{E}/s.mp3\n"
    )
    out = isolated.tmp / "out"
    result = json.loads(invoke(["batch", str(path), "-o", str(out), "--json"]).stdout)
    done = {r["id"]: Path(r["downloaded_path"]).suffix for r in result["results"]}
    assert done == {"v3": ".mp4", "plusv": ".mp4", "older": ".mp4", "up": ".png", "sing": ".mp3"}
    kinds = sorted(j.kind for j in api_env.state.jobs.values())
    assert kinds == sorted(
        [
            "image",
            "faceswap_video",
            "faceswap_plus_video",
            "reage_video",
            "image_button",
            "voice_change",
        ]
    )


def row_of(request: dict[str, object], targets: dict[str, str]) -> str:
    """Which row a sandbox job came from: its inputs, or the digest of its target's URL in the
    face crops detection made of it."""
    text = json.dumps(request)
    found = [
        row
        for row, target in targets.items()
        if f"/{row}-" in text or hashlib.sha256(target.encode()).hexdigest()[:12] in text
    ]
    assert len(found) == 1, (text, found)
    return found[0]


def has_made(sandbox: Sandbox, run: subprocess.Popen[bytes], jobs: int) -> bool:
    """Whether the sandbox holds `jobs` jobs by now (or the run has ended)."""
    return len(sandbox.state.jobs) >= jobs or run.poll() is not None


def test_a_mixed_batch_of_face_swaps_and_images_resumes_after_sigkill(
    isolated: Isolation,
) -> None:
    config = SandboxConfig(processing_seconds=0.3, seed=1204, latency=0.01)
    ids = [f"r{n}" for n in range(12)]
    lines, targets = [], {}
    for n, row in enumerate(ids):
        if n % 2 == 0:  # face swaps, half with two faces on each side (detection, then create)
            faces = "twofaces-" if n % 4 == 0 else ""
            targets[row] = f"{E}/{faces}{row}-t.jpg"
            lines.append(f"{row},faceswap,{E}/{faces}{row}-s.jpg,{targets[row]},,,,,,,,,")
        else:
            targets[row] = ""
            lines.append(f"{row},image,,,a lighthouse /{row}-,1:1,,,,,,,")
    rows = rows_file(isolated.tmp, lines)
    out = isolated.tmp / "out"
    args = [AKOOL, "batch", str(rows), "--interval", "0.2", "-c", "3", "-o", str(out), "--json"]
    with running(config, SystemClock()) as sandbox:
        env = process_env(isolated.home, sandbox.base_url)
        # Killed twice with no chance to tidy up, each time once it has made jobs of its own: by
        # progress, not by a pause, so a slow or a fast machine kills it at the same point.
        for made in (2, 6):
            run = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            wait_for(functools.partial(has_made, sandbox, run, made), 60)
            run.send_signal(signal.SIGKILL)
            _, stderr = run.communicate(timeout=60)
            # Killed mid-run, not after it ended.
            assert run.returncode == -signal.SIGKILL, exit_report(run.returncode, stderr)
        final = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode in (0, 9), final.stderr
    results = json.loads(final.stdout)["results"]
    per_row: dict[str, int] = dict.fromkeys(ids, 0)
    for job in sandbox.state.jobs.values():
        per_row[row_of(job.request, targets)] += 1
    stats = sandbox.state.stats()
    assert stats["duplicates"] == 0
    for result in results:
        # Done: exactly one job. Unknown (SIGKILL while a create was in flight): one or none,
        # and akool never sends it again by itself.
        if result["state"] == "done":
            assert per_row[result["id"]] == 1, result
            assert Path(result["downloaded_path"]).is_file()
        else:
            assert result["state"] == "unknown" and per_row[result["id"]] <= 1, (
                result,
                [line for line in final.stderr.splitlines() if result["id"] in line],
            )
    assert len(results) == len(ids) and max(per_row.values()) == 1
    assert "from an earlier run" in final.stderr  # the killed runs' jobs were picked up
    done = [r for r in results if r["state"] == "done"]
    print(f"\nmedia batch, SIGKILL twice: {len(sandbox.state.jobs)} jobs, {len(done)} done")


def test_every_new_kind_sends_its_webhook_and_the_receiver_records_it(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli
    from akool_cli.sandbox.state import SANDBOX_CLIENT_ID
    from akool_cli.store.journal import Journal

    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    with akool_cli.Client() as client:
        server = client.webhook_receiver(
            host="127.0.0.1",
            port=0,
            path="/hook",
            download_dir=None,
            on_event=lambda event: None,
            on_reject=lambda a, w: None,
            on_warning=lambda message: None,
        )
    commands = [
        ["faceswap", f"{E}/a.jpg", f"{E}/b.jpg", "--plus"],
        ["reage", f"{E}/a.jpg", "--age", "5"],
        ["image", "--prompt", "a lake"],
        ["voice", "change", "sbx-en-f-ava", f"{E}/s.mp3"],
        ["voice", "clone", f"{E}/s.mp3", "--name", "v"],
        ["moderate", "some text", "--no-wait"],
    ]
    server.start()
    try:
        ids = [invoke([*c, "--webhook-url", server.url]).stdout.split()[0] for c in commands]
        isolated.clock.advance(60)
        deadline = time.monotonic() + 10
        with Journal(isolated.home / "jobs.sqlite3") as journal:
            while not all(getattr(journal.get(i), "video_status", 0) == 3 for i in ids):
                assert time.monotonic() < deadline, "the callbacks did not all arrive"
                time.sleep(0.02)
    finally:
        server.stop()
    hooked = [
        json.loads(r.body)
        for r in api_env.state.received
        if r.method == "POST" and b"webhookUrl" in r.body
    ]
    assert len(hooked) == len(commands) and all(b["webhookUrl"] == server.url for b in hooked)
    assert {c[0] for c in api_env.state.callbacks} == set(ids)

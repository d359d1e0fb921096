"""Every row of issue 19's table end to end on the sandbox, as one user would run them: each
command made with a webhook (`webhook serve`'s receiver records and saves every callback, each
documented `type` among them), `status` and `watch ID -o DIR/` for each kind, and one batch file
with a row of each kind that runs, saves and resumes without paying again."""

from __future__ import annotations

import json

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

E = "https://example.com"
# One command line per row of the table (the kind each makes).
COMMANDS = {
    "lipsync": ["lipsync", f"{E}/clip.mp4", f"{E}/speech.mp3"],
    "video_translation": ["translate", f"{E}/talk.mp4", "--to", "es,fr"],
    "image2video": ["image2video", f"{E}/photo.jpg", "--prompt", "slow zoom"],
    "text2video": ["text2video", "--prompt", "a calm lake"],
    "talking_avatar": ["avatar", "SandboxAnna01", f"{E}/speech.mp3", "--background", "#000000"],
    "character_swap": ["charswap", f"{E}/hero.png", f"{E}/dance.mp4"],
    "head_swap": ["headswap", f"{E}/twopeople.mp4", "--face", f"{E}/a.jpg", "--face", f"{E}/b.jpg"],
}
# webhook.mdx's documented callback types of these products.
DOCUMENTED_TYPES = {"lipsync", "video translate", "avatar"}


def test_each_product_is_made_called_back_listed_watched_and_downloaded(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.hooks import receiving
    from tests.support.waiting import wait_for

    hooked = isolated.tmp / "hooked"
    with receiving(hooked, monkeypatch) as (server, types):
        made = {
            kind: invoke([*argv, "--webhook-url", server.url]).stdout.split()[0]
            for kind, argv in COMMANDS.items()
        }
        isolated.clock.advance(60)
        wait_for(lambda: all((hooked / f"{j}.mp4").is_file() for j in made.values()), 10.0)
        wait_for(lambda: set(types) >= DOCUMENTED_TYPES, 10.0)
    views = json.loads(invoke(["status", *made.values(), "--json"]).stdout)
    assert {v["kind"]: v["state"] for v in views} == dict.fromkeys(COMMANDS, "done")
    out = isolated.tmp / "watched"
    for job_id in made.values():  # watch ID works for any kind in the history
        invoke(["watch", job_id, "-o", f"{out}/"])
        assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    assert (out / f"{made['video_translation']}.translated.srt").is_file()


def test_a_batch_with_a_row_of_each_product_runs_saves_and_resumes(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "every.csv"
    rows.write_text(
        "id,kind,video_url,audio_url,url,language,image_url,prompt,avatar_id,image,video,faces\n"
        f"lips,lipsync,{E}/clip.mp4,{E}/speech.mp3,,,,,,,,\n"
        f"dub,translate,,,{E}/talk.mp4,es,,,,,,\n"
        f"i2v,image2video,,,,,{E}/photo.jpg,zoom,,,,\n"
        "t2v,text2video,,,,,,a lake,,,,\n"
        f"anna,avatar,,{E}/speech.mp3,,,,,SandboxAnna01,,,\n"
        f"hero,charswap,,,,,,,,{E}/hero.png,{E}/dance.mp4,\n"
        f"us,headswap,{E}/twopeople.mp4,,,,,,,,,{E}/a.jpg|{E}/b.jpg\n"
    )
    out = isolated.tmp / "out"
    report = json.loads(invoke(["batch", str(rows), "-o", f"{out}/", "--json"]).stdout)
    assert [r["state"] for r in report["results"]] == ["done"] * 7
    assert all((out / f"{r['job_id']}.mp4").is_file() for r in report["results"])
    assert len(api_env.state.jobs) == 7
    again = json.loads(invoke(["batch", str(rows), "-o", f"{out}/", "--json"]).stdout)
    assert all(r["resumed"] and r["state"] == "done" for r in again["results"])
    assert len(api_env.state.jobs) == 7  # nothing made twice

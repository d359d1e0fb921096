"""A create whose free text or URL path holds a `token=`-like word, or whose URL carries
user:password@, is its create's job: the first status read, `settle` and an MCP `wait` compare
AKOOL's echo with what was sent like with like (break17i I8), and a saved file whose name holds
such a word is reported by its true path (I10).

Each test fails on akool before the fix: free text and URL paths were masked as if they were a
presigned URL's query when recorded, AKOOL's echo was compared unmasked, and the billed job was
declared "another create's" (detached, never downloaded, exit 5); the path printed was masked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

E = "https://example.com"
DOORS = {
    "talk-prompt": [
        "talk",
        f"{E}/pm.jpg",
        f"{E}/pm.mp3",
        "--prompt",
        "smile then say token=abc123 loudly",
    ],
    "talk-text": [
        "talk",
        f"{E}/tx.jpg",
        "--text",
        "Reset your password=hunter2 now",
        "--voice",
        "sbx-en-f-ava",
    ],
    "image": ["image", "--prompt", "a poster that reads secret=42"],
    "text2video": ["text2video", "--prompt", "a sign saying token=x"],
    "lipsync-path-token": [
        "lipsync",
        "https://cdn.example.com/__token__=exp=1900000000~acl=/*~hmac=abc123def/clip.mp4",
        f"{E}/speech.mp3",
    ],
    "image2video-path-token": ["image2video", f"{E}/auth_token=xyz/p.jpg", "--prompt", "zoom"],
    "image2video-basic-auth": [
        "image2video",
        "https://bob:pw@cdn.example.com/p.jpg",
        "--prompt",
        "zoom",
    ],
    "lipsync-basic-auth": ["lipsync", "https://bob:pw@cdn.example.com/c.mp4", f"{E}/speech.mp3"],
}


@pytest.mark.parametrize("door", sorted(DOORS))
def test_a_token_like_word_keeps_the_job_its_creates(
    door: str, api_env: Sandbox, isolated: Isolation
) -> None:
    job = invoke([*DOORS[door], "--wait", "--json"]).stdout
    made = json.loads(job)
    assert made["state"] == "done", made
    [view] = json.loads(invoke(["status", made["id"], "--json"]).stdout)
    assert view["detached"] is None, view


def test_a_batch_row_prompt_with_a_token_like_word(api_env: Sandbox, isolated: Isolation) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(
        f"id,image_url,audio_url,prompt\nr1,{E}/b.jpg,{E}/b.mp3,wave the api_key=42 card\n"
    )
    out = isolated.tmp / "out"
    invoke(["batch", str(rows), "-o", f"{out}/"])
    assert len(list(out.glob("*.mp4"))) == 1


def test_a_saved_path_with_token_in_its_name_is_shown_as_it_is(
    api_env: Sandbox, isolated: Isolation
) -> None:
    target = isolated.tmp / "take_token=4.mp4"
    made = invoke(["talk", f"{E}/sv.jpg", f"{E}/sv.mp3", "-o", str(target)])
    assert target.exists() and str(target) in made.stderr, made.stderr
    job = made.stdout.strip()
    for args in (["status", job, "--json"], ["history", "--json"]):
        [view] = json.loads(invoke(args).stdout)
        assert view["downloaded_path"] == str(target), view
        assert Path(view["downloaded_path"]).exists()
    watched = invoke(["watch", job, "-o", str(target), "--json"])
    [seen] = json.loads(watched.stdout)
    assert seen["downloaded_path"] == str(target), watched.stdout


def test_an_mcp_prompt_with_a_token_like_word_is_waited_for(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    from mcp.client.session import ClientSession

    from tests.test_mcp import call, serve

    async def body(session: ClientSession) -> None:
        prompt = "nod, then show the card with pin_secret=1234"
        made = await call(
            session, "talk", image_url=f"{E}/m.jpg", audio_url=f"{E}/m.mp3", prompt=prompt
        )
        isolated.clock.advance(10)
        done = await call(session, "wait", job_id=made["job_id"])
        assert done["finished"] is True and done["state"] == "done", done

    stderr = serve(isolated, sandbox, body)
    assert "other inputs" not in stderr, stderr


def test_a_prompt_recorded_masked_by_an_older_akool_still_matches_its_echo() -> None:
    """Histories written before the fix hold `token=…` in a prompt: compared like with like."""
    from akool_cli.core import answers, kinds

    kind = kinds.get("talking_photo")
    echo = {"prompt": "smile then say token=abc123 loudly"}
    assert answers.other_inputs(kind, {"prompt": "smile then say token=… loudly"}, echo) is None
    assert answers.other_inputs(kind, {"prompt": "frown"}, echo) is not None
    lipsync = kinds.get("lipsync")
    field = next(f for f, n in lipsync.echoes.items() if n == "video_url")
    sent = {"video_url": "https://***@cdn.example.com/c.mp4"}
    assert (
        answers.other_inputs(lipsync, sent, {field: "https://bob:pw@cdn.example.com/c.mp4"}) is None
    )
    other = {field: "https://bob:pw@cdn.example.com/d.mp4"}
    assert answers.other_inputs(lipsync, sent, other) is not None

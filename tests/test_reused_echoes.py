"""A reused job id is caught for every kind whose answers report its inputs (issue 17, break-it
run 17b, M3): each kind's answers are compared as its page documents them (kinds.py: echoes and
AKOOL's own copies), at the first status read and by `akool settle --created` alike.

The break-it run's case, as tests/test_reused_ids.py simulates it: the answer to the first
create is lost (an unknown outcome), then the next create of the same endpoint is answered with
the first one's `_id`. Each test fails on akool before the fix: a talking photo was made (and
billed) with another text's speech, a lip sync or voice change saved another create's result,
MCP's `wait` said done with the other create's URL, and settle took a voice change id for a
speech attempt and a talking avatar id for a talking photo attempt.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_mcp import serve
from tests.test_reused_ids import reuse_the_first_id
from tests.test_settle import lose_answer_once, settle_command
from tests.test_settle_kinds import made_elsewhere

E = "https://example.com"
VOICE = "sbx-en-m-noah"
ANNA = "Hello this is Anna speaking"
BEN = "Goodbye this is Ben"


def talk(image: str, text: str, *extra: str) -> list[str]:
    return ["talk", f"{E}/{image}", "--text", text, "--voice", VOICE, *extra]


def test_a_talk_given_another_texts_speech_makes_no_video_with_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    first = reuse_the_first_id(api_env, "create_speech", "create_tts")
    attempt, _ = settle_command(invoke(talk("w1.jpg", ANNA), expect=5).stderr)
    refused = invoke(talk("w2.jpg", BEN, "-o", str(isolated.tmp / "w2.mp4")), expect=5)
    speech = first[0].id
    assert f"AKOOL's status of job {speech} shows other inputs" in refused.stderr
    assert f"text: AKOOL reports {ANNA!r}" in refused.stderr
    assert f"akool settle {attempt} --created {speech}" in refused.stderr  # Anna's attempt
    assert api_env.state.jobs == {} and not (isolated.tmp / "w2.mp4").exists()
    # Recorded where it belongs, Anna's talk uses it: one speech, one video, Anna's.
    invoke(["settle", str(attempt), "--created", speech])
    invoke(talk("w1.jpg", ANNA))
    assert list(api_env.state.speech) == [speech] and len(api_env.state.jobs) == 1


def test_a_batch_row_is_not_done_with_another_rows_speech(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(
        f"id,image_url,text,voice\na1,{E}/a1.jpg,Row one says hello,{VOICE}\n"
        f"a2,{E}/a2.jpg,Row two says goodbye,{VOICE}\n"
    )
    first = reuse_the_first_id(api_env, "create_speech", "create_tts")
    batch = ["batch", str(rows), "-c", "1", "--json"]
    result = invoke(batch, expect=9)
    report = {r["id"]: r for r in json.loads(result.stdout)["results"]}
    assert report["a1"]["state"] == "unknown" and report["a2"]["state"] == "unknown"
    assert "Row one says hello" in report["a2"]["error"]
    assert api_env.state.jobs == {}  # no talking photo made with the wrong speech
    # The speech is a1's: settled there (before: refused as "already in the history"), the
    # rerun makes a1's video with it, and a2 waits to be settled.
    invoke(["settle", str(report["a1"]["attempt"]), "--created", first[0].id])
    again = {r["id"]: r for r in json.loads(invoke(batch, expect=9).stdout)["results"]}
    assert again["a1"]["state"] == "done" and again["a2"]["state"] == "unknown"
    assert list(api_env.state.speech) == [first[0].id] and len(api_env.state.jobs) == 1


@pytest.mark.parametrize(
    ("method", "endpoint", "first", "second", "shown"),
    [
        (
            "create_job",
            "create_lipsync",
            ["lipsync", f"{E}/l1.mp4", f"{E}/l1.mp3"],
            ["lipsync", f"{E}/l2.mp4", f"{E}/l2.mp3"],
            "video_url: AKOOL reports 'https://example.com/l1.mp4'",
        ),
        (
            "create_job",
            "voice_change",
            ["voice", "change", VOICE, f"{E}/vc1.mp3"],
            ["voice", "change", VOICE, f"{E}/vc2.mp3"],
            "source_voice_file: AKOOL reports 'https://example.com/vc1.mp3'",
        ),
    ],
)
def test_a_reused_id_of_lip_sync_or_voice_change_saves_nothing(
    api_env: Sandbox,
    isolated: Isolation,
    method: str,
    endpoint: str,
    first: list[str],
    second: list[str],
    shown: str,
) -> None:
    reuse_the_first_id(api_env, method, endpoint)
    invoke(first, expect=5)
    out = isolated.tmp / "out"
    refused = invoke([*second, "-o", f"{out}/"], expect=5)
    assert shown in refused.stderr and "akool settle 1 --created" in refused.stderr
    assert not out.exists() or not any(out.iterdir())


def test_mcp_wait_refuses_another_creates_job_like_watch(
    api_env: Sandbox, isolated: Isolation
) -> None:
    reuse_the_first_id(api_env, "create_job", "create_talking_photo")
    invoke(["talk", f"{E}/mm1.jpg", f"{E}/mm1.mp3"], expect=5)
    job_id = invoke(["talk", f"{E}/mm2.jpg", f"{E}/mm2.mp3"]).stdout.strip()
    isolated.clock.advance(60)  # done on AKOOL
    said: list[str] = []

    async def body(session: ClientSession) -> None:
        for tool in ("wait", "status"):
            result = await session.call_tool(tool, {"job_id": job_id})
            assert result.is_error, result.structured_content
            said.append(json.dumps([c.model_dump() for c in result.content]))

    serve(isolated, api_env, body)
    assert len(said) == 2
    assert all(f"status of job {job_id} shows other inputs" in text for text in said), said
    assert all(f"{job_id}.mp4" not in text for text in said)


@pytest.mark.parametrize(
    ("other", "method", "lost", "words"),
    [
        (
            ["voice", "change", VOICE, f"{E}/vc.mp3"],
            "create_speech",
            talk("p.jpg", ANNA),
            "is a voice change job, not a speech job (AKOOL's answer has voice change's "
            "source_voice_file)",
        ),
        (
            ["avatar", "SandboxAnna01", f"{E}/speech.mp3"],
            "create_job",
            ["talk", f"{E}/face.jpg", f"{E}/speech.mp3"],
            "does not show it is a talking photo job (no talking_photo",
        ),
    ],
)
def test_settle_refuses_another_products_id_of_the_same_status_endpoint(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    other: list[str],
    method: str,
    lost: list[str],
    words: str,
) -> None:
    foreign = made_elsewhere(isolated, monkeypatch, other)
    made = lose_answer_once(api_env, method)
    attempt = str(settle_command(invoke(lost, expect=5).stderr)[0])
    refused = invoke(["settle", attempt, "--created", foreign], expect=2)
    assert f"job {foreign} {words}" in refused.stderr and "--force" in refused.stderr
    assert f"akool settle {attempt}" in invoke(["status"]).stderr  # still unknown
    invoke(["settle", attempt, "--created", made[0].id])  # its own job: recorded


def test_settle_refuses_a_speech_of_another_text(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    made_elsewhere(isolated, monkeypatch, talk("p.jpg", BEN))
    [foreign_speech] = list(api_env.state.speech)
    lose_answer_once(api_env, "create_speech")
    attempt = str(settle_command(invoke(talk("p.jpg", ANNA), expect=5).stderr)[0])
    refused = invoke(["settle", attempt, "--created", foreign_speech], expect=2)
    assert f"text: AKOOL reports {BEN!r}, the attempt sent {ANNA!r}" in refused.stderr


def test_reliability_md_lists_what_each_kinds_answers_report() -> None:
    from akool_cli.core import kinds
    from tests.conftest import ROOT

    def written(mapping: Any) -> str:
        return ", ".join(f if f == n else f"{f} → {n}" for f, n in mapping.items())

    text = (ROOT / "docs" / "reliability.md").read_text()
    for kind in kinds.KINDS.values():
        if kind.echoes or kind.copies:
            noun = "speech (`talk --text`)" if kind.name == "tts" else kind.noun
            row = f"| {noun} | {written(kind.echoes)} | {written(kind.copies)} |"
            assert row.replace("|  |", "| |") in text, row

"""A speech AKOOL no longer keeps is never reused (break17f F11): `talk --text` run again after
the speech's 7-day retention, or after AKOOL deleted it (its detail answers 1008), makes a new
speech (billed once, recorded for the same key) and the talking photo is made from the new audio,
never from the dead URL. A batch row with text does the same when its talking photo is still to
be made, and makes no new speech for a row whose talking photo was made already."""

from __future__ import annotations

import json
import sqlite3

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

DAY = 86400.0
VOICE = "sbx-en-f-ava"


def _talk(image: str, text: str) -> str:
    return invoke(["talk", image, "--text", text, "--voice", VOICE]).stdout.strip()


def _speech_of(sandbox: Sandbox, job: str) -> str:
    """The speech whose audio a talking photo was made from (its id in the preview URL)."""
    audio = sandbox.state.jobs[job].request["audio_url"]
    assert "/_sandbox/speech/" in audio, audio
    return str(audio.rsplit("/", 1)[-1].removesuffix(".mp3"))


def test_talk_text_after_the_speech_expired_makes_a_new_one(
    api_env: Sandbox, isolated: Isolation
) -> None:
    first = _talk("https://example.com/e1.jpg", "expire 9136")
    [old] = list(api_env.state.speech)
    assert _speech_of(api_env, first) == old
    isolated.clock.advance(8 * DAY)  # a week later: AKOOL has deleted the speech's audio
    second = _talk("https://example.com/e2.jpg", "expire 9136")
    assert len(api_env.state.speech) == 2  # one new speech, billed once
    new = _speech_of(api_env, second)
    assert new != old
    # Recorded for the key: a third run within the week reuses the new one.
    third = _talk("https://example.com/e3.jpg", "expire 9136")
    assert len(api_env.state.speech) == 2 and _speech_of(api_env, third) == new


def test_talk_text_whose_speech_akool_deleted_makes_a_new_one(
    api_env: Sandbox, isolated: Isolation
) -> None:
    _talk("https://example.com/d1.jpg", "deleted 4410")
    [old] = list(api_env.state.speech)
    del api_env.state.speech[old]  # its detail now answers 1008 "content does not exist"
    second = _talk("https://example.com/d2.jpg", "deleted 4410")
    [new] = list(api_env.state.speech)
    assert new != old and _speech_of(api_env, second) == new
    listed = json.loads(invoke(["status", "--json", old]).stdout)
    assert listed[0]["expired"] is True  # the history knows it is gone


def _batch(isolated: Isolation) -> dict[str, object]:
    rows = isolated.tmp / "rows.csv"
    rows.write_text(f"id,image_url,text,voice\nr1,https://example.com/b1.jpg,batch 771,{VOICE}\n")
    return dict(json.loads(invoke(["batch", str(rows), "--json"]).stdout))


def test_a_batch_row_rerun_after_the_week_makes_no_new_speech_for_its_made_video(
    api_env: Sandbox, isolated: Isolation
) -> None:
    first = _batch(isolated)
    isolated.clock.advance(8 * DAY)
    again = _batch(isolated)
    assert len(api_env.state.speech) == 1 and len(api_env.state.jobs) == 1
    assert first["results"][0]["job_id"] == again["results"][0]["job_id"]  # type: ignore[index]


def test_a_batch_row_whose_video_is_still_to_make_gets_a_new_speech_after_the_week(
    api_env: Sandbox, isolated: Isolation
) -> None:
    first = _batch(isolated)
    made = first["results"][0]["job_id"]  # type: ignore[index]
    # As if the run had stopped after the row's speech: its talking photo is not in the history.
    with sqlite3.connect(isolated.home / "jobs.sqlite3") as db:
        db.execute("DELETE FROM jobs WHERE id = ?", (made,))
    [old] = list(api_env.state.speech)
    isolated.clock.advance(8 * DAY)
    again = _batch(isolated)
    video = again["results"][0]["job_id"]  # type: ignore[index]
    assert video != made and len(api_env.state.speech) == 2
    assert _speech_of(api_env, video) != old

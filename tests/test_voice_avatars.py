"""VoiceLab's voice change and voice clone, and avatar uploads, end to end on the sandbox: a
changed voice is saved as what it is (MP3 or WAV); a clone and an avatar make an asset (an id kept
on AKOOL) that status, watch and the lists show without pretending there is a file."""

from __future__ import annotations

import json

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_faces import sent

VOICE = "sbx-en-f-ava"
SPEECH = "https://example.com/speech.mp3"
VIDEO = "https://example.com/me.mp4"


def test_voice_change_sends_its_options_and_saves_what_it_gets(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    args = ["voice", "change", VOICE, SPEECH, "--format", "wav", "--speed", "1.1"]
    job = json.loads(invoke([*args, "--remove-noise", "-o", f"{out}/", "--json"]).stdout)
    [body] = sent(api_env, contract.VOICE_CHANGE)
    assert body == {
        "voice_id": VOICE,
        "source_voice_file": SPEECH,
        "voice_options": {"file_format": "wav", "speed": 1.1, "remove_background_noise": True},
    }
    saved = out / f"{job['id']}.wav"  # named by its bytes (RIFF WAVE), not the kind's .mp3
    assert job["kind"] == "voice_change" and job["downloaded_path"] == str(saved.absolute())
    assert saved.read_bytes()[8:12] == b"WAVE"
    plain = json.loads(invoke(["voice", "change", VOICE, SPEECH, "-o", f"{out}/", "--json"]).stdout)
    assert (out / f"{plain['id']}.mp3").read_bytes()[:3] == b"ID3"
    # Its result is a speech resource: read from voice/resource/detail/{_id}.
    paths = {r.path for r in api_env.state.received}
    assert contract.TTS_DETAIL.path.replace("{_id}", job["id"]) in paths


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--speed", "2"], "voice_options.speed must be a number from 0.7 to 1.2"),
        (["--format", "ogg"], "voice_options.file_format must be one of mp3, wav"),
        (["--option", "pitch=3"], "voice_options.pitch is not an option"),
        (["--option", "stability"], "is not KEY=VALUE"),
    ],
)
def test_voice_change_refuses_options_the_docs_do_not_allow(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["voice", "change", VOICE, SPEECH, *args], expect=2)
    assert message in result.stderr and "Hint:" in result.stderr
    assert sent(api_env, contract.VOICE_CHANGE) == []


def test_a_clone_makes_a_voice_id_not_a_file(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["voice", "clone", SPEECH, "--name", "My voice", "--language", "en", "--wait"])
    job_id, voice_id = result.stdout.split()
    [body] = sent(api_env, contract.VOICE_CLONE)
    assert body == {
        "source_voice_file": SPEECH,
        "name": "My voice",
        "voice_options": {"language": "en"},
    }
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["outputs"] == {"voice_id": voice_id} and job["kind"] == "voice_clone"
    assert job["video_url"] is None and job["downloaded_path"] is None
    assert job["files"]["preview"]["url"].endswith(".mp3")
    table = invoke(["status"]).stdout
    assert voice_id in table
    # The clone is one of your voices, and speaks.
    own = json.loads(invoke(["voices", "--own", "--json"]).stdout)
    assert {"voice_id": voice_id, "name": "My voice"}.items() <= next(
        v for v in own if v["voice_id"] == voice_id
    ).items()
    with akool_cli.Client() as client:
        assert client.speak("Hello in my own voice", voice_id).done
    # Following it with -o saves only its preview: the voice itself stays on AKOOL.
    out = isolated.tmp / "preview"
    watched = invoke(["watch", job_id, "-o", f"{out}/"])
    assert watched.stdout.strip() == voice_id
    assert [p.name for p in out.iterdir()] == [f"{job_id}.preview.mp3"]


def test_an_avatar_upload_makes_an_avatar_id(api_env: Sandbox, isolated: Isolation) -> None:
    result = invoke(["avatars", "add", VIDEO, "--name", "Me at the desk", "--wait"])
    job_id, avatar_id = result.stdout.split()
    [body] = sent(api_env, contract.CREATE_AVATAR)
    assert body["avatar_id"] == avatar_id and avatar_id.startswith("Meatthedesk")
    assert {k: body[k] for k in ("url", "name", "type", "url_from")} == {
        "url": VIDEO,
        "name": "Me at the desk",
        "type": 1,
        "url_from": 1,
    }
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["outputs"]["avatar_id"] == avatar_id and job["state"] == "done"
    mine = json.loads(invoke(["avatars", "list", "--own", "--json"]).stdout)
    assert [a["avatar_id"] for a in mine] == [avatar_id]
    assert "SandboxAnna01" in invoke(["avatars", "list"]).stdout
    # The same inputs make the same id (a batch rerun finds its avatar); a link is url_from 2.
    invoke(["avatars", "add", "https://www.youtube.com/watch?v=x", "--name", "Me", "--streaming"])
    _, youtube = sent(api_env, contract.CREATE_AVATAR)
    assert (youtube["url_from"], youtube["type"]) == (2, 2)
    refused = invoke(["avatars", "add", VIDEO, "--name", "x", "--id", "not-ok"], expect=2)
    assert "avatar_id may hold only letters and digits" in refused.stderr


def test_the_library_changes_clones_and_adds(api_env: Sandbox, isolated: Isolation) -> None:
    with akool_cli.Client() as client:
        changed = client.voice_change(VOICE, SPEECH, voice_options={"speed": 0.9})
        cloned = client.voice_clone(SPEECH, "Lib voice", model="Akool Multilingual 3")
        avatar = client.avatar_add(VIDEO, "Lib avatar", avatar_id="LibAvatar1")
        path = client.download(changed.id, f"{isolated.tmp / 'lib'}/")
        assert path.name == f"{changed.id}.mp3"
        done = client.wait(cloned.id)
        assert done.outputs["voice_id"] and done.video_url is None
        with pytest.raises(akool_cli.UsageError, match="makes an asset kept on AKOOL"):
            client.download(cloned.id, isolated.tmp)
        assert client.wait(avatar.id).outputs["avatar_id"] == "LibAvatar1"
        assert [a["avatar_id"] for a in client.avatars(source="own")] == ["LibAvatar1"]
        with pytest.raises(akool_cli.UsageError, match="voice_model_name must be one of"):
            client.voice_clone(SPEECH, "x", model="Akool Multilingual 9")

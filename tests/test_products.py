"""AKOOL's products beyond talking photos, end to end on the sandbox: create, follow, download,
status, the history's costs, and following many jobs of a many-ids family in one request."""

from __future__ import annotations

import itertools
import json

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import ReceivedRequest
from tests.conftest import Isolation
from tests.support.runner import invoke

VIDEO = "https://example.com/clip.mp4"
AUDIO = "https://example.com/speech.mp3"
IMAGE = "https://example.com/photo.jpg"


def sent(sandbox: Sandbox, endpoint: contract.Endpoint) -> list[dict[str, object]]:
    """The JSON bodies akool sent to an endpoint."""
    return [
        json.loads(r.body)
        for r in sandbox.state.received
        if r.path == endpoint.path and r.method == "POST"
    ]


def test_lipsync_is_created_followed_downloaded_and_listed(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    result = invoke(["lipsync", VIDEO, AUDIO, "-o", f"{out}/", "--name", "lips"])
    job_id = result.stdout.splitlines()[0]
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    [body] = sent(api_env, contract.CREATE_LIPSYNC)
    assert body == {"video_url": VIDEO, "audio_url": AUDIO}
    [job] = json.loads(invoke(["status", "--json"]).stdout)
    assert (job["id"], job["kind"], job["state"], job["label"]) == (
        job_id,
        "lipsync",
        "done",
        "lips",
    )
    assert job["downloaded_path"] == str((out / f"{job_id}.mp4").absolute())
    assert job["cost"]["deduction_lock_duration"] == 20


def test_image2video_sends_every_required_field_with_the_documented_defaults(
    api_env: Sandbox,
) -> None:
    invoke(["image2video", IMAGE, "--prompt", "slow zoom"])
    [body] = sent(api_env, contract.CREATE_IMAGE2VIDEO)
    assert body == {
        "image_url": IMAGE,
        "prompt": "slow zoom",
        "negative_prompt": "",
        "resolution": "720p",
        "audio_type": 1,
        "video_length": 5,
    }
    invoke(["image2video", IMAGE, "--prompt", "p", "--audio", AUDIO, "--length", "10"])
    invoke(["image2video", IMAGE, "--prompt", "p", "--no-audio", "--effect", "squish_00000001"])
    _, with_audio, silent = sent(api_env, contract.CREATE_IMAGE2VIDEO)
    assert (with_audio["audio_type"], with_audio["audio_url"], with_audio["video_length"]) == (
        2,
        AUDIO,
        10,
    )
    assert (silent["audio_type"], silent["effect_code"]) == (3, "squish_00000001")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resolution", "8k"], "resolution must be one of '720p', '1080p', '4k'"),
        (["--length", "7"], "video_length must be one of 5, 10"),
        (["--audio", AUDIO, "--no-audio"], "give --audio or --no-audio, not both"),
    ],
)
def test_image2video_refuses_what_the_docs_forbid_before_billing(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["image2video", IMAGE, "--prompt", "p", *args], expect=2)
    assert message in result.stderr and "Hint:" in result.stderr
    assert sent(api_env, contract.CREATE_IMAGE2VIDEO) == []


def test_image2video_records_the_credits_akool_deducted(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["image2video", IMAGE, "--prompt", "p", "--wait"]).stdout.split()[0]
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["state"] == "done" and job["kind"] == "image2video"
    assert job["cost"]["deduction_credit"] == 20
    assert job["video_url"].endswith(f"{job_id}.mp4")


def test_text2video_is_one_job_per_create(api_env: Sandbox, isolated: Isolation) -> None:
    out = isolated.tmp / "t2v.mp4"
    result = invoke(["text2video", "--prompt", "a calm lake", "-o", str(out), "--json"])
    job = json.loads(result.stdout)
    assert job["kind"] == "text2video" and job["state"] == "done"
    assert out.read_bytes()[4:8] == b"ftyp"
    [body] = sent(api_env, contract.CREATE_TEXT2VIDEO)
    assert body == {"prompt": "a calm lake", "count": 1}


def test_a_failed_product_job_says_why(api_env: Sandbox) -> None:
    job_id = invoke(["lipsync", "https://example.com/fail.mp4", AUDIO]).stdout.split()[0]
    result = invoke(["watch", job_id], expect=6)
    assert f"job {job_id} failed" in result.stderr and "60 s or less" in result.stderr


def test_following_fifty_image2video_jobs_costs_one_request_per_interval(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with akool_cli.Client() as client:
        ids = [client.image2video(IMAGE, f"prompt {n}").id for n in range(50)]
    polls: list[tuple[float, list[str]]] = []
    receive = api_env.state.receive

    def timed(request: ReceivedRequest) -> None:
        if request.path == contract.IMAGE2VIDEO_RESULTS.path:
            asked = str(json.loads(request.body)["_ids"]).split(",")
            polls.append((isolated.clock.monotonic(), asked))
        receive(request)

    monkeypatch.setattr(api_env.state, "receive", timed)
    out = isolated.tmp / "many"
    result = invoke(["watch", *ids, "-o", f"{out}/", "--json"])
    assert {j["state"] for j in json.loads(result.stdout)} == {"done"}
    assert len(list(out.glob("*.mp4"))) == 50
    times = [t for t, _ in polls]
    assert all(later - earlier >= 3.0 for earlier, later in itertools.pairwise(times))
    assert sorted(polls[0][1]) == sorted(ids)  # the first request asks about all fifty
    assert len(polls) <= 3


def test_status_reads_many_ids_in_one_request(api_env: Sandbox) -> None:
    with akool_cli.Client() as client:
        ids = [client.image2video(IMAGE, "p").id for _ in range(5)]
        ids.append(client.lipsync(VIDEO, AUDIO).id)
    api_env.state.received.clear()
    views = json.loads(invoke(["status", *ids, "--json"]).stdout)
    assert [v["id"] for v in views] == ids
    paths = [r.path for r in api_env.state.received]
    assert paths.count(contract.IMAGE2VIDEO_RESULTS.path) == 1
    assert paths.count(contract.VIDEO_INFO.path) == 1


def test_the_library_makes_waits_for_and_downloads_each_product(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        jobs = [
            client.lipsync(VIDEO, AUDIO),
            client.image2video(IMAGE, "p", resolution="1080p", length=10),
            client.text2video("a lake", resolution="720p", length=5),
            client.make("lipsync", {"video_url": VIDEO, "audio_url": AUDIO}),
        ]
        for job in jobs:
            assert client.wait(job.id).done
            path = client.download(job.id, f"{isolated.tmp / 'lib'}/")
            assert path == isolated.tmp / "lib" / f"{job.id}.mp4"
        assert client.effects()[0]["effect_code"] == "squish_00000001"
        with pytest.raises(akool_cli.UsageError, match="no product called"):
            client.make("nope", {})


def test_effects_lists_the_codes(api_env: Sandbox) -> None:
    result = invoke(["effects", "--json"])
    assert json.loads(result.stdout)[0]["effect_code"] == "squish_00000001"
    assert "squish_00000001" in invoke(["effects"]).stdout


def test_lipsync_explains_its_documented_codes(api_env: Sandbox) -> None:
    # The sandbox refuses a video named "toolong" with lip sync's code 1204, as AKOOL would.
    result = invoke(["lipsync", "https://example.com/toolong.mp4", AUDIO], expect=4)
    assert "longer than 60 seconds (code 1204)" in result.stderr
    assert "25 fps or less" in result.stderr
    assert json.loads(invoke(["status", "--json"]).stdout) == []


def test_translate_saves_the_video_both_subtitles_and_the_caption_free_video(
    api_env: Sandbox, isolated: Isolation
) -> None:
    glossary = isolated.tmp / "words.json"
    glossary.write_text('{"no_translate_words": ["akool"], "style": "friendly"}')
    out = isolated.tmp / "out"
    args = ["translate", VIDEO, "--to", "es, fr", "--lipsync", "--glossary", str(glossary)]
    job_id = invoke([*args, "-o", f"{out}/"]).stdout.split()[0]
    [body] = sent(api_env, contract.CREATE_TRANSLATION)
    assert body == {
        "url": VIDEO,
        "language": "es,fr",
        "source_language": "DEFAULT",
        "lipsync": True,
        "studio_voice": {"no_translate_words": ["akool"], "style": "friendly"},
    }
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    assert (out / f"{job_id}.no_captions.mp4").read_bytes()[4:8] == b"ftyp"
    assert job_id in (out / f"{job_id}.translated.srt").read_text()
    assert (out / f"{job_id}.original.srt").read_text().startswith("1\n00:00:00,000")
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["kind"] == "video_translation" and "deduction_duration" in job["cost"]
    saved = job["files"]["translated"]["downloaded_path"]
    assert saved == str((out / f"{job_id}.translated.srt").absolute())
    # AKOOL's 1202, said before billing: the same video, lip-synced into Spanish again.
    again = invoke(["translate", VIDEO, "--to", "es", "--lipsync"], expect=2)
    assert "already translated with lip sync into es" in again.stderr
    assert len(sent(api_env, contract.CREATE_TRANSLATION)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "español"], "language 'español' is not a language code"),
        (["--to", "es", "--captions", "7"], "caption_type must be one of"),
        (["--to", "es", "--speakers", "-1"], "speaker_num must be 0 or more"),
        (["--to", "es", "--glossary", "/nonexistent.json"], "cannot read /nonexistent.json"),
    ],
)
def test_translate_refuses_bad_values_before_billing(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["translate", VIDEO, *args], expect=2)
    assert message in result.stderr
    assert sent(api_env, contract.CREATE_TRANSLATION) == []


def test_languages_lists_the_codes(api_env: Sandbox) -> None:
    codes = [x["lang_code"] for x in json.loads(invoke(["languages", "--json"]).stdout)]
    assert "es" in codes and "fr" in codes

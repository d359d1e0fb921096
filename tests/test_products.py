"""AKOOL's products beyond talking photos, end to end on the sandbox: create, follow, download,
status, the history's costs, and following many jobs of a many-ids family in one request."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

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
        (
            ["--to", "es", "--glossary", "/nonexistent.json"],
            "cannot read --glossary /nonexistent.json",
        ),
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


def test_each_documented_callback_type_names_what_its_result_is() -> None:
    from akool_cli.core import kinds

    # webhook.mdx's types: those of kinds akool makes save as those kinds' results.
    assert kinds.for_webhook_type("talking photo") is kinds.TALKING_PHOTO
    assert kinds.for_webhook_type("lipsync") is kinds.LIPSYNC
    assert kinds.for_webhook_type("video translate") is kinds.TRANSLATION
    assert kinds.for_webhook_type("background change") is None  # deprecated, never made
    assert kinds.for_webhook_type("") is None


def test_webhook_serve_saves_each_kinds_result(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lip sync and translation callbacks through the receiver: recorded and saved as videos."""
    from tests.support.hooks import receiving
    from tests.support.waiting import wait_for

    outdir = isolated.tmp / "hooked"
    with receiving(outdir, monkeypatch) as (server, types):
        hook = ["--webhook-url", server.url]
        lips = invoke(["lipsync", VIDEO, AUDIO, *hook]).stdout.split()[0]
        dubbed = invoke(["translate", VIDEO, "--to", "es", *hook]).stdout.split()[0]
        isolated.clock.advance(60)
        wait_for(lambda: all((outdir / f"{j}.mp4").exists() for j in (lips, dubbed)), 10.0)
        wait_for(lambda: {"lipsync", "video translate"} <= set(types), 10.0)
    views = json.loads(invoke(["status", lips, dubbed, "--json"]).stdout)
    assert [v["state"] for v in views] == ["done", "done"]


def patched_sample(folder: Path, *, seconds: float | None = None, fps: float | None = None) -> Path:
    """The sandbox's sample MP4 (2 s, 10 fps) with its movie or video track timing changed."""
    import struct

    from akool_cli.sandbox.media import sample_mp4

    data = bytearray(sample_mp4())
    if seconds is not None:
        at = data.index(b"mvhd") + 4  # version 0: timescale at +12, duration at +16
        timescale = struct.unpack(">I", data[at + 12 : at + 16])[0]
        data[at + 16 : at + 20] = struct.pack(">I", int(seconds * timescale))
    if fps is not None:
        at = data.index(b"mdhd") + 4  # the first track of the sample is its video
        timescale = struct.unpack(">I", data[at + 12 : at + 16])[0]
        data[at + 16 : at + 20] = struct.pack(">I", int(20 / fps * timescale))  # 20 frames
    path = folder / f"clip-{seconds}-{fps}.mp4"
    path.write_bytes(bytes(data))
    return path


def test_local_videos_over_a_products_limits_are_refused_before_billing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    from akool_cli.core.mp4facts import video_facts
    from akool_cli.sandbox.media import sample_mp4

    sample = sample_mp4()
    facts = video_facts(lambda offset, size: sample[offset : offset + size], len(sample))
    assert facts is not None and (facts.seconds, facts.fps) == (2.0, 10.0)
    bucket = ["--upload-to", "s3://bucket/akool/"]
    long = patched_sample(isolated.tmp, seconds=61)
    refused = invoke(["lipsync", str(long), AUDIO, *bucket], expect=2)
    assert "is 61.0 s long; AKOOL's lip sync takes videos of 60 s at most" in refused.stderr
    fast = patched_sample(isolated.tmp, fps=40)
    refused = invoke(["translate", str(fast), "--to", "es", *bucket], expect=2)
    assert "has 40 frames per second; AKOOL's video translation takes 30 fps at most" in (
        refused.stderr
    )
    assert (
        sent(api_env, contract.CREATE_LIPSYNC) == sent(api_env, contract.CREATE_TRANSLATION) == []
    )


def test_a_local_video_over_25_fps_is_a_warning_for_lip_sync(isolated: Isolation) -> None:
    from akool_cli.core import products
    from akool_cli.inputs.limits import video_problems

    fast = patched_sample(isolated.tmp, fps=30)
    stop, warn = video_problems(fast, fast.stat().st_size, products.LIPSYNC.limits, "lip sync")
    assert stop == [] and "AKOOL recommends 25 or less for lip sync" in warn[0]


def test_charswap_is_made_followed_and_its_failure_explained(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    job_id = invoke(["charswap", IMAGE, VIDEO, "--mode", "replace", "-o", f"{out}/"]).stdout
    job_id = job_id.split()[0]
    [body] = sent(api_env, contract.CREATE_CHARACTER_SWAP)
    assert body == {"image": IMAGE, "video": VIDEO, "resolution": "720p", "mode": "replace"}
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert (job["kind"], job["state"]) == ("character_swap", "done")
    # The result is data.video; data.video_url is the input video the answer echoes.
    assert job["video_url"].endswith(f"{job_id}.mp4")
    bad = invoke(["charswap", "https://example.com/fail.png", VIDEO]).stdout.split()[0]
    failed = invoke(["watch", bad], expect=6)
    assert "the sandbox could not use an input" in failed.stderr and "Pro plan" in failed.stderr
    refused = invoke(["charswap", IMAGE, VIDEO, "--duration", "121"], expect=2)
    assert "duration must be 120 or less" in refused.stderr


def test_headswap_analyses_then_makes_one_recorded_task(
    api_env: Sandbox, isolated: Isolation
) -> None:
    faces = ["https://example.com/anna.jpg", "https://example.com/ben.jpg"]
    clip = "https://example.com/twopeople.mp4"
    out = isolated.tmp / "out"
    args = ["headswap", clip, "--face", faces[0], "--face", faces[1], "-o", f"{out}/"]
    job_id = invoke(args).stdout.split()[0]
    [analysis] = sent(api_env, contract.HEADSWAP_ANALYZE)
    assert analysis == {"video_url": clip, "type": "head"}
    [task] = sent(api_env, contract.CREATE_HEADSWAP)
    assert task == {
        "video_url": clip,  # the identical URL the analysis used
        "mappings": [{"obj_id": 0, "img_url": faces[0]}, {"obj_id": 1, "img_url": faces[1]}],
        "model_name": "akool-premium",
        "resolution": "720p",
    }
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    [job] = json.loads(invoke(["status", "--json"]).stdout)  # one job in the history
    assert (job["id"], job["kind"], job["state"]) == (job_id, "head_swap", "done")
    assert job["inputs"]["analysis_id"] in api_env.state.analyses
    # More faces than people, or an analysis that fails: nothing is billed.
    many = ["--face", faces[0], "--face", faces[1]]
    refused = invoke(["headswap", "https://example.com/solo.mp4", *many], expect=2)
    assert "2 faces for 1 person(s) in the video" in refused.stderr
    failed = invoke(["headswap", "https://example.com/fail.mp4", "--face", faces[0]], expect=6)
    assert "AKOOL's analysis of the video failed" in failed.stderr
    assert len(sent(api_env, contract.CREATE_HEADSWAP)) == 1
    too_many = [a for f in range(6) for a in ("--face", f"https://e.com/{f}.jpg")]
    assert "give 1 to 5 faces" in invoke(["headswap", clip, *too_many], expect=2).stderr
    assert len(sent(api_env, contract.HEADSWAP_ANALYZE)) == 3


def test_models_lists_text_and_image_to_video_models(api_env: Sandbox) -> None:
    [model] = json.loads(invoke(["models", "--json"]).stdout)
    assert model["value"] == "sandbox-t2v" and model["resolutions"] == ["720p", "1080p"]
    table = invoke(["models", "--for", "image2video"]).stdout
    assert "sandbox-i2v" in table and "5,10" in table
    [request] = [r for r in api_env.state.received if r.path == contract.MODEL_LIST.path][:1]
    assert request.query == {"types[]": ["1502"]}  # as AKOOL's examples send it
    assert "one of: image2video" in invoke(["models", "--for", "lipsync"], expect=2).stderr


def test_a_head_swaps_local_video_outside_3_to_20_seconds_is_refused_before_billing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    bucket = ["--upload-to", "s3://bucket/akool/"]
    for seconds, words in ((2.0, "takes videos of 3 s at least"), (21.0, "of 20 s at most")):
        clip = patched_sample(isolated.tmp, seconds=seconds)
        args = ["headswap", str(clip), "--face", "https://example.com/a.jpg", *bucket]
        refused = invoke(args, expect=2)
        assert f"is {seconds:.1f} s long; AKOOL's head swap " in refused.stderr
        assert words in refused.stderr
    assert sent(api_env, contract.HEADSWAP_ANALYZE) == sent(api_env, contract.CREATE_HEADSWAP) == []

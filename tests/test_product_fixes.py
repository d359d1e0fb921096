"""The face, image and voice products under a hostile or unlucky server and a careless user: face
detection retried like any safe read, two runs saving the same image, cancels of finished jobs,
size limits before billing, deletions kept in the history, downloads failing under --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_upload import JPEG, S3, fetching, moto_endpoint, s3

__all__ = ["fetching", "moto_endpoint", "s3"]  # fixtures

FACE = "https://example.com/face.jpg"
PHOTO = "https://example.com/photo.jpg"


def requests_to(sandbox: Sandbox, endpoint: contract.Endpoint) -> int:
    return sum(1 for r in sandbox.state.received if r.path == endpoint.path)


# -- face detection is a safe read: retried --------------------------------------------------------


def test_face_detection_is_retried_after_5xx_429_drops_and_truncated_answers(
    api_env: Sandbox, isolated: Isolation
) -> None:
    api_env.state.inject("500", "429", "drop", "truncate", at="detect_faces")
    out = isolated.tmp / "out"
    job = json.loads(invoke(["faceswap", FACE, PHOTO, "-o", f"{out}/", "--json"]).stdout)
    assert job["state"] == "done"
    assert requests_to(api_env, contract.DETECT_FACES) == 2 + 4  # four failures, retried
    assert requests_to(api_env, contract.FACESWAP_PRO) == 1


def test_face_detection_that_keeps_failing_exits_5_and_bills_nothing(api_env: Sandbox) -> None:
    api_env.state.inject(*["500"] * 5, at="detect_faces")
    result = invoke(["reage", FACE, "--age", "10"], expect=5)
    assert "detect_faces after retries" in result.stderr and "HTTP 500" in result.stderr
    assert requests_to(api_env, contract.REAGE_IMAGE) == 0
    assert json.loads(invoke(["status", "--json"]).stdout) == []


def test_a_batch_of_face_swaps_rides_out_face_detection_faults(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = isolated.tmp / "fs.csv"
    e = "https://example.com"
    rows.write_text(
        "id,kind,source_url,target_url\n"
        + "".join(f"r{n},faceswap,{e}/face{n}.jpg,{e}/photo{n}.jpg\n" for n in range(3))
    )
    # More 429s than one request's retries: the batch pauses (docs/batch.md), then goes on.
    api_env.state.inject("500", "drop", "truncate", *["429"] * 6, at="detect_faces")
    result = invoke(["batch", str(rows), "-c", "1", "--json"])
    summary = json.loads(result.stdout)
    assert [r["state"] for r in summary["results"]] == ["done"] * 3, result.stderr
    assert "rate limited; pausing submissions" in result.stderr
    assert requests_to(api_env, contract.FACESWAP_PRO) == 3


# -- two runs saving one image or audio result ---------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8


@pytest.mark.parametrize(
    ("media", "content", "mime"), [("image", PNG, "image/png"), ("audio", MP3, "audio/mpeg")]
)
def test_a_neighbours_image_or_audio_is_reported_not_refused(
    isolated: Isolation, media: str, content: bytes, mime: str
) -> None:
    from akool_cli.jobs.download import download
    from akool_cli.net.transport import Transport
    from tests.support.servers import Answer, scripted_server

    target = isolated.tmp / f"result.{media}"
    with scripted_server() as server, Transport() as transport:
        server.route("/r", Answer(200, content, mime))
        target.write_bytes(content)  # what the other run saved while this one started
        result = download(transport, server.url + "/r", target, media=media)  # type: ignore[arg-type]
    assert result.by_neighbour and result.size == len(content)
    assert target.read_bytes() == content


# -- cancel only what is still running -----------------------------------------------------------


def test_cancel_of_a_finished_job_is_refused_and_the_job_stays_done(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["reage", FACE, "--age", "10"]).stdout.strip()
    isolated.clock.advance(60)
    assert json.loads(invoke(["status", job_id, "--json"]).stdout)[0]["state"] == "done"
    refused = invoke(["cancel", job_id], expect=2)
    assert refused.stderr.startswith(f"Error: job {job_id} is done already")
    assert len([line for line in refused.stderr.splitlines() if line.startswith("Error")]) == 1
    assert requests_to(api_env, contract.FACESWAP_CANCEL) == 0
    assert json.loads(invoke(["status", job_id, "--json"]).stdout)[0]["state"] == "done"


def test_the_sandbox_cancels_no_finished_job(api_env: Sandbox, isolated: Isolation) -> None:
    job_id = invoke(["reage", FACE, "--age", "10"]).stdout.strip()
    [record] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    isolated.clock.advance(60)
    handle = record["outputs"]["job_id"]
    invoke(["api", "POST", contract.FACESWAP_CANCEL.path, "-f", f"job_ids={handle}"])
    assert json.loads(invoke(["status", job_id, "--json"]).stdout)[0]["state"] == "done"


# -- voice files over AKOOL's size limits are refused before upload and billing -----------------


def big_wav(path: Path, mb: float) -> Path:
    """A WAV header followed by zeros (a sparse file): `mb` MiB."""
    with path.open("wb") as handle:
        handle.write(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(24))
        handle.truncate(int(mb * 1024 * 1024))
    return path


@pytest.mark.parametrize(
    ("command", "limit"),
    [(["voice", "clone"], 30), (["voice", "change", "SandboxVoice01"], 50)],
)
def test_a_voice_file_over_the_documented_size_is_refused_before_upload(
    api_env: Sandbox, isolated: Isolation, command: list[str], limit: int
) -> None:
    wav = big_wav(isolated.tmp / "me.wav", limit + 0.5)
    result = invoke([*command, str(wav), "--upload-to", "s3://my-bucket/akool/"], expect=2)
    assert f"recordings of {limit} MB at most" in result.stderr, result.stderr
    assert api_env.state.jobs == {}
    just_under = big_wav(isolated.tmp / "ok.wav", limit - 0.5)
    result = invoke(
        [*command, str(just_under), "--upload-to", "s3://my-bucket/akool/"], expect=None
    )
    assert "MB at most" not in result.stderr  # refused later, if at all: no S3 here


def test_a_batch_row_with_a_voice_file_over_the_limit_is_refused(
    api_env: Sandbox, isolated: Isolation
) -> None:
    big_wav(isolated.tmp / "me.wav", 31)
    rows = isolated.tmp / "v.csv"
    rows.write_text("id,kind,source_voice_file,name\nme,voice_clone,me.wav,Me\n")
    result = invoke(["batch", str(rows), "--upload-to", "s3://my-bucket/akool/"], expect=2)
    assert "row 2" in result.stderr and "recordings of 30 MB at most" in result.stderr
    assert api_env.state.jobs == {}


def test_voice_clone_needs_no_name_as_akools_page_says(api_env: Sandbox) -> None:
    job_id = invoke(["voice", "clone", "https://example.com/me.wav"]).stdout.strip()
    [body] = [
        json.loads(r.body) for r in api_env.state.received if r.path == contract.VOICE_CLONE.path
    ]
    assert "name" not in body and job_id in api_env.state.jobs


# -- one MP4, uploaded as audio then as a video ---------------------------------------------------


def test_an_mp4_uploaded_for_a_voice_change_can_then_be_a_face_swaps_video(
    s3: S3, fetching: Sandbox
) -> None:
    sample = Path(__file__).resolve().parents[1] / "akool_cli" / "sandbox" / "sample.mp4"
    clip, face = s3.file("clip.mp4", sample.read_bytes()), s3.file("face.jpg", JPEG)
    invoke(["voice", "change", "sbx-en-f-ava", str(clip), "--upload-to", s3.target])
    invoke(["faceswap", str(face), "--video", str(clip), "--upload-to", s3.target])
    bodies = [json.loads(r.body) for r in fetching.state.received if r.method == "POST"]
    [audio] = [b["source_voice_file"] for b in bodies if "source_voice_file" in b]
    [video] = [b["modifyVideo"] for b in bodies if "modifyVideo" in b]
    types = {}
    for url in (audio, video):
        key = url.split("?")[0].split(f"/{s3.bucket}/", 1)[1]
        types[url] = s3.client().head_object(Bucket=s3.bucket, Key=key)["ContentType"]
    assert sorted(types.values()) == ["audio/mp4", "video/mp4"]


# -- a deleted job is recorded as deleted ---------------------------------------------------------


def test_a_deleted_job_is_kept_as_deleted_and_sync_status_and_spend_know_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    gone = invoke(["faceswap", FACE, PHOTO]).stdout.strip()
    kept = invoke(["faceswap", FACE, "https://example.com/other.jpg"]).stdout.strip()
    isolated.clock.advance(60)
    invoke(["status"])  # both are done now, neither saved
    assert invoke(["delete", gone]).stdout.split() == [gone]
    out = isolated.tmp / "synced"
    synced = invoke(["sync", "-o", f"{out}/", "--json"])  # exit 0: the deleted one is skipped
    assert [p.name for p in out.iterdir()] == [f"{kept}.jpg"]
    assert gone not in synced.stdout or "deleted" in synced.stdout
    assert invoke(["sync", "-o", f"{out}/"]).exit_code == 0
    status = invoke(["status"])
    assert "Warning" not in status.stderr and "warning" not in status.stderr
    [job] = json.loads(invoke(["status", gone, "--json"]).stdout)
    assert job["deleted_at"] is not None and job["state"] == "done"
    [other] = json.loads(invoke(["status", kept, "--json"]).stdout)
    assert other["deleted_at"] is None
    spend = json.loads(invoke(["spend", "--json"]).stdout)
    assert spend["total"]["jobs"] == 2, spend  # what a deleted job cost is kept


def test_watching_a_deleted_job_says_it_was_deleted(api_env: Sandbox, isolated: Isolation) -> None:
    gone = invoke(["faceswap", FACE, PHOTO]).stdout.strip()
    isolated.clock.advance(60)
    invoke(["delete", gone])
    result = invoke(["watch", gone, "-o", f"{isolated.tmp}/"], expect=None)
    assert "deleted" in result.stderr, result.stderr
    assert result.exit_code == 2

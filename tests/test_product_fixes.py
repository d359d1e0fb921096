"""The face, image and voice products under a hostile or unlucky server and a careless user: face
detection retried like any safe read, two runs saving the same image, cancels of finished jobs,
size limits before billing, deletions kept in the history, downloads failing under --json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server
from tests.test_upload import JPEG, S3, fetching, moto_endpoint, s3

__all__ = ["fetching", "moto_endpoint", "s3"]  # fixtures

FACE = "https://example.com/face.jpg"
PHOTO = "https://example.com/photo.jpg"


def requests_to(sandbox: Sandbox, endpoint: contract.Endpoint) -> int:
    return sum(1 for r in sandbox.state.received if r.path == endpoint.path)


# The id of the one job a scripted AKOOL answers about.
JOB = "0123456789abcdef01234567"


@pytest.fixture
def fake_akool(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    """A scripted server playing AKOOL (answers the sandbox never gives), akool pointed at it."""
    from akool_cli.sandbox.state import SANDBOX_API_KEY

    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
        yield server


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


# -- a download that fails under --json says so in the job document -------------------------------

VIDEO = "https://example.com/clip.mp4"


def test_a_failed_download_under_json_carries_the_failure_and_its_exit_code(
    api_env: Sandbox, isolated: Isolation
) -> None:
    api_env.state.inject(*["500"] * 5, at="files")
    out = isolated.tmp / "out"
    result = invoke(["faceswap", FACE, "--video", VIDEO, "-o", f"{out}/", "--json"], expect=5)
    job = json.loads(result.stdout)
    assert job["state"] == "done" and job["downloaded_path"] is None
    assert job["error"] and "download" in job["error"] and "HTTP 500" in job["error"]
    watched = invoke(["watch", job["id"], "-o", f"{out}/", "--json"])  # the faults are spent
    assert json.loads(watched.stdout)[0]["error"] is None


# -- a result URL AKOOL should never give ---------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x1b[2J", "\n", "\x7f"])
def test_a_result_url_with_control_characters_is_the_servers_fault_exit_5(
    isolated: Isolation, fake_akool: ScriptedServer, bad: str
) -> None:
    fake_akool.route(
        contract.VIDEO_INFO.path,
        Answer.envelope({"_id": JOB, "video_status": 3, "video": f"{fake_akool.url}/v{bad}.mp4"}),
    )
    result = invoke(["watch", JOB, "-o", str(isolated.tmp / "v.mp4")], expect=5)
    assert "unexpected" not in result.stderr
    assert "AKOOL gave a video URL that cannot be used" in result.stderr, result.stderr
    assert "\x1b" not in result.stderr


def test_download_messages_name_the_media_they_expected(isolated: Isolation) -> None:
    from akool_cli.core.clock import FakeClock
    from akool_cli.core.errors import AkoolError
    from akool_cli.jobs.download import download
    from akool_cli.net.transport import Transport

    with scripted_server() as server, Transport() as transport:
        server.route("/gone.png", Answer(404, b"<Error/>", "application/xml"))
        server.route("/page.mp3", Answer(200, b"<html>login</html>", "text/html"))
        for name, media in (("gone.png", "image"), ("page.mp3", "audio")):
            with pytest.raises(AkoolError) as err:
                download(
                    transport,
                    f"{server.url}/{name}",
                    isolated.tmp / name,
                    media=media,  # type: ignore[arg-type]
                    clock=FakeClock(),
                )
            assert "video" not in err.value.message and f"the {media} URL" in err.value.message


# -- ids from the server printed as plain text ----------------------------------------------------


def test_a_voice_id_with_a_line_break_is_printed_as_one_escaped_line(
    fake_akool: ScriptedServer,
) -> None:
    fake_akool.route(contract.VOICE_CLONE.path, Answer.envelope({"_id": JOB, "status": 1}))
    detail = contract.VOICE_DETAIL.path.replace("{_id}", JOB)
    evil = "vid\nline2\x1b[31m"
    fake_akool.route(detail, Answer.envelope({"_id": JOB, "status": 3, "voice_id": evil}))
    made = invoke(["voice", "clone", "https://example.com/me.wav", "--wait"])
    watched = invoke(["watch", JOB])
    for result in (made, watched):
        assert result.stdout.splitlines()[-1] == "vid\\nline2\\u001b[31m", result.stdout
        assert "line2\n" not in result.stdout and "\x1b" not in result.stdout


# -- messages that say what is meant --------------------------------------------------------------


def test_upscale_and_variation_name_their_own_buttons(
    api_env: Sandbox, isolated: Isolation
) -> None:
    image = invoke(["image", "--prompt", "a lighthouse"]).stdout.strip()
    isolated.clock.advance(60)
    refused = invoke(["image", "upscale", image, "V1"], expect=2)
    assert "upscale takes U1-U4 (or 1-4), not 'V1'" in refused.stderr
    assert f"akool image variation {image} V1" in refused.stderr
    refused = invoke(["image", "variation", image, "U2"], expect=2)
    assert "variation takes V1-V4 (or 1-4), not 'U2'" in refused.stderr
    assert (
        sum(1 for r in api_env.state.received if r.path == contract.CREATE_IMAGE_BUTTON.path) == 0
    )


def test_akool_image_alone_shows_its_help(api_env: Sandbox) -> None:
    shown = invoke(["image"])
    assert "--prompt" in shown.stdout and "upscale" in shown.stdout
    assert invoke(["image", "--scale", "16:9"], expect=2).stderr.startswith(
        "Error: missing --prompt"
    )


def test_refusals_say_each_problem_once_and_in_the_users_words(api_env: Sandbox) -> None:
    empty = invoke(["moderate", ""], expect=2).stderr
    assert empty.count("content is required") == 1, empty
    nameless = invoke(["avatars", "add", "https://example.com/me.mp4", "--name", ""], expect=2)
    assert "name is required" in nameless.stderr and "avatar_id" not in nameless.stderr.split(
        "Hint"
    )[0].replace("its avatar_id is made from it", "")
    image = invoke(["image", "--prompt", "a lighthouse"]).stdout.strip()
    refused = invoke(["cancel", image], expect=2)
    assert "an image job" in refused.stderr and "a image" not in refused.stderr


def test_an_api_key_refused_with_1101_is_not_told_to_log_in_with_a_client_id(
    fake_akool: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_akool.route(contract.CREDIT.path, Answer.envelope(None, code=1101))
    monkeypatch.setenv("AKOOL_API_KEY", "an-api-key-that-expired-000000")
    result = invoke(["credit"], expect=3)
    assert "--client-id" not in result.stderr and "API key" in result.stderr


def test_an_id_given_twice_by_akool_is_not_named_twice_in_one_sentence(
    fake_akool: ScriptedServer,
) -> None:
    fake_akool.route(contract.CREATE_IMAGE.path, Answer.envelope({"_id": JOB, "image_status": 1}))
    invoke(["image", "--prompt", "a lighthouse"])
    second = invoke(["image", "--prompt", "a harbour"], expect=5)
    first_line = second.stderr.splitlines()[0]
    assert first_line.count(JOB) == 1, first_line
    assert "a harbour" in first_line and "a lighthouse" in first_line


# -- what the command checks, batch rows and the library check too --------------------------------


def test_a_video_as_a_face_swaps_image_target_is_refused_everywhere(
    api_env: Sandbox, isolated: Isolation
) -> None:
    import akool_cli
    from akool_cli.core.errors import UsageError

    with akool_cli.Client() as client, pytest.raises(UsageError, match="looks like a video"):
        client.faceswap(FACE, "https://example.com/clip.mp4")
    rows = isolated.tmp / "fs.csv"
    rows.write_text("id,kind,source_url,target_url\nr,faceswap,https://e.com/f.jpg,clip.MP4\n")
    refused = invoke(["batch", str(rows)], expect=2)
    assert "row 2" in refused.stderr and "looks like a video" in refused.stderr
    assert api_env.state.jobs == {} and requests_to(api_env, contract.DETECT_FACES) == 0


def test_moderation_language_is_checked_as_iso_639_1(api_env: Sandbox, isolated: Isolation) -> None:
    refused = invoke(["moderate", "some text", "--language", "xx-bad"], expect=2)
    assert "language must be an ISO 639-1 code" in refused.stderr
    rows = isolated.tmp / "m.csv"
    rows.write_text("kind,content,type,language\nmoderate,hello,4,english\n")
    assert "ISO 639-1" in invoke(["batch", str(rows)], expect=2).stderr
    invoke(["moderate", "some text", "--language", "en"])
    assert len(api_env.state.jobs) == 1


# -- no more faces than AKOOL changes in one job ---------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["faceswap", FACE, "https://example.com/crowd.jpg"],
        ["faceswap", FACE, "https://example.com/crowd.jpg", "--plus"],
        ["faceswap", FACE, "--video", "https://example.com/crowd.mp4"],
        ["reage", "https://example.com/crowd.jpg", "--age", "5"],
    ],
)
def test_more_than_eight_faces_are_refused_before_billing(
    api_env: Sandbox, args: list[str]
) -> None:
    refused = invoke(args, expect=2)
    assert "shows 9 faces; AKOOL changes at most 8 faces in one job (its code 1007)" in (
        refused.stderr
    )
    assert api_env.state.jobs == {}


# -- the docs' own examples ---------------------------------------------------------------------


def test_every_example_uploads_to_a_bucket_name_akool_accepts() -> None:
    import re

    from akool_cli.core.products import PRODUCTS
    from akool_cli.inputs.upload import parse_target
    from tests.conftest import ROOT

    texts = [p.example for p in PRODUCTS.values()]
    texts += [(ROOT / name).read_text() for name in ("README.md", "docs/products.md")]
    targets = {t for text in texts for t in re.findall(r"--upload-to (s3://\S+)", text)}
    assert targets
    for target in targets:
        parse_target(target.strip("`"))  # raises for a bucket name S3 refuses


def test_the_job_paths_table_names_every_kind_a_path_makes_and_the_right_product() -> None:
    from akool_cli.cli.docs import job_paths_section

    rows = {line.split("|")[2].strip(" `"): line for line in job_paths_section().splitlines()[3:-1]}
    plus = rows["/api/open/v4/faceswap/faceswapPlusByImage"]
    assert "`faceswap_plus`, `faceswap_plus_video`" in plus
    assert "| image-generate |" in rows["/api/open/v3/content/image/infobymodelid"]


def test_watch_o_saves_a_voice_clones_preview_and_prints_its_voice_id(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["voice", "clone", "https://example.com/me.wav", "--name", "Me"]).stdout.strip()
    isolated.clock.advance(60)
    out = isolated.tmp / "out"
    watched = invoke(["watch", job_id, "-o", f"{out}/", "--json"])
    [job] = json.loads(watched.stdout)
    preview = out / f"{job_id}.preview.mp3"
    assert job["files"]["preview"]["downloaded_path"] == str(preview.absolute())
    assert preview.read_bytes()[:3] in (b"ID3", b"\xff\xfb\x90")
    assert job["downloaded_path"] is None and job["outputs"]["voice_id"]
    plain = invoke(["watch", job_id, "-o", f"{out}/"])
    assert plain.stdout.strip() == job["outputs"]["voice_id"]


def test_a_state_outside_the_table_is_shown_by_the_kinds_own_field(
    fake_akool: ScriptedServer,
) -> None:
    fake_akool.route(contract.CREATE_IMAGE.path, Answer.envelope({"_id": JOB, "image_status": 1}))
    fake_akool.route(contract.IMAGE_INFO.path, Answer.envelope({"_id": JOB, "image_status": 7}))
    invoke(["image", "--prompt", "a lighthouse"])
    watched = invoke(["watch", JOB, "--timeout", "1m"], expect=7)
    assert "unknown image_status 7" in watched.stderr, watched.stderr
    assert "video_status" not in watched.stderr


# -- -o FILE with a name that says another kind of file -------------------------------------------


def test_a_result_saved_under_a_name_that_says_another_kind_is_warned_about(
    api_env: Sandbox, isolated: Isolation
) -> None:
    wrong = isolated.tmp / "me.mp4"
    result = invoke(["faceswap", FACE, PHOTO, "-o", str(wrong)])
    assert wrong.read_bytes()[:3] == b"\xff\xd8\xff"  # kept where asked
    assert "me.mp4 holds a JPG file" in result.stderr and "name it with .jpg" in result.stderr
    right = invoke(
        ["faceswap", FACE, "https://example.com/b.jpg", "-o", str(isolated.tmp / "b.jpeg")]
    )
    assert "Warning" not in right.stderr


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["faceswap"], "<job id>.jpg, .png or .webp"),
        (["reage"], "<job id>.jpg, .png or .webp"),
        (["image"], "<job id>.png, .jpg or .webp"),
        (["voice", "change"], "<job id>.mp3 or .wav"),
    ],
)
def test_output_help_names_the_suffix_the_command_saves(command: list[str], says: str) -> None:
    shown = " ".join(invoke([*command, "--help"]).stdout.split())
    assert says in shown and "<job id>.mp4 (other" not in shown


# -- an avatar_id is made once ----------------------------------------------------------------------


def test_adding_the_same_avatar_twice_is_refused_before_billing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    import akool_cli
    from akool_cli.core.errors import UsageError

    args = ["avatars", "add", "https://example.com/me.mp4", "--name", "Me"]
    invoke(args)
    again = invoke(args, expect=2)
    assert "was made already" in again.stderr and "akool avatar" in again.stderr
    with akool_cli.Client() as client, pytest.raises(UsageError, match="made already"):
        client.avatar_add("https://example.com/me.mp4", "Me")
    assert len(api_env.state.jobs) == 1
    invoke([*args, "--id", "MeAgain"])  # another id is another avatar
    assert len(api_env.state.jobs) == 2


# -- SIGTERM while a product's create is answered ----------------------------------------------------


def test_sigterm_during_a_create_that_is_answered_prints_the_id_and_exits_143(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal
    import subprocess

    from akool_cli.core.clock import SystemClock
    from akool_cli.sandbox import SandboxConfig
    from tests.support.runner import AKOOL, process_env
    from tests.support.sandboxes import running
    from tests.support.waiting import wait_for
    from tests.test_sigterm_create import Stall

    with running(SandboxConfig(processing_seconds=30), SystemClock()) as server:
        stall = Stall(server, "create_job")
        env = process_env(isolated.home, server.base_url)
        process = subprocess.Popen(
            [AKOOL, "image", "--prompt", "a lighthouse"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(lambda: stall.arrived.is_set() or process.poll() is not None, seconds=60)
            process.send_signal(signal.SIGTERM)
            stall.release.set()  # answered within akool's grace: the job is made and recorded
            stdout, stderr = process.communicate(timeout=30)
        finally:
            process.kill()
            process.wait()
        [job] = list(server.state.jobs)
    assert process.returncode == 143, stderr
    assert stdout.strip() == job  # the billed job's id reached the user
    assert f"akool watch {job}" in stderr and "Traceback" not in stderr


def test_an_unknown_outcome_is_named_by_its_kinds_description(
    fake_akool: ScriptedServer,
) -> None:
    fake_akool.route(contract.CREATE_IMAGE.path, Answer(200, b'{"code": 1000, "data":'))
    invoke(["image", "--prompt", "a lighthouse"], expect=5)
    status = invoke(["status"])
    assert "an image create sent at" in status.stderr, status.stderr
    assert "image_url" not in status.stderr and "None" not in status.stderr

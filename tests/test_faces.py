"""Face swap (Pro, Plus, video) and reage end to end on the sandbox: the faces' landmarks come
from face detection (nobody types them), results are saved as what they are, many jobs are
followed with one listbyids request per interval, reage can be cancelled."""

from __future__ import annotations

import itertools
import json
from typing import Any, cast

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import ReceivedRequest
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_products import sent as sent_bodies

ONE = "https://example.com/face.jpg"
TWO_A = "https://example.com/twofaces-source.jpg"
TWO_B = "https://example.com/twofaces-target.jpg"
TARGET = "https://example.com/photo.jpg"
VIDEO = "https://example.com/clip.mp4"


def sent(sandbox: Sandbox, endpoint: contract.Endpoint) -> list[dict[str, Any]]:
    """The JSON bodies akool sent to an endpoint (face swap's are nested: typed as Any)."""
    return cast(list[dict[str, Any]], sent_bodies(sandbox, endpoint))


def detected(sandbox: Sandbox) -> list[dict[str, Any]]:
    """What face detection answered, request by request (asked of the sandbox again)."""
    from akool_cli.sandbox import media_products

    found = []
    for body in sent(sandbox, contract.DETECT_FACES):
        count = media_products.face_count(body["url"])
        faces = media_products.detected(body["url"], count, body, sandbox.base_url)
        found.append(max(faces.values(), key=lambda frame: len(frame["region"])))
    return found


def test_two_faces_on_each_side_send_opts_for_every_item_from_face_detection(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    job = json.loads(invoke(["faceswap", TWO_A, TWO_B, "-o", f"{out}/", "--json"]).stdout)
    asked = sent(api_env, contract.DETECT_FACES)
    assert asked == [
        {"url": TWO_A, "return_face_url": True},
        {"url": TWO_B, "return_face_url": True},
    ]
    source, target = detected(api_env)
    [body] = sent(api_env, contract.FACESWAP_PRO)
    # image-faceswap-v4: opts = crop_landmarks, with the crop they are relative to (face_urls).
    assert body == {
        "sourceImage": [
            {"path": source["face_urls"][n], "opts": source["crop_landmarks"][n]} for n in (0, 1)
        ],
        "targetImage": [
            {"path": target["face_urls"][n], "opts": target["crop_landmarks"][n]} for n in (0, 1)
        ],
    }
    saved = out / f"{job['id']}.jpg"
    assert job["state"] == "done" and job["kind"] == "faceswap"
    assert job["downloaded_path"] == str(saved.absolute())
    assert saved.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    assert job["outputs"]["job_id"]  # the create answer's job_id is kept


def test_one_face_on_each_side_sends_the_images_as_they_are(api_env: Sandbox) -> None:
    invoke(["faceswap", ONE, TARGET, "--enhance"])
    [body] = sent(api_env, contract.FACESWAP_PRO)
    assert body == {
        "sourceImage": [{"path": ONE}],
        "targetImage": [{"path": TARGET}],
        "face_enhance": True,
    }


def test_one_source_face_goes_onto_every_target_face(api_env: Sandbox) -> None:
    invoke(["faceswap", ONE, TWO_B])
    [body] = sent(api_env, contract.FACESWAP_PRO)
    assert len(body["sourceImage"]) == len(body["targetImage"]) == 2
    assert body["sourceImage"][0] == body["sourceImage"][1]
    assert all("opts" in item for item in (*body["sourceImage"], *body["targetImage"]))


def test_single_face_mode_asks_no_face_detection(api_env: Sandbox) -> None:
    invoke(["faceswap", ONE, TWO_B, "--single-face"])
    assert sent(api_env, contract.DETECT_FACES) == []
    [body] = sent(api_env, contract.FACESWAP_PRO)
    assert body["single_face_mode"] is True and body["targetImage"] == [{"path": TWO_B}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([ONE, "https://example.com/noface.jpg"], "found no face in the target image"),
        (["https://example.com/noface.jpg", TARGET], "found no face in the source image"),
        ([TWO_A, "https://example.com/manyfaces.jpg"], "shows 2 faces and the target image 3"),
        ([ONE, VIDEO], "looks like a video"),
        ([ONE], "missing TARGET"),
        ([ONE, TARGET, "--style", "realistic"], "--style goes with --plus"),
        ([ONE, TARGET, "--plus", "--style", "cartoon"], "model_style must be one of"),
    ],
)
def test_what_cannot_work_is_refused_before_billing(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["faceswap", *args], expect=2)
    assert message in result.stderr and "Hint:" in result.stderr
    assert sent(api_env, contract.FACESWAP_PRO) == sent(api_env, contract.FACESWAP_PLUS) == []
    assert json.loads(invoke(["status", "--json"]).stdout) == []
    assert "unknown outcome" not in invoke(["status"]).stderr  # the attempt was given back


def test_plus_maps_each_face_with_its_bbox_from_crop_region(api_env: Sandbox) -> None:
    job_id = invoke(["faceswap", TWO_A, TWO_B, "--plus", "--style", "beautify"]).stdout.strip()
    source, target = detected(api_env)
    [body] = sent(api_env, contract.FACESWAP_PLUS)

    def bbox(region: list[int]) -> list[int]:
        x, y, w, h = region
        return [x, y, x + w, y + h]  # faceswap-plus.mdx's conversion

    assert body == {
        "source_url": TWO_A,
        "target_url": TWO_B,
        "model_style": "beautify",
        "face_mapping": [
            {
                "source_face_info": {"face_url": TWO_A, "bbox": bbox(source["crop_region"][n])},
                "target_face_info": {"face_url": TWO_B, "bbox": bbox(target["crop_region"][n])},
            }
            for n in (0, 1)
        ],
    }
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["kind"] == "faceswap_plus"


def test_plus_on_a_video_maps_the_videos_face_crops_and_saves_an_mp4(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "v"
    job = json.loads(
        invoke(["faceswap", ONE, "--video", VIDEO, "--plus", "-o", f"{out}/", "--json"]).stdout
    )
    assert sent(api_env, contract.DETECT_FACES)[1] == {
        "url": VIDEO,
        "return_face_url": True,
        "num_frames": 5,
    }
    [body] = sent(api_env, contract.FACESWAP_PLUS)
    [mapping] = body["face_mapping"]
    assert mapping["target_face_info"] == {"face_url": detected(api_env)[1]["face_urls"][0]}
    assert job["kind"] == "faceswap_plus_video"
    assert (out / f"{job['id']}.mp4").read_bytes()[4:8] == b"ftyp"


def test_the_v3_video_face_swap_sends_face_links_with_landmarks_str(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "v3"
    job = json.loads(invoke(["faceswap", ONE, "--video", VIDEO, "-o", f"{out}/", "--json"]).stdout)
    source, target = detected(api_env)
    [body] = sent(api_env, contract.FACESWAP_VIDEO)
    assert body == {
        "sourceImage": [{"path": source["face_urls"][0], "opts": source["landmarks_str"][0]}],
        "targetImage": [{"path": target["face_urls"][0], "opts": target["landmarks_str"][0]}],
        "face_enhance": 0,
        "modifyVideo": VIDEO,
    }
    assert job["kind"] == "faceswap_video"
    assert (out / f"{job['id']}.mp4").is_file()


def test_reage_changes_every_face_and_refuses_ages_out_of_range(
    api_env: Sandbox, isolated: Isolation
) -> None:
    refused = invoke(["reage", TWO_B, "--age", "31"], expect=2)
    assert "face_reage must be 30 or less" in refused.stderr or "between" in refused.stderr
    out = isolated.tmp / "r"
    job = json.loads(invoke(["reage", TWO_B, "--age", "-10", "-o", f"{out}/", "--json"]).stdout)
    [target] = detected(api_env)
    [body] = sent(api_env, contract.REAGE_IMAGE)
    assert body == {
        "targetImage": [
            {"path": target["face_urls"][n], "opts": target["landmarks_str"][n]} for n in (0, 1)
        ],
        "face_reage": -10,
        "modifyImage": TWO_B,
    }
    assert job["kind"] == "reage" and (out / f"{job['id']}.jpg").is_file()
    invoke(["reage", "--video", VIDEO, "--age", "5"])
    [video] = sent(api_env, contract.REAGE_VIDEO)
    assert video["modifyVideo"] == VIDEO and video["face_reage"] == 5


def test_cancel_sends_the_reage_job_id_and_refuses_other_kinds(api_env: Sandbox) -> None:
    job_id = invoke(["reage", ONE, "--age", "10"]).stdout.strip()
    [record] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    invoke(["cancel", job_id])
    assert sent(api_env, contract.FACESWAP_CANCEL) == [{"job_ids": record["outputs"]["job_id"]}]
    other = invoke(["faceswap", ONE, TARGET]).stdout.strip()
    refused = invoke(["cancel", other], expect=2)
    assert "documents a cancel only for reage" in refused.stderr


def test_following_fifty_face_swaps_costs_one_listbyids_request_per_interval(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with akool_cli.Client() as client:
        ids = [client.faceswap(ONE, f"https://example.com/p{n}.jpg").id for n in range(50)]
    polls: list[tuple[float, list[str]]] = []
    receive = api_env.state.receive

    def timed(request: ReceivedRequest) -> None:
        if request.path == contract.FACESWAP_RESULTS.path:
            polls.append((isolated.clock.monotonic(), request.query["_ids"][0].split(",")))
        receive(request)

    monkeypatch.setattr(api_env.state, "receive", timed)
    out = isolated.tmp / "many"
    views = json.loads(invoke(["watch", *ids, "-o", f"{out}/", "--json"]).stdout)
    assert {v["state"] for v in views} == {"done"}
    assert len(list(out.glob("*.jpg"))) == 50
    times = [t for t, _ in polls]
    assert all(later - earlier >= 3.0 for earlier, later in itertools.pairwise(times))
    assert sorted(polls[0][1]) == sorted(ids)  # one request asks about all fifty
    assert len(polls) <= 3


def test_a_result_is_named_by_its_bytes_not_its_url(api_env: Sandbox, isolated: Isolation) -> None:
    # The sandbox serves a WebP at the .jpg URL when an input says "webp".
    out = isolated.tmp / "w"
    job = json.loads(
        invoke(["faceswap", ONE, "https://example.com/webp.jpg", "-o", f"{out}/", "--json"]).stdout
    )
    assert job["video_url"].endswith(".jpg")
    saved = out / f"{job['id']}.webp"
    assert job["downloaded_path"] == str(saved.absolute())
    assert saved.read_bytes()[8:12] == b"WEBP" and not (out / f"{job['id']}.jpg").exists()
    again = invoke(["watch", job["id"], "-o", f"{out}/"])  # already saved: nothing fetched
    assert "was saved earlier" in again.stderr


def test_the_library_swaps_reages_waits_and_downloads(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        swap = client.faceswap(TWO_A, TWO_B)
        plus = client.faceswap(ONE, TARGET, plus=True, style="lossless")
        aged = client.reage(ONE, 25)
        for job in (swap, plus, aged):
            assert client.wait(job.id).done
            path = client.download(job.id, f"{isolated.tmp / 'lib'}/")
            assert path.suffix == ".jpg" and path.read_bytes()[:2] == b"\xff\xd8"
        assert (swap.kind, plus.kind, aged.kind) == ("faceswap", "faceswap_plus", "reage")
        with pytest.raises(akool_cli.UsageError, match="face_reage must be"):
            client.reage(ONE, 99)


def test_a_failed_face_swap_says_why(api_env: Sandbox) -> None:
    job_id = invoke(["faceswap", ONE, "https://example.com/fail.jpg"]).stdout.strip()
    result = invoke(["watch", job_id], expect=6)
    assert f"job {job_id} failed" in result.stderr and "front-facing" in result.stderr


def test_webhook_serve_records_and_saves_a_face_swap_as_an_image(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from akool_cli.sandbox.state import SANDBOX_CLIENT_ID

    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    outdir = isolated.tmp / "hooked"
    with akool_cli.Client() as client:
        server = client.webhook_receiver(
            host="127.0.0.1",
            port=0,
            path="/hook",
            download_dir=outdir,
            on_event=lambda event: None,
            on_reject=lambda a, w: None,
            on_warning=lambda message: None,
        )
    server.start()
    try:
        args = ["faceswap", TWO_A, TWO_B, "--webhook-url", server.url]
        job_id = invoke(args).stdout.strip()
        [body] = sent(api_env, contract.FACESWAP_PRO)
        assert body["webhookUrl"] == server.url
        isolated.clock.advance(60)
        deadline = time.monotonic() + 10
        while not (outdir / f"{job_id}.jpg").exists():
            assert time.monotonic() < deadline, "no download"
            time.sleep(0.02)
    finally:
        server.stop()
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["state"] == "done"
    assert job["downloaded_path"] == str((outdir / f"{job_id}.jpg").absolute())

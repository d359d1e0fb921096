"""Local files for the image, face and voice products go through --upload-to (moto's S3 server on
loopback) and are checked, then fetched by the sandbox as AKOOL would (--fetch-inputs)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_faces import sent
from tests.test_upload import JPEG, MP3, PNG, S3, fetching, finished, moto_endpoint, s3

__all__ = ["fetching", "moto_endpoint", "s3"]  # the fixtures these tests use


def presigned(url: str, s3: S3) -> bool:
    query = parse_qs(urlsplit(url).query)
    return url.startswith(f"{s3.endpoint}/{s3.bucket}/inputs/") and "X-Amz-Signature" in query


def test_face_swap_uploads_both_images_and_detects_their_faces(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    source, target = s3.file("twofaces-me.jpg", JPEG), s3.file("twofaces-us.png", PNG)
    job_id = invoke(["faceswap", str(source), str(target), "--upload-to", s3.target]).stdout.strip()
    assert sorted(k.rsplit("/", 1)[1] for k in s3.object_keys()) == [
        "twofaces-me.jpg",
        "twofaces-us.png",
    ]
    asked = [body["url"] for body in sent(fetching, contract.DETECT_FACES)]
    assert len(asked) == 2 and all(presigned(url, s3) for url in asked)
    [body] = sent(fetching, contract.FACESWAP_PRO)
    assert len(body["sourceImage"]) == len(body["targetImage"]) == 2
    assert finished(fetching, isolated) == [(3, "")]
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["inputs"]["source_url"].startswith(s3.endpoint)  # the signature is not kept


def test_voice_change_and_moderation_upload_their_files(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    speech, photo = s3.file("speech.mp3", MP3), s3.file("photo.jpg", JPEG)
    invoke(["voice", "change", "sbx-en-f-ava", str(speech), "--upload-to", s3.target])
    invoke(["moderate", "--url", str(photo), "--upload-to", s3.target, "--no-wait"])
    [change] = sent(fetching, contract.VOICE_CHANGE)
    [moderated] = sent(fetching, contract.MODERATE)
    assert presigned(change["source_voice_file"], s3) and presigned(moderated["content"], s3)
    assert moderated["type"] == 1
    assert [state for state, _ in finished(fetching, isolated)] == [3, 3]


def test_a_file_that_is_not_what_the_product_takes_is_refused_before_upload(
    s3: S3, fetching: Sandbox
) -> None:
    text = s3.file("notes.mp3", b"just some text, not audio at all")
    result = invoke(
        ["voice", "change", "sbx-en-f-ava", str(text), "--upload-to", s3.target], expect=2
    )
    assert "notes.mp3" in result.stderr and "Hint:" in result.stderr
    assert s3.object_keys() == [] and sent(fetching, contract.VOICE_CHANGE) == []


def test_an_avatar_from_an_image_is_checked_and_uploaded_as_an_image(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    portrait = s3.file("me.png", PNG)
    invoke(["avatars", "add", str(portrait), "--name", "Me", "--upload-to", s3.target])
    [body] = sent(fetching, contract.CREATE_AVATAR)
    assert presigned(body["url"], s3) and body["url_from"] == 1
    assert [state for state, _ in finished(fetching, isolated)] == [3]


def test_a_talking_avatar_uploads_its_avatar_background_and_speech(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    me, office, speech = s3.file("me.png", PNG), s3.file("office.jpg", JPEG), s3.file("hi.mp3", MP3)
    args = ["avatar", str(me), str(speech), "--background", str(office), "--upload-to", s3.target]
    invoke(args)
    [body] = sent(fetching, contract.CREATE_TALKING_AVATAR)
    background, avatar, audio = body["elements"]
    assert body["avatar_from"] == 3 and all(presigned(e["url"], s3) for e in body["elements"])
    assert (background["type"], avatar["type"], audio["type"]) == ("image", "avatar", "audio")
    assert avatar["url"].split("?")[0].endswith(".png")  # checked and sent as the image it is
    assert finished(fetching, isolated) == [(3, "")]


def test_a_headswap_row_uploads_its_video_and_faces(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    from tests.test_products import patched_sample

    five = patched_sample(isolated.tmp, seconds=5)  # head swap takes 3 to 20 s
    clip = s3.file("twopeople.mp4", five.read_bytes())
    anna, ben = s3.file("anna.jpg", JPEG), s3.file("ben.png", PNG)
    rows = isolated.tmp / "swaps.csv"
    rows.write_text(f"id,kind,video_url,faces\nus,headswap,{clip},{anna}|{ben}\n")
    invoke(["batch", str(rows), "--upload-to", s3.target])
    [analysis] = sent(fetching, contract.HEADSWAP_ANALYZE)
    [task] = sent(fetching, contract.CREATE_HEADSWAP)
    assert presigned(analysis["video_url"], s3) and task["video_url"] == analysis["video_url"]
    assert [m["obj_id"] for m in task["mappings"]] == [0, 1]
    assert all(presigned(m["img_url"], s3) for m in task["mappings"])
    assert finished(fetching, isolated) == [(3, "")]


def test_the_headswap_command_uploads_local_faces_before_checking_their_urls(
    s3: S3, fetching: Sandbox, isolated: Isolation
) -> None:
    from tests.test_products import patched_sample

    five = patched_sample(isolated.tmp, seconds=5)  # head swap takes 3 to 20 s
    clip = s3.file("twopeople.mp4", five.read_bytes())
    anna, ben = s3.file("anna.jpg", JPEG), s3.file("ben.png", PNG)
    args = ["headswap", str(clip), "--face", str(anna), "--face", str(ben)]
    invoke([*args, "--upload-to", s3.target])
    [task] = sent(fetching, contract.CREATE_HEADSWAP)
    assert all(presigned(m["img_url"], s3) for m in task["mappings"])
    assert finished(fetching, isolated) == [(3, "")]

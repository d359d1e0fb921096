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

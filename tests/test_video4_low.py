"""Two small things break19 found (issue 19, its LOW findings): a translation into the video's own
language (`--from es --to es`) is refused before billing, and a local file that is not an image
given to image to video is told which images AKOOL takes (not "portraits", nor audio formats).
Each test fails on akool before its fix."""

from __future__ import annotations

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_products import VIDEO, sent
from tests.test_upload import S3, moto_endpoint, s3

__all__ = ["moto_endpoint", "s3"]  # the fixtures these tests use


def test_a_translation_into_the_videos_own_language_is_refused(api_env: Sandbox) -> None:
    refused = invoke(["translate", VIDEO, "--from", "es", "--to", "fr,es"], expect=2)
    assert "language es is the video's own (source_language es)" in refused.stderr
    assert sent(api_env, contract.CREATE_TRANSLATION) == []


def test_image2videos_refusal_of_a_non_image_names_the_images_akool_takes(
    s3: S3, api_env: Sandbox, isolated: Isolation
) -> None:
    notes = s3.file("photo.jpg", b"just some notes, not an image\n")
    args = ["image2video", str(notes), "--prompt", "zoom", "--upload-to", s3.target]
    refused = invoke(args, expect=2)
    assert "AKOOL takes JPEG, PNG or WebP images" in refused.stderr
    assert "portraits" not in refused.stderr and "MP3" not in refused.stderr

"""Character swap takes a PNG or JPEG image and an MP4 video (character-swap/create.mdx; issue
19, break19 finding 6): a local WebP (judged by its bytes, whatever its name) or a URL ending .webp
or .mov is refused before anything is uploaded or billed, from the command, the library and a
batch row alike. Each test fails on akool before the check: the WebP went to upload, the URLs were
sent."""

from __future__ import annotations

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_products import sent
from tests.test_upload import S3, moto_endpoint, s3

__all__ = ["moto_endpoint", "s3"]  # the fixtures these tests use

E = "https://example.com"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24


def test_a_local_webp_character_is_refused_before_upload_and_billing(
    s3: S3, api_env: Sandbox
) -> None:
    named_png = s3.file("hero.png", WEBP)  # its bytes say WebP, whatever its name
    refused = invoke(
        ["charswap", str(named_png), f"{E}/dance.mp4", "--upload-to", s3.target], expect=2
    )
    assert "is WebP; AKOOL's character swap takes a PNG or JPEG image" in refused.stderr
    assert s3.object_keys() == [] and sent(api_env, contract.CREATE_CHARACTER_SWAP) == []


@pytest.mark.parametrize(
    ("image", "video", "words"),
    [
        (f"{E}/hero.webp", f"{E}/dance.mp4", "is WebP; AKOOL's character swap takes a PNG or JPEG"),
        (
            f"{E}/hero.png",
            f"{E}/dance.mov?x=1",
            "is MOV; AKOOL's character swap takes an MP4 video",
        ),
    ],
)
def test_urls_naming_another_kind_of_file_are_refused_before_billing(
    api_env: Sandbox, isolated: Isolation, image: str, video: str, words: str
) -> None:
    assert words in invoke(["charswap", image, video], expect=2).stderr
    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError, match=words):
        client.charswap(image, video)
    rows = isolated.tmp / "swap.csv"
    rows.write_text(f"id,kind,image,video\nh1,charswap,{image},{video}\n", encoding="utf-8")
    assert words in invoke(["batch", str(rows), "--dry-run"], expect=2).stderr
    assert sent(api_env, contract.CREATE_CHARACTER_SWAP) == []
    invoke(["charswap", f"{E}/hero.jpg", f"{E}/dance.mp4"])  # what the page takes is sent
    assert len(sent(api_env, contract.CREATE_CHARACTER_SWAP)) == 1

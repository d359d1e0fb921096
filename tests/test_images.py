"""Image generation end to end on the sandbox: an image from a prompt (or an image), upscales and
variations of it checked before billing, each saved as what it is."""

from __future__ import annotations

import json

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_faces import sent


def made_image(isolated: Isolation, prompt: str = "a lighthouse") -> str:
    """A finished image job's id."""
    job = json.loads(invoke(["image", "--prompt", prompt, "--wait", "--json"]).stdout)
    assert job["state"] == "done"
    return str(job["id"])


def test_an_image_from_a_prompt_is_saved_as_a_png(api_env: Sandbox, isolated: Isolation) -> None:
    out = isolated.tmp / "out"
    args = ["image", "--prompt", "a lighthouse at dawn", "--scale", "16:9", "-o", f"{out}/"]
    job = json.loads(invoke([*args, "--json"]).stdout)
    [body] = sent(api_env, contract.CREATE_IMAGE)
    assert body == {"prompt": "a lighthouse at dawn", "scale": "16:9"}
    saved = out / f"{job['id']}.png"
    assert job["kind"] == "image" and job["downloaded_path"] == str(saved.absolute())
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert job["cost"]["deduction_credit"] is not None
    invoke(["image", "--prompt", "the same, painted", "--from", "https://example.com/a.jpg"])
    assert sent(api_env, contract.CREATE_IMAGE)[1]["source_image"] == "https://example.com/a.jpg"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--prompt", "p", "--scale", "16x9"], "scale must be one of '1:1', '4:3'"),
        (["--prompt", " "], "missing --prompt"),
    ],
)
def test_what_the_docs_forbid_is_refused_before_billing(
    api_env: Sandbox, args: list[str], message: str
) -> None:
    result = invoke(["image", *args], expect=2)
    assert message in result.stderr and "Hint:" in result.stderr
    assert sent(api_env, contract.CREATE_IMAGE) == []


def test_size_is_not_an_option_scale_is(api_env: Sandbox) -> None:
    result = invoke(["image", "--prompt", "p", "--size", "16:9"], expect=2)
    assert "--size" in result.stderr
    assert sent(api_env, contract.CREATE_IMAGE) == []


def test_upscale_and_variation_of_a_finished_image(api_env: Sandbox, isolated: Isolation) -> None:
    image_id = made_image(isolated)
    out = isolated.tmp / "up"
    upscaled = json.loads(
        invoke(["image", "upscale", image_id, "U2", "-o", f"{out}/", "--json"]).stdout
    )
    varied = invoke(["image", "variation", image_id, "3"]).stdout.strip()
    assert sent(api_env, contract.CREATE_IMAGE_BUTTON) == [
        {"_id": image_id, "button": "U2"},
        {"_id": image_id, "button": "V3"},
    ]
    assert upscaled["kind"] == "image_button" and upscaled["state"] == "done"
    assert (out / f"{upscaled['id']}.png").is_file()
    [job] = json.loads(invoke(["status", varied, "--json"]).stdout)
    assert job["inputs"] == {"_id": image_id, "button": "V3"}


def test_an_unfinished_image_or_a_wrong_button_is_refused_before_billing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    queued = invoke(["image", "--prompt", "p"]).stdout.strip()
    refused = invoke(["image", "upscale", queued, "U1"], expect=2)
    assert f"image {queued} is queued" in refused.stderr and "akool watch" in refused.stderr
    wrong = invoke(["image", "upscale", made_image(isolated), "U5"], expect=2)
    assert "upscale takes U1-U4 (or 1-4), not 'U5'" in wrong.stderr
    assert sent(api_env, contract.CREATE_IMAGE_BUTTON) == []


def test_an_image_is_named_by_its_bytes(api_env: Sandbox, isolated: Isolation) -> None:
    out = isolated.tmp / "w"
    args = ["image", "--prompt", "a webp please", "-o", f"{out}/", "--json"]
    job = json.loads(invoke(args).stdout)
    assert job["downloaded_path"] == str((out / f"{job['id']}.webp").absolute())


def test_the_library_makes_upscales_and_varies_images(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        image = client.image("a lighthouse", scale="1:1")
        assert client.wait(image.id).done
        upscaled = client.upscale(image.id, 4)
        varied = client.variation(image.id, 1)
        for job in (image, upscaled, varied):
            path = client.download(job.id, f"{isolated.tmp / 'lib'}/")
            assert path.suffix == ".png" and path.read_bytes()[1:4] == b"PNG"
        with pytest.raises(akool_cli.UsageError, match="is queued"):
            client.upscale(client.image("another").id, 1)

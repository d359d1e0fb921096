"""Talking avatar (`akool avatar`, `Client.talking_avatar`) against AKOOL's page and end to end on
the sandbox: the page's example body passes akool's checks and akool's bodies are of its shape,
its answers decode with the kind; the avatar's origin is looked up and what the page forbids is
refused before billing; the job is created, followed, downloaded, listed, batched and its
callback (type "avatar") saved."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import akool_cli
from akool_cli.core import contract, kinds, products, talking_avatar
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_media_contract import DOCS, needs_docs
from tests.test_products import AUDIO
from tests.test_products import sent as sent_to

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "akool_examples.json").read_text(encoding="utf-8")
)["talking_avatar"]
PAGE = DOCS / "ai-tools-suite" / "talking-avatar.mdx"
PRODUCT = products.PRODUCTS["talking_avatar"]
AVATAR = "SandboxAnna01"  # one of the sandbox's AKOOL avatars (from 2)
OWN = "https://example.com/me.mp4"


def sent(sandbox: Sandbox, endpoint: contract.Endpoint) -> list[dict[str, Any]]:
    return [dict(body) for body in sent_to(sandbox, endpoint)]


def test_the_pages_example_body_passes_akools_checks() -> None:
    body = EXAMPLES["create_request"]
    assert contract.request_problems(contract.CREATE_TALKING_AVATAR, body) == []
    assert talking_avatar.body_problems(body) == []
    # An avatar given by its URL is avatar_from 3 ("must be 3"); a bad element is named.
    wrong = {**body, "avatar_from": 2}
    assert talking_avatar.body_problems(wrong) == [
        "elements[2]: an avatar given by its url needs avatar_from 3"
    ]
    unplaced = {**body, "elements": [{"type": "avatar", "avatar_id": "a"}, body["elements"][2]]}
    assert "elements[1]: scale_x is required" in talking_avatar.body_problems(unplaced)
    assert contract.request_problems(contract.CREATE_TALKING_AVATAR, {**body, "width": 1920}) == [
        "width must be one of 3840"
    ]


def test_akools_bodies_have_the_pages_shape() -> None:
    example = EXAMPLES["create_request"]
    built = PRODUCT.build(
        talking_avatar.avatar_fields(
            OWN, text="Hello", voice="6889b628662160e2caad5dbc", background="https://e.com/bg.png"
        ),
        webhook_url="https://hooks.example.com/akool",
    ).body()
    assert set(built) == set(example)  # width, height, avatar_from, elements, webhookUrl
    assert (built["width"], built["height"], built["avatar_from"]) == (3840, 2160, 3)
    assert [e["type"] for e in built["elements"]] == [e["type"] for e in example["elements"]]
    for ours, theirs in zip(built["elements"], example["elements"], strict=True):
        assert set(ours) <= set(theirs) | {"avatar_id"}
    assert built["elements"][2] == {
        "type": "audio",
        "input_text": "Hello",
        "voice_id": "6889b628662160e2caad5dbc",
    }


@needs_docs
def test_the_element_fields_and_values_are_the_pages() -> None:
    page = PAGE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[elements\]\.(\w+)\s*\|\s*(\w+)", page, re.M)
    documented = {name: kind.lower() for name, kind in rows}
    ours = {f.name: f.type for f in contract.TALKING_AVATAR_ELEMENT}
    assert set(ours) == set(documented)
    assert all(ours[n] == ("number" if t == "number" else "string") for n, t in documented.items())
    assert "Element type（avatar、image、audio）" in page
    for suffix in (*contract.TALKING_AVATAR_IMAGES, *contract.TALKING_AVATAR_VIDEOS):
        assert f'"{suffix}"' in page
    assert "Business – 50,000" in page and "must be 3840" in page and "must be 2160" in page
    body = json.loads(re.findall(r"\*\*Body\*\*\s*```json\n(.*?)```", page, re.S)[0])
    assert talking_avatar.body_problems(body) == []
    assert contract.request_problems(contract.CREATE_TALKING_AVATAR, body) == []


def test_the_pages_answers_decode_with_the_kind() -> None:
    created = kinds.TALKING_AVATAR.parse_created(EXAMPLES["create_response"]["data"])
    assert (created.id, created.state, created.video_url) == (
        "67491cdb4d9d1664a9782292",
        "queued",
        "",
    )
    status = kinds.TALKING_AVATAR.parse(EXAMPLES["status_response"]["data"], None)
    assert status.state == "processing" and status.cost == {"deduction_duration": 10}
    assert kinds.for_webhook_type("avatar") is kinds.TALKING_AVATAR
    assert kinds.by_command("avatar") is kinds.TALKING_AVATAR
    assert kinds.by_command("avatars add") is kinds.get("avatar")  # the upload


def test_avatar_is_created_followed_downloaded_and_listed(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "out"
    result = invoke(["avatar", AVATAR, AUDIO, "--background", "#1e90ff", "-o", f"{out}/"])
    job_id = result.stdout.splitlines()[0]
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    [body] = sent(api_env, contract.CREATE_TALKING_AVATAR)
    assert body["avatar_from"] == 2  # looked up: AKOOL's avatar
    assert [e["type"] for e in body["elements"]] == ["image", "avatar", "audio"]
    assert body["elements"][0]["url"] == "#1e90ff"
    assert body["elements"][1]["avatar_id"] == AVATAR and "url" not in body["elements"][1]
    assert body["elements"][2] == {"type": "audio", "url": AUDIO}
    [job] = json.loads(invoke(["status", "--json", job_id]).stdout)
    assert (job["kind"], job["state"]) == ("talking_avatar", "done")
    assert job["inputs"]["avatar_id"] == AVATAR and "deduction_duration" in job["cost"]
    # watch finds it by its id, whatever its kind.
    assert "done" in invoke(["watch", job_id]).stderr + invoke(["watch", job_id]).stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["Nobody01", AUDIO], "AKOOL lists no avatar 'Nobody01'"),
        ([AVATAR], "give audio_url, or input_text with voice_id"),
        ([AVATAR, AUDIO, "--text", "hi", "--voice", "v1"], "not both"),
        ([AVATAR, "--text", "hi"], "input_text and voice_id go together"),
        ([AVATAR, AUDIO, "--background", "#12345"], "background_color must be #RRGGBB"),
        (["https://e.com/me.gif", AUDIO], "an avatar's url must be an image"),
        ([OWN, AUDIO, "--from", "2"], "needs avatar_from 3"),
        ([AVATAR, AUDIO, "--background", "https://e.com/bg.gif"], "an image's url must be"),
    ],
)
def test_what_the_page_forbids_is_refused_before_billing(
    api_env: Sandbox, argv: list[str], message: str
) -> None:
    refused = invoke(["avatar", *argv, "--no-check"], expect=2)
    assert message in refused.stderr and "Traceback" not in refused.stderr
    assert sent(api_env, contract.CREATE_TALKING_AVATAR) == []


def test_the_library_makes_your_own_avatar_speak_a_text(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        job = client.talking_avatar(OWN, text="Hello there", voice="sandbox-voice-1", check=False)
        isolated.clock.advance(60)
        done = client.wait(job.id)
        saved = client.download(job.id, isolated.tmp / "me.mp4")
    assert done.state == "done" and saved.read_bytes()[4:8] == b"ftyp"
    [body] = sent(api_env, contract.CREATE_TALKING_AVATAR)
    assert body["avatar_from"] == 3 and body["elements"][0]["url"] == OWN  # no background
    assert body["elements"][1] == {
        "type": "audio",
        "input_text": "Hello there",
        "voice_id": "sandbox-voice-1",
    }


def test_a_batch_row_of_kind_avatar_runs_and_resumes(api_env: Sandbox, isolated: Isolation) -> None:
    rows = isolated.tmp / "avatars.csv"
    rows.write_text(
        "id,kind,avatar_id,avatar_from,audio_url,background_color\n"
        f"anna,avatar,{AVATAR},2,{AUDIO},#000000\n",
        encoding="utf-8",
    )
    dry = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    [planned] = dry["rows"] if isinstance(dry, dict) else dry
    assert planned["kind"] == "talking_avatar" and planned["request"]["avatar_from"] == 2
    out = isolated.tmp / "out"
    invoke(["batch", str(rows), "-o", f"{out}/", "--no-check"])
    invoke(["batch", str(rows), "-o", f"{out}/", "--no-check"])
    assert len(sent(api_env, contract.CREATE_TALKING_AVATAR)) == 1
    assert len(list(out.glob("*.mp4"))) == 1
    # `avatar` is the talking avatar's command; an upload's row is told its own kind.
    upload = isolated.tmp / "upload.csv"
    upload.write_text(f"id,kind,url,name\nme,avatar,{OWN},Me\n", encoding="utf-8")
    refused = invoke(["batch", str(upload), "--dry-run"], expect=2)
    assert "for the avatar upload, write kind 'avatars add'" in refused.stderr


def test_webhook_serve_saves_a_talking_avatars_callback(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.hooks import receiving
    from tests.support.waiting import wait_for

    outdir = isolated.tmp / "hooked"
    with receiving(outdir, monkeypatch) as (server, types):
        job_id = invoke(["avatar", AVATAR, AUDIO, "--webhook-url", server.url]).stdout.split()[0]
        isolated.clock.advance(60)
        wait_for(lambda: (outdir / f"{job_id}.mp4").exists(), 10.0)
        wait_for(lambda: "avatar" in types, 10.0)
    [body] = sent(api_env, contract.CREATE_TALKING_AVATAR)
    assert body["webhookUrl"] == server.url

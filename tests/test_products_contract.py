"""Lip sync, video translation, image to video and text to video against AKOOL's documentation:
the pages' example requests pass akool's checks, their example answers decode with the kinds,
the translation request and answers validate against openapi/video-translation.yaml, and the
sandbox's answers carry every field the documented examples show.

(Each request's field names, types, required flags and enums are checked against the catalogue,
which is generated from the same pages, in tests/test_catalogue.py.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import akool_cli
from akool_cli.core import contract, kinds, products
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.test_media_contract import OPENAPI, load, needs_docs, validate

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "akool_examples.json").read_text(encoding="utf-8")
)
# Request fields a product takes from akool itself rather than from its caller.
SET_BY_AKOOL = {"text2video": {"count"}, "head_swap": {"model_name"}}


@pytest.mark.parametrize(
    "name",
    ["lipsync", "video_translation", "image2video", "text2video", "character_swap", "head_swap"],
)
def test_each_pages_example_request_passes_akools_checks(name: str) -> None:
    product = products.PRODUCTS[name]
    example = dict(EXAMPLES[name]["create_request"])
    assert contract.request_problems(product.kind.create, example) == []
    hook = example.pop(product.kind.webhook_field, None) or None
    for field in SET_BY_AKOOL.get(name, ()):
        example.pop(field)
    built = product.build(example, webhook_url=hook).body()
    expected = {k: v for k, v in EXAMPLES[name]["create_request"].items() if v != ""}
    assert {k: v for k, v in built.items() if k not in SET_BY_AKOOL.get(name, ())} == {
        k: v for k, v in expected.items() if k not in SET_BY_AKOOL.get(name, ())
    }


def test_the_example_answers_decode_with_the_kinds() -> None:
    lips = EXAMPLES["lipsync"]
    created = kinds.LIPSYNC.parse_created(lips["create_response"]["data"])
    assert (created.id, created.state) == ("66160f989dfc997ac289037b", "queued")
    assert created.cost["deduction_lock_duration"] == 20
    status = kinds.LIPSYNC.parse(lips["status_response"]["data"], created.id)
    assert status.state == "processing" and status.video_url == ""

    i2v = EXAMPLES["image2video"]
    made = kinds.IMAGE2VIDEO.parse_created(i2v["create_response"]["data"])
    assert (made.id, made.state, made.cost["deduction_credit"]) == (
        "689174694b4dbdd4ab3d28c9",
        "queued",
        60,
    )
    answer = i2v["status_response"]["data"]
    ids = [item["_id"] for item in answer["result"]]
    found = kinds.IMAGE2VIDEO.pick(answer, ids)
    assert [found[i].state for i in ids] == ["queued", "done"]
    assert found[ids[1]].video_url.endswith(".mp4") and found[ids[1]].cost["video_duration"]

    batch = kinds.TEXT2VIDEO.parse_created(EXAMPLES["text2video"]["create_response"]["data"])
    assert batch.id == "689174694b4dbdd4ab3d28c9" and batch.cost["deduction_credit"] == 20

    swap = EXAMPLES["character_swap"]
    queued = kinds.CHARACTER_SWAP.parse_created(swap["create_response"]["data"])
    assert (queued.state, queued.video_url) == ("queued", "")  # its video_url is the input
    finished = kinds.CHARACTER_SWAP.parse(swap["status_response_done"]["data"], queued.id)
    assert finished.video_url == swap["status_response_done"]["data"]["video"]
    failed = kinds.CHARACTER_SWAP.parse(swap["status_response_failed"]["data"], queued.id)
    assert failed.state == "failed" and failed.error_reason.startswith("Failed to process")

    analysis = EXAMPLES["head_swap_analysis"]
    assert contract.request_problems(contract.HEADSWAP_ANALYZE, analysis["create_request"]) == []
    analysed = kinds.HEADSWAP_ANALYSIS.parse(analysis["status_response_done"]["data"], None)
    assert analysed.state == "done" and analysed.error_reason == ""  # "success" is no error
    media = analysis["status_response_done"]["data"]["analysis_result"]["media"]
    assert products.mappings_for(media, ["https://e.com/f.jpg"]) == [
        {"obj_id": 0, "img_url": "https://e.com/f.jpg"}
    ]
    head = EXAMPLES["head_swap"]
    task = kinds.HEAD_SWAP.parse_created(head["create_response"]["data"])
    assert (task.state, task.video_url, task.cost["deduction_lock_duration"]) == ("queued", "", 100)
    swapped = kinds.HEAD_SWAP.parse(head["status_response_done"]["data"], task.id)
    assert swapped.state == "done" and swapped.video_url.endswith("result.mp4")

    done = dict(EXAMPLES["video_translation"]["status_response"]["data"], video_status=3)
    translated = kinds.TRANSLATION.parse(done, None)
    assert set(translated.files) == {"original", "translated", "no_captions"}
    assert translated.files["translated"].endswith(".srt")


@needs_docs
def test_the_translation_request_validates_against_the_openapi_file(
    api_env: Sandbox, isolated: Isolation
) -> None:
    spec = load("video-translation.yaml")
    operation = spec["paths"][contract.CREATE_TRANSLATION.path]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    with akool_cli.Client() as client:
        job = client.translate(
            "https://example.com/talk.mp4",
            ["es", "fr"],
            lipsync=True,
            captions=2,
            captions_url="https://example.com/talk.srt",
            glossary={"fixed_words": {"hi": "hello"}, "style": "calm"},
            speakers=2,
        )
        isolated.clock.advance(60)
        finished = client.api.detail(kinds.TRANSLATION, job.id)
    [sent] = [
        json.loads(r.body)
        for r in api_env.state.received
        if r.path == contract.CREATE_TRANSLATION.path
    ]
    assert validate(spec, schema, sent) == []
    status = spec["components"]["schemas"]["VideoTranslationStatus"]
    assert validate(spec, status, finished.raw) == []
    assert set(finished.files) == {"original", "translated", "no_captions"}
    assert (OPENAPI / "video-translation.yaml").is_file()


def test_the_sandboxs_answers_carry_every_documented_field(
    api_env: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client() as client:
        lips = client.lipsync("https://e.com/v.mp4", "https://e.com/a.mp3")
        i2v = client.image2video("https://e.com/p.png", "zoom")
        swap = client.charswap("https://e.com/c.png", "https://e.com/v.mp4")
        isolated.clock.advance(60)
        swap_done = client.api.detail(kinds.CHARACTER_SWAP, swap.id).raw
        lips_done = client.api.detail(kinds.LIPSYNC, lips.id).raw
        i2v_done = client.api.status_many(kinds.IMAGE2VIDEO, [i2v.id])[i2v.id]
    documented = EXAMPLES["lipsync"]["status_response"]["data"]
    assert set(documented) <= set(lips_done)
    item = EXAMPLES["image2video"]["status_response"]["data"]["result"][1]
    assert not isinstance(i2v_done, Exception)
    assert set(item) - {"sub_type"} <= set(i2v_done.raw)  # sub_type: only in one example item
    assert set(EXAMPLES["character_swap"]["status_response_done"]["data"]) <= set(swap_done)
    with akool_cli.Client() as client:
        head = client.headswap("https://e.com/clip.mp4", ["https://e.com/f.jpg"])
        isolated.clock.advance(60)
        head_done = client.api.detail(kinds.HEAD_SWAP, head.id).raw
        analysis_id = str(head.inputs["analysis_id"])
        analysed = client.api.detail(kinds.HEADSWAP_ANALYSIS, analysis_id).raw
    assert set(EXAMPLES["head_swap"]["status_response_done"]["data"]) <= set(head_done)
    assert set(EXAMPLES["head_swap_analysis"]["status_response_done"]["data"]) <= set(analysed)
    created = [
        json.loads(r.body)
        for r in api_env.state.received
        if r.path == contract.CREATE_CHARACTER_SWAP.path
    ]
    assert created == [
        {
            "image": "https://e.com/c.png",
            "video": "https://e.com/v.mp4",
            "resolution": "720p",
            "mode": "animate",
        }
    ]

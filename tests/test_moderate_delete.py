"""Jarvis Moderator (a text result: printed, in --json, nothing to download), deleting results
where AKOOL documents how, and background change said to be gone, on the sandbox."""

from __future__ import annotations

import json

import pytest

import akool_cli
from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_faces import sent

IMAGE = "https://example.com/photo.jpg"


def test_moderating_text_prints_the_verdict(api_env: Sandbox) -> None:
    result = invoke(["moderate", "A calm walk by the lake", "--language", "en"])
    job_id, *verdict = result.stdout.splitlines()
    assert verdict[-1] == "Result: Compliant"
    [body] = sent(api_env, contract.MODERATE)
    assert body == {"content": "A calm walk by the lake", "type": 4, "language": "en"}
    [job] = json.loads(invoke(["status", job_id, "--json"]).stdout)
    assert job["kind"] == "moderation" and job["outputs"]["final_conclusion"] == "Compliant"
    assert job["video_url"] is None and job["downloaded_path"] is None
    flagged = json.loads(invoke(["moderate", "scenes of violence", "--json"]).stdout)
    assert flagged["outputs"] == {
        "result": "- violence: depiction of violence.\nResult: Non-Compliant",
        "final_conclusion": "Non-Compliant",
    }
    assert "Result: Non-Compliant" in invoke(["status"]).stdout  # on the table's one line


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (IMAGE, 1),
        ("https://example.com/clip.mp4", 2),
        ("https://e.com/a.wav", 3),
        ("https://e.com/t.pdf", 4),
    ],
)
def test_a_urls_type_comes_from_its_suffix(api_env: Sandbox, url: str, kind: int) -> None:
    invoke(["moderate", "--url", url, "--no-wait", "--look-for", "weapons"])
    [body] = sent(api_env, contract.MODERATE)
    assert body == {"content": url, "type": kind, "input": "weapons"}


def test_moderate_refuses_what_it_cannot_send(api_env: Sandbox) -> None:
    unknown = invoke(["moderate", "--url", "https://example.com/file"], expect=2)
    assert "cannot tell what" in unknown.stderr and "--type" in unknown.stderr
    both = invoke(["moderate", "text", "--url", IMAGE], expect=2)
    assert "not both" in both.stderr
    assert sent(api_env, contract.MODERATE) == []


def test_delete_uses_each_kinds_documented_endpoint(api_env: Sandbox, isolated: Isolation) -> None:
    with akool_cli.Client() as client:
        swaps = [client.faceswap(IMAGE, f"https://example.com/p{n}.jpg") for n in range(2)]
        video = client.image2video(IMAGE, "zoom")
        clone = client.voice_clone("https://example.com/me.mp3", "Mine")
        for job in (*swaps, video, clone):
            client.wait(job.id)
    ids = [j.id for j in (*swaps, video, clone)]
    result = json.loads(invoke(["delete", *ids, "--json"]).stdout)
    assert result == {"deleted": ids, "refused": {}}
    assert sent(api_env, contract.FACESWAP_DELETE) == [{"_ids": f"{swaps[0].id},{swaps[1].id}"}]
    assert sent(api_env, contract.IMAGE2VIDEO_DELETE) == [{"_ids": video.id}]
    assert sent(api_env, contract.VOICE_DELETE) == [{"_ids": [clone.id]}]
    assert clone.id not in invoke(["voices", "--own"]).stdout


def test_delete_refuses_what_akool_cannot_delete_before_sending_anything(
    api_env: Sandbox,
) -> None:
    with akool_cli.Client() as client:
        swap = client.faceswap(IMAGE, IMAGE).id
        lips = client.lipsync("https://example.com/v.mp4", "https://example.com/a.mp3").id
        running = client.image2video(IMAGE, "zoom").id
    refused = invoke(["delete", swap, lips, "0" * 24], expect=2)
    assert f"{lips} (a lip sync job)" in refused.stderr
    assert f"{'0' * 24} (not in akool's history)" in refused.stderr
    assert sent(api_env, contract.FACESWAP_DELETE) == []
    # AKOOL refuses to delete a result still being made: said per id, exit 4.
    busy = invoke(["delete", running], expect=4)
    assert "video resource is processing" in busy.stderr


def test_background_change_is_said_to_be_deprecated_and_unavailable(api_env: Sandbox) -> None:
    result = invoke(["background-change", "https://example.com/a.jpg", "--color", "red"], expect=2)
    assert "deprecated and no longer available" in result.stderr
    assert "docs.akool.com/ai-tools-suite/background-change" in result.stderr
    assert "name no replacement" in result.stderr and "Hint:" in result.stderr
    assert api_env.state.received == []
    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError, match="deprecated"):
        client.background_change(origin_img="https://example.com/a.jpg")


def test_the_library_moderates(api_env: Sandbox) -> None:
    with akool_cli.Client() as client:
        job = client.wait(client.moderate(IMAGE).id)
        assert job.outputs["final_conclusion"] == "Compliant"
        assert sent(api_env, contract.MODERATE)[0]["type"] == 1

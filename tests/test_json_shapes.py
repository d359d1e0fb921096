"""The JSON shapes documented in docs/json.md, checked against what the commands really print."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def documented() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    return {
        title.strip(): [k.strip() for k in keys.split(",")]
        for title, keys in re.findall(r"^### (.+)\nkeys: (.+)$", text, flags=re.MULTILINE)
    }


def shape(title_start: str) -> list[str]:
    matches = [keys for title, keys in documented().items() if title.startswith(title_start)]
    assert len(matches) == 1, title_start
    return matches[0]


def test_every_shape(api_env: Sandbox, isolated: Isolation) -> None:
    def run(*args: str, expect: int = 0) -> Any:
        return json.loads(invoke(list(args), expect=expect).stdout)

    job = run("talk", IMAGE, AUDIO, "--json")
    assert list(job) == shape("job")
    assert [list(j) for j in run("status", "--json")] == [shape("job")]
    assert list(run("credit", "--json")) == shape("`akool credit")
    status = run("auth", "status", "--json")
    assert list(status) == shape("`akool auth status")
    assert [list(p) for p in status["profiles"]] == [shape("`akool auth status")[:-1]]
    assert list(run("voices", "--json")[0]) == shape("voice")
    doctor = run("doctor", "--json")
    assert list(doctor) == shape("`akool doctor") and list(doctor["checks"][0]) == shape("check")
    csv = isolated.tmp / "b.csv"
    csv.write_text(f"image_url,audio_url\n{IMAGE},{AUDIO}\n")
    batch = run("batch", str(csv), "--json")
    assert list(batch) == shape("`akool batch --json") and list(batch["results"][0]) == shape(
        "batch result"
    )
    csv.write_text(f"image_url,audio_url\n{IMAGE},{AUDIO}\n./me.jpg,{AUDIO}\n")
    plan = run("batch", str(csv), "--dry-run", "--json", "--skip-invalid")
    assert list(plan) == shape("`akool batch --dry-run") and list(plan["rows"][0]) == shape(
        "planned row"
    )
    assert plan["invalid"] == [{"row": 3, "message": plan["invalid"][0]["message"]}]
    assert list(plan["invalid"][0]) == shape("invalid row") and plan["rows"][0]["row"] == 2
    failure = run("status", "--limit", "0", "--json", expect=2)
    assert list(failure) == shape("error")
    assert list(failure["error"]) == ["message", "hint", "exit_code", "type"]
    script = isolated.tmp / "s.sh"
    script.write_text("curl https://api.akool.com/photo/talking\n")
    assert list(run("audit", "--json", str(script), expect=8)[0]) == shape("finding")


def test_webhook_event_shape(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli
    from akool_cli.core.callbacks import Callback

    lines: list[str] = []
    with akool_cli.Client() as client:
        handle = client.webhook_recorder(
            None, on_event=lambda e: lines.append(json.dumps(e.as_dict())), on_warning=print
        )
    handle(Callback(id="64dd90f9f0b6684651e90d60", status=2, type="talking photo", url="", raw={}))
    assert list(json.loads(lines[0])) == shape("webhook event")


def test_the_doc_lists_every_shape_once() -> None:
    titles = list(documented())
    assert len(titles) == len(set(titles)) == 18
    assert Path(ROOT / "docs" / "json.md").exists()

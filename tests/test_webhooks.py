"""Webhooks: the documented test vector, the receiver, and a round trip sandbox → webhook serve."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from akool_cli.core import callbacks
from akool_cli.core.callbacks import CallbackError
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from akool_cli.webhooks.receiver import WebhookReceiver
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env

# The self-made vector in akool-api.md ("Webhook callbacks").
VECTOR_ID = "64db241f6d9e5c4bd136c187"
VECTOR_SECRET = "TESTSECRETTESTSECRET1234"
VECTOR_PLAIN = {
    "_id": "64dd90f9f0b6684651e90d60",
    "status": 3,
    "type": "talking photo",
    "url": "https://example.com/out.mp4",
}
VECTOR_BODY = {
    "signature": "edbd3eae294a352a9fbfb1536566b84e5237f990",
    "dataEncrypt": "pReqhprApji1ymKUh+oq2y7ACv2ZOyUYCoTmkHkEbUZs0ytvSPjD5hL3q0/qNhIZzIWBTGubgOuAdFQb"
    "baicmT/7NpcX+y5T3Y6Db3gGwwHrIS9d8YaBIl6VlGnPxaVVb3sk3jCRE3vyaVz6ac1ATg==",
    "timestamp": 1710757981609,
    "nonce": "1529",
}


def test_the_documented_vector_both_ways() -> None:
    assert callbacks.encrypt(VECTOR_PLAIN, VECTOR_ID, VECTOR_SECRET) == VECTOR_BODY["dataEncrypt"]
    assert (
        callbacks.seal(VECTOR_PLAIN, VECTOR_ID, VECTOR_SECRET, 1710757981609, "1529") == VECTOR_BODY
    )
    event = callbacks.open_callback(json.dumps(VECTOR_BODY).encode(), VECTOR_ID, VECTOR_SECRET)
    assert event.raw == VECTOR_PLAIN and event.status == 3 and event.url.endswith("out.mp4")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"signature": "0" * 40}, "signature does not match"),
        ({"nonce": "1530"}, "signature does not match"),
        ({"timestamp": 1}, "signature does not match"),
    ],
)
def test_a_tampered_callback_is_rejected(change: dict[str, object], fragment: str) -> None:
    body = json.dumps({**VECTOR_BODY, **change}).encode()
    with pytest.raises(CallbackError, match=fragment):
        callbacks.open_callback(body, VECTOR_ID, VECTOR_SECRET)


def test_wrong_secret_fails_on_padding_not_with_a_crash() -> None:
    with pytest.raises(CallbackError, match="wrong client id or secret"):
        callbacks.open_callback(
            json.dumps(VECTOR_BODY).encode(), VECTOR_ID, "WRONGSECRETWRONGSECRET12"
        )
    with pytest.raises(CallbackError, match="16, 24 or 32"):
        callbacks.open_callback(json.dumps(VECTOR_BODY).encode(), VECTOR_ID, "short")


@pytest.mark.parametrize("keys", [(SANDBOX_CLIENT_ID,), (SANDBOX_CLIENT_ID, None), ("a", "b", "c")])
def test_open_callback_with_keys_not_a_pair_is_a_usage_error(keys: object) -> None:
    """break17k nit: `client.open_callback(body, (client_id,))` raised a bare TypeError from deep
    inside; the library's errors are akool's own, naming what to pass."""
    import akool_cli

    with akool_cli.Client(env={}) as client, pytest.raises(akool_cli.UsageError) as refused:
        client.open_callback(b"{}", keys)  # type: ignore[arg-type]
    assert "webhook_keys()" in (refused.value.hint or "")


def test_webhook_verify_prints_the_decrypted_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_CLIENT_ID", VECTOR_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", VECTOR_SECRET)
    result = invoke(["webhook", "verify"], input=json.dumps(VECTOR_BODY))
    assert json.loads(result.stdout) == VECTOR_PLAIN
    bad = invoke(["webhook", "verify"], input=json.dumps({**VECTOR_BODY, "nonce": "1"}), expect=12)
    assert "signature does not match" in bad.stderr and bad.stdout == ""


# Bodies a forger (or a broken proxy) may send: each is "not a genuine AKOOL callback".
HOSTILE_BODIES = {
    "non-ascii-signature": json.dumps({**VECTOR_BODY, "signature": "é" * 40}),
    "deep-json": "[" * 200_000 + "]" * 200_000,
    "deep-json-unclosed": '{"signature": ' + "[" * 200_000,
    "signature-number": json.dumps({**VECTOR_BODY, "signature": 12345}),
    "signature-list": json.dumps({**VECTOR_BODY, "signature": ["a"]}),
    "data-not-base64": json.dumps(
        {
            **VECTOR_BODY,
            "dataEncrypt": "ü!!",
            "signature": callbacks.signature(VECTOR_ID, 1710757981609, "1529", "ü!!"),
        }
    ),
    "nonce-object": json.dumps({**VECTOR_BODY, "nonce": {"a": 1}}),
    "not-json": "signature=abc&dataEncrypt=def",
    "a-list": "[1, 2, 3]",
    "empty": "",
    "tampered": json.dumps({**VECTOR_BODY, "timestamp": 1}),
}


@pytest.mark.parametrize("body", list(HOSTILE_BODIES.values()), ids=list(HOSTILE_BODIES))
def test_webhook_verify_of_a_forged_or_malformed_body_exits_12(
    monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    from akool_cli.core.errors import ExitCode

    monkeypatch.setenv("AKOOL_CLIENT_ID", VECTOR_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", VECTOR_SECRET)
    result = invoke(["webhook", "verify"], input=body, expect=ExitCode.NOT_GENUINE)
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Error: not a genuine AKOOL callback: ")
    assert lines[1].startswith("Hint: ") and result.stdout == ""


def test_the_receiver_answers_hostile_bodies_400_with_one_line_each(
    receiver: tuple[WebhookReceiver, list[callbacks.Callback], list[str]],
) -> None:
    import httpx2

    server, events, rejected = receiver
    server.client_id, server.client_secret = VECTOR_ID, VECTOR_SECRET
    for name, body in HOSTILE_BODIES.items():
        answer = httpx2.post(server.url, content=body.encode(), timeout=30)
        assert answer.status_code == 400, name
    assert events == [] and len(rejected) == len(HOSTILE_BODIES)
    assert all(why.startswith("not a genuine AKOOL callback: ") for why in rejected)
    assert all("\n" not in why and len(why) < 200 for why in rejected)
    genuine = httpx2.post(server.url, json=VECTOR_BODY, timeout=30)  # still serving
    assert genuine.status_code == 200


def test_webhook_verify_with_an_api_key_needs_the_client_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", VECTOR_SECRET)  # the API key is the clientSecret
    result = invoke(["webhook", "verify"], input=json.dumps(VECTOR_BODY), expect=3)
    assert "--client-id" in result.stderr
    done = invoke(["webhook", "verify", "--client-id", VECTOR_ID], input=json.dumps(VECTOR_BODY))
    assert json.loads(done.stdout)["_id"] == VECTOR_PLAIN["_id"]


@pytest.fixture
def receiver() -> Iterator[tuple[WebhookReceiver, list[callbacks.Callback], list[str]]]:
    events: list[callbacks.Callback] = []
    rejected: list[str] = []
    server = WebhookReceiver(
        host="127.0.0.1",
        port=0,
        path="/hook",
        client_id=SANDBOX_CLIENT_ID,
        client_secret=SANDBOX_CLIENT_SECRET,
        on_event=events.append,
        on_reject=lambda addr, why: rejected.append(why),
    )
    server.start()
    yield server, events, rejected
    server.stop()


def wait_until(condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_round_trip_sandbox_to_receiver_idempotent_per_id(
    api_env: Sandbox,
    isolated: Isolation,
    receiver: tuple[WebhookReceiver, list[callbacks.Callback], list[str]],
) -> None:
    server, events, rejected = receiver
    job = invoke(
        ["talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "--webhook-url", server.url]
    )
    job_id = job.stdout.strip()
    isolated.clock.advance(3)  # processing
    wait_until(lambda: len(events) == 1)
    isolated.clock.advance(10)  # done
    wait_until(lambda: len(events) == 2)
    assert [(e.id, e.status) for e in events] == [(job_id, 2), (job_id, 3)]
    assert events[1].url == api_env.file_url(job_id)
    # AKOOL retries: the same callback again is answered 200 and not handled twice.
    body = callbacks.seal(
        {"_id": job_id, "status": 3, "type": "talking photo", "url": events[1].url},
        SANDBOX_CLIENT_ID,
        SANDBOX_CLIENT_SECRET,
        1,
        "n",
    )
    import httpx2

    assert httpx2.post(server.url, json=body).status_code == 200
    forged = {**body, "signature": "f" * 40}
    assert httpx2.post(server.url, json=forged).status_code == 400
    time.sleep(0.1)
    assert len(events) == 2 and rejected == [
        "not a genuine AKOOL callback: the signature does not match (wrong client id, or not "
        "from AKOOL)"
    ]
    assert [c[2] for c in api_env.state.callbacks] == [200, 200]


def test_the_sandbox_retries_until_the_receiver_answers_200(
    api_env: Sandbox, isolated: Isolation
) -> None:
    answers = [500, 503, 200]
    from tests.support.servers import Answer, scripted_server

    with scripted_server() as hook:
        hook.route("/hook", lambda _p: Answer(answers.pop(0) if answers else 200, b"{}"))
        invoke(
            [
                "talk",
                "https://e.com/a.jpg",
                "https://e.com/b.mp3",
                "--webhook-url",
                hook.url + "/hook",
            ]
        )
        isolated.clock.advance(3)
        wait_until(lambda: len(api_env.state.callbacks) >= 3)
    assert [c[2] for c in api_env.state.callbacks][:3] == [500, 503, 200]


def test_webhook_serve_records_prints_and_downloads(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's receiver in a thread: journal updated, one event each, video downloaded."""
    import threading

    import akool_cli

    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    outdir = isolated.tmp / "hooked"
    outdir.mkdir()
    lines: list[str] = []
    with akool_cli.Client() as client:
        server = client.webhook_receiver(
            host="127.0.0.1",
            port=0,
            path="/akool/webhook",
            download_dir=outdir,
            on_event=lambda event: lines.append(event.id),
            on_reject=lambda a, w: None,
            on_warning=lambda message: None,
        )
    server.start()
    try:
        job_id = invoke(
            ["talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "--webhook-url", server.url]
        ).stdout.strip()
        isolated.clock.advance(60)
        wait_until(lambda: (outdir / f"{job_id}.mp4").exists())
        wait_until(lambda: len(lines) >= 1)
    finally:
        server.stop()
    status = json.loads(invoke(["status", "--json", "--limit", "1"]).stdout)[0]
    assert status["state"] == "done" and status["downloaded_path"] == str(outdir / f"{job_id}.mp4")
    assert threading.active_count() >= 1


def test_webhook_serve_command_end_to_end(isolated: Isolation) -> None:
    """`akool webhook serve` as a real process, fed by the sandbox's callbacks."""
    import re
    import subprocess

    from akool_cli.core.clock import SystemClock
    from akool_cli.sandbox import SandboxConfig
    from tests.support.sandboxes import running

    outdir = isolated.tmp / "received"
    outdir.mkdir()
    with running(SandboxConfig(processing_seconds=0.3), SystemClock()) as sandbox:
        env = process_env(isolated.home, sandbox.base_url, AKOOL_CLIENT_ID=SANDBOX_CLIENT_ID)
        serve = subprocess.Popen(
            [AKOOL, "webhook", "serve", "--port", "0", "-o", str(outdir), "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert serve.stderr is not None and serve.stdout is not None
            banner = serve.stderr.readline()
            url = re.search(r"(http://\S+)", banner).group(1)  # type: ignore[union-attr]
            talk = subprocess.run(
                [AKOOL, "talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "--webhook-url", url],
                env=env,
                capture_output=True,
                text=True,
            )
            job_id = talk.stdout.strip()
            events = [json.loads(serve.stdout.readline()) for _ in range(2)]
        finally:
            serve.terminate()
            serve.wait(timeout=10)
    assert [(e["id"], e["state"]) for e in events] == [(job_id, "processing"), (job_id, "done")]
    assert events[1]["downloaded_path"] == str(outdir / f"{job_id}.mp4") and events[1]["known"]
    assert (outdir / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"

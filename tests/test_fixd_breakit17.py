"""Break-it round 17 (I15, I17, H17, H18, I16, I12): a callback speaks only for its own server
and account, a documented default is no other request, a count-N create settles N jobs, and
odd numbers in the environment or on the command line are one clear error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from akool_cli.core import callbacks
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from tests.conftest import Isolation
from tests.support.hooks import receiving
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running
from tests.support.waiting import wait_for

PROD_KEY = "prod-key-" + "b" * 24


@pytest.fixture
def production(isolated: Isolation) -> Iterator[Sandbox]:
    """A second server with its own account: "production" beside the sandbox."""
    with running(SandboxConfig(api_key=PROD_KEY, processing_seconds=6.0), isolated.clock) as s:
        yield s


def _talk(image: str) -> str:
    return invoke(["talk", f"https://e.com/{image}.jpg", "https://e.com/b.mp3"]).stdout.strip()


def test_a_sandbox_receiver_never_records_another_servers_job(
    api_env: Sandbox,
    production: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """I15: the sandbox's public keys seal a callback for a production job: it is logged and
    skipped (nothing recorded, nothing saved as its result); the sandbox's own job is handled."""
    import httpx2

    import akool_cli

    point_at(production, monkeypatch, PROD_KEY)
    prod_job = _talk("prod")
    point_at(api_env, monkeypatch)
    own_job = _talk("own")
    isolated.clock.advance(60)
    invoke(["status", own_job])  # done on the sandbox: its video URL is real
    outdir = isolated.tmp / "hooked"
    events: list[str] = []
    warnings: list[str] = []
    video = f"{api_env.base_url}/_sandbox/files/{own_job}.mp4"
    with receiving(outdir, monkeypatch, warnings, rejected=warnings, ids=events) as (server, _):
        for job in (prod_job, own_job):
            payload = {"_id": job, "status": 3, "type": "talking photo", "url": video}
            body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "7")
            assert httpx2.post(server.url, json=body).status_code == 200
        wait_for(lambda: own_job in events)
    assert events == [own_job]
    (line,) = [w for w in warnings if prod_job in w]
    assert f"made on {production.base_url}" in line and "akool status" in line
    assert not (outdir / f"{prod_job}.mp4").exists() and (outdir / f"{own_job}.mp4").exists()
    with akool_cli.Client() as client:
        record = client.journal.get(prod_job)
        assert record is not None
        assert record.video_status != 3 and not record.video_url and not record.downloaded_path
        assert not client.journal.callback_handled(prod_job, 3)


def test_a_receiver_skips_a_job_of_another_account_on_its_server(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """I15: the same server, a job a credential of another secret made (its account): skipped
    too. (One of the same secret, an API key after clientId/secret, is the receiver's: K7,
    tests/test_fixi_webhook_secret.py.)"""
    import akool_cli
    from akool_cli.core.callbacks import Callback

    other = _talk("other")  # made with the sandbox's API key
    monkeypatch.delenv("AKOOL_API_KEY")
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", "another-secret-" + "d" * 16)
    warnings: list[str] = []
    events: list[str] = []
    with akool_cli.Client() as client:
        handle = client.webhook_recorder(
            None, on_event=lambda e: events.append(e.id), on_warning=warnings.append
        )
    handle(Callback(id=other, status=3, type="talking photo", url="https://x.test/v.mp4", raw={}))
    assert events == [] and "secret does not open this callback" in warnings[0]


E = "https://example.com"
IMAGE_PATH = "/api/open/v3/content/image/createbyprompt"
TRANSLATE_PATH = "/api/open/v3/content/video/createbytranslate"


@pytest.mark.parametrize(
    ("path", "body", "command"),
    [
        (IMAGE_PATH, {"prompt": "mk img", "scale": "1:1"}, ["image", "--prompt", "mk img"]),
        (
            TRANSLATE_PATH,
            {"url": f"{E}/t.mp4", "language": "es", "lipsync": False, "remove_bgm": False},
            ["translate", f"{E}/t.mp4", "--to", "es"],
        ),
    ],
    ids=["image-scale", "translate-flags"],
)
def test_an_api_body_restating_documented_defaults_is_the_command_without_them(
    api_env: Sandbox, isolated: Isolation, path: str, body: dict[str, object], command: list[str]
) -> None:
    """I17: `"scale": "1:1"` (image), `"lipsync": false, "remove_bgm": false` (translate) are
    AKOOL's documented defaults: an unanswered api create of them blocks the command without
    them (it was sent and billed again)."""
    import json

    from tests.test_settle import lose_answer_once, settle_command

    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=5)
    _, settle = settle_command(lost.stderr)
    refused = invoke(command, expect=5)
    assert settle in " ".join(refused.stderr.split()), refused.stderr
    assert len(made) == 1 and len(api_env.state.jobs) == 1  # nothing billed twice


@pytest.mark.parametrize(
    ("kind", "fields", "command"),
    [
        ("image", {"prompt": "lib img", "scale": "1:1"}, ["image", "--prompt", "lib img"]),
        (
            "faceswap",
            {"source_url": f"{E}/face.png", "target_url": f"{E}/fs.jpg", "face_enhance": False},
            ["faceswap", f"{E}/face.png", f"{E}/fs.jpg"],
        ),
    ],
    ids=["image", "faceswap"],
)
def test_a_library_create_restating_a_default_is_the_command_without_it(
    api_env: Sandbox,
    isolated: Isolation,
    kind: str,
    fields: dict[str, object],
    command: list[str],
) -> None:
    """I17: Client.make (what akool mcp's tools call) with a schema default filled in, killed
    mid-create, then the command without it: refused, not billed again."""
    import akool_cli
    from akool_cli.core.errors import AkoolError
    from tests.test_settle import lose_answer_once

    made = lose_answer_once(api_env, "create_job")
    with akool_cli.Client() as client, pytest.raises(AkoolError):
        client.make(kind, fields)
    refused = invoke(command, expect=5)
    assert "akool settle" in refused.stderr and len(made) == 1


def test_talk_with_speed_one_is_the_speech_without_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """I17 (I5 addendum): `--speed 1.0` restates the documented speed: the speech killed
    mid-create blocks `talk --text` without it, and the other way round."""
    from tests.test_settle import lose_answer_once

    talk = ["talk", f"{E}/p.jpg", "--text", "killed speech twelve", "--voice", "sbx-en-f-ava"]
    made = lose_answer_once(api_env, "create_speech")
    invoke(talk, expect=5)
    refused = invoke([*talk, "--speed", "1.0"], expect=5)
    assert "akool settle" in refused.stderr and len(made) == 1


def test_an_mcp_image_call_with_its_schema_default_is_the_command_without_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """I17: the MCP `image` tool called with `"scale": "1:1"` (its schema's default) whose
    answer is lost, then `akool image --prompt` with the same prompt: refused, one create."""
    from mcp.client.session import ClientSession

    from tests.test_mcp import refused, serve
    from tests.test_settle import lose_answer_once

    made = lose_answer_once(api_env, "create_job")

    async def body(session: ClientSession) -> None:
        await refused(session, "image", prompt="mk img", scale="1:1")

    serve(isolated, api_env, body)
    again = invoke(["image", "--prompt", "mk img"], expect=5)
    assert "akool settle" in again.stderr and len(made) == 1


def test_an_attempt_in_doubt_recorded_before_defaults_were_left_out_still_blocks(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """I17, an upgraded history: an image create with `--scale 1:1` in doubt, recorded with the
    digest akool kept before (the default counted), still blocks the same command."""
    import sqlite3

    import akool_cli
    from akool_cli.store import requests
    from tests.test_settle import lose_answer_once

    command = ["image", "--prompt", "old img", "--scale", "1:1"]
    made = lose_answer_once(api_env, "create_job")
    invoke(command, expect=5)
    with akool_cli.Client() as client:
        path = client.paths.journal_file
    old = requests.identity_digest(
        "image", {"prompt": "old img", "scale": "1:1"}, defaults_count=True
    )
    with sqlite3.connect(path) as db:
        db.execute("UPDATE attempts SET request = ?, body = ''", (old,))
    refused = invoke(command, expect=5)
    assert "akool settle" in refused.stderr and len(made) == 1


def test_a_create_answered_with_its_new_job_and_an_earlier_ones_id_is_that_new_job(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H18: text2video answered with an earlier talking photo's id first and its new job after:
    the new job is the create's (recorded, linked, printed), the earlier id only reported, and
    nothing is left unknown (the way on was `settle --not-created`: paying again)."""
    import json
    from typing import Any

    from akool_cli.sandbox import products as answers

    earlier = _talk("earlier")
    original = answers.created_answer

    def prepend(kind: Any, data: dict[str, Any], *others: dict[str, Any]) -> Any:
        answer = original(kind, data, *others)
        if "successList" in answer:
            answer["successList"].insert(0, {**data, "_id": earlier})
        return answer

    monkeypatch.setattr(answers, "created_answer", prepend)
    done = invoke(["text2video", "--prompt", "others attack"])
    [job_id] = done.stdout.split()
    assert job_id != earlier and earlier in done.stderr and "left as it was" in done.stderr
    shown = invoke(["status", "--json"])
    assert "unknown" not in shown.stderr, shown.stderr
    history = {j["id"]: j for j in json.loads(invoke(["history", "--json"]).stdout)}
    assert set(history) == {earlier, job_id} and history[earlier]["kind"] == "talking_photo"
    again = invoke(["text2video", "--prompt", "others attack", "--reuse"])
    assert again.stdout.split() == [job_id]  # the create's own job, found by its request


def test_a_lost_count_three_create_settles_each_of_its_three_jobs(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """H17: `akool api POST …/createByPrompt/batch` with count 3, answer lost: the hint says it
    asked for 3 jobs, and settle takes each of them (then no more)."""
    import json

    from akool_cli.core import contract
    from tests.test_settle import settle_command

    body = {"prompt": "count three", "model_name": "seedance-1-0-lite-i2v-250428", "count": 3}
    path = contract.CREATE_TEXT2VIDEO.path
    api_env.state.inject("drop", at=contract.CREATE_TEXT2VIDEO.key)  # made, then answer lost
    lost = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=5)
    attempt, _ = settle_command(lost.stderr)
    assert "asked for 3 jobs" in " ".join(lost.stderr.split()), lost.stderr
    made = list(api_env.state.jobs)
    assert len(made) == 3
    first = invoke(["settle", str(attempt), "--created", made[0]])
    assert "asked for 3 jobs" in " ".join(first.stderr.split())
    for job in made[1:]:
        assert invoke(["settle", str(attempt), "--created", job]).stdout.strip() == job
    history = {j["id"] for j in json.loads(invoke(["history", "--json"]).stdout)}
    assert history == set(made)
    other = invoke(["text2video", "--prompt", "not counted"]).stdout.strip()
    refused = invoke(["settle", str(attempt), "--created", other], expect=2)
    assert "already in the history" in refused.stderr  # a known job: never a fourth


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "abc", "0"])
def test_a_keyring_timeout_out_of_range_is_one_clear_error(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """I16: AKOOL_KEYRING_TIMEOUT=inf ended in an OverflowError; nan, -1, abc were taken."""
    monkeypatch.setenv("AKOOL_KEYRING_TIMEOUT", value)
    result = invoke(["--base-url", sandbox.base_url, "credit"], expect=2)
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"Error: AKOOL_KEYRING_TIMEOUT={value!r} is not a number of seconds from 0.05 to 3600"
    )
    assert lines[1].startswith("Hint: ") and len(lines) == 2 and not sandbox.state.received


@pytest.mark.parametrize(("value", "checked"), [("maybe", None), ("0", True), ("1", False)])
def test_akool_no_check_takes_only_its_documented_values(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    value: str,
    checked: bool | None,
) -> None:
    """I16 addendum: AKOOL_NO_CHECK=maybe skipped every check before billing."""
    monkeypatch.setenv("AKOOL_NO_CHECK", value)
    talk = ["talk", "http://127.0.0.1:9/a.jpg", "http://127.0.0.1:9/b.mp3"]
    if checked is None:
        result = invoke(talk, expect=2)
        assert "AKOOL_NO_CHECK='maybe' is not 1 or 0" in result.stderr
        assert not api_env.state.jobs
    else:
        result = invoke(talk)
        assert ("could not check" in result.stderr) is checked, result.stderr


@pytest.mark.parametrize("route", ["cli", "library"])
def test_settle_of_a_huge_attempt_number_is_no_such_attempt(
    api_env: Sandbox, isolated: Isolation, route: str
) -> None:
    """I12: `akool settle <huge>` / Client.settle(10**30) ended in an OverflowError."""
    import akool_cli
    from akool_cli.core.errors import UsageError

    huge = "1" + "0" * 29
    if route == "cli":
        result = invoke(["settle", huge, "--not-created"], expect=2)
        assert f"there is no create attempt '{huge}' in the history" in result.stderr
        return
    with akool_cli.Client() as client, pytest.raises(UsageError, match="no create attempt"):
        client.settle(10**30, not_created=True)


@pytest.mark.parametrize(("kind", "method"), [("talking_photo", "talk"), ("tts", "speak")])
def test_make_of_a_kind_with_its_own_method_names_that_method(
    isolated: Isolation, kind: str, method: str
) -> None:
    """I12's nit: make("talking_photo") said akool makes no such product (the README's kind)."""
    import akool_cli
    from akool_cli.core.errors import UsageError

    with akool_cli.Client() as client, pytest.raises(UsageError) as raised:
        client.make(kind, {})
    assert f"client.{method}(" in (raised.value.hint or "")


def test_a_new_job_left_unlinked_by_an_older_akool_settles_its_attempt(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H18, a history an older akool left: the new job recorded with no create, its attempt
    unknown; `settle N --created <that job>` was refused ("already in the history")."""
    import sqlite3

    import akool_cli

    made = invoke(["text2video", "--prompt", "left unlinked"]).stdout.strip()
    with akool_cli.Client() as client:
        path = client.paths.journal_file
    with sqlite3.connect(path) as db:  # as the older akool left it
        db.execute("UPDATE attempts SET outcome = 'unknown', job_id = NULL")
        (attempt,) = db.execute("SELECT id FROM attempts").fetchone()
    settled = invoke(["settle", str(attempt), "--created", made])
    assert settled.stdout.strip() == made
    again = invoke(["text2video", "--prompt", "left unlinked", "--reuse"])
    assert again.stdout.split() == [made]

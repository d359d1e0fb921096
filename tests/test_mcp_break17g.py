"""Issue 17's break-it run 17g, helper mcp19's part: two sessions' head swap analyses of one call
(G17), signed result URLs in tool results (G13), a client that stops reading (G5) and the
JSON-RPC edges (N1, N6, invalid UTF-8, an unknown prompt).

Each test fails on akool before its fix."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.rawmcp import PROTOCOL, RawServer
from tests.support.runner import AKOOL, invoke, process_env

E = "https://example.com"
VIDEO, FACES = f"{E}/g17.mp4", [f"{E}/g17-face.jpg"]


def test_the_analysis_of_a_call_another_session_made_leads_to_its_job(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17g G17: two sessions make the same head swap call at once, each asks its analysis,
    one task is made (by the first to claim); the other's analysis id said "never became a job
    … nothing was billed; make it again", and making it again billed a second head swap."""
    from akool_cli import Client, Once

    other: dict[str, Any] = {}
    steps: list[str] = []

    def meanwhile(step_id: str) -> None:
        steps.append(step_id)
        # While this call's analysis runs, another session's same call is analysed and made.
        with Client() as second:
            other["job"] = second.headswap(VIDEO, FACES, once=Once("mcp:g17"), check=False)

    with Client() as client:
        job = client.headswap(
            VIDEO,
            FACES,
            once=Once("mcp:g17"),
            check=False,
            on_analysis=meanwhile,
        )
        assert job.repeated and job.id == other["job"].id
        mine = steps[0]
        assert mine != other["job"].inputs["analysis_id"]  # two analyses, one task
        step = client.first_step(mine)
        assert step is not None and step.state == "made" and step.job_id == job.id, step
    assert sum(1 for j in api_env.state.jobs.values() if j.kind == "head_swap") == 1
    shown = invoke(["status", mine, "--json"])
    assert job.id in shown.stdout and "never became" not in shown.stderr, shown.stderr


def test_the_analysis_of_a_call_whose_other_create_is_in_doubt_names_that_attempt(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """G17's other ending: the other session's create of the same call has an unknown outcome,
    so this one's is refused; its analysis id names that attempt, never "nothing was billed"."""
    from akool_cli import Client, Once, UnknownOutcomeError, UnsettledAttemptError

    steps: list[str] = []

    def meanwhile(step_id: str) -> None:
        steps.append(step_id)
        api_env.state.inject("drop", at="create_headswap")
        with Client() as second, pytest.raises(UnknownOutcomeError):
            second.headswap(VIDEO, FACES, once=Once("mcp:g17b"), check=False)

    with Client() as client, pytest.raises(UnsettledAttemptError) as refused:
        client.headswap(
            VIDEO,
            FACES,
            once=Once("mcp:g17b"),
            check=False,
            on_analysis=meanwhile,
        )
    shown = invoke(["status", steps[0]], expect=5)
    assert f"attempt {refused.value.attempt_id}" in shown.stderr, shown.stderr
    assert "nothing was billed" not in shown.stderr, shown.stderr


def _started(isolated: Isolation, base_url: str) -> subprocess.Popen[bytes]:
    """`akool mcp` as a client starts it, initialized by reading its stdout line by line."""
    folder = isolated.tmp / "work"
    folder.mkdir(exist_ok=True)
    proc = subprocess.Popen(
        [AKOOL, "mcp", "--dir", str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=(isolated.tmp / "mcp-stderr.txt").open("wb"),
        env=process_env(isolated.home, base_url),
    )
    assert proc.stdin is not None and proc.stdout is not None
    hello = {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "g5"}}
    for message in (
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
    ):
        proc.stdin.write(json.dumps(message).encode() + b"\n")
        proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["id"] == 1
    return proc


def test_a_client_that_stops_reading_ends_the_session_quietly(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17g G5: a client that closed its end of akool mcp's stdout (crashed) while keeping
    stdin open: "unexpected ExceptionGroup … report it", exit 1. Now the session ends at once, as
    a closed stdin ends it (exit 0, its run closed, the create made recorded), with one line."""
    proc = _started(isolated, api_env.base_url)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdout.close()  # the client stops reading; its stdin stays open
        talk = {
            "name": "talk",
            "arguments": {"image_url": f"{E}/g5.jpg", "audio_url": f"{E}/g5.mp3"},
        }
        for n, params in enumerate((talk, {"name": "credit", "arguments": {}}), start=2):
            call = {"jsonrpc": "2.0", "id": n, "method": "tools/call", "params": params}
            proc.stdin.write(json.dumps(call).encode() + b"\n")
            proc.stdin.flush()
        code = proc.wait(60)  # ends by itself: stdin is still open
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = (isolated.tmp / "mcp-stderr.txt").read_text()
    assert code == 0, stderr
    assert "unexpected" not in stderr and "Traceback" not in stderr, stderr
    assert "stopped reading" in stderr, stderr
    made = json.loads(invoke(["history", "--json"]).stdout)
    assert [job["kind"] for job in made] == ["talking_photo"] and len(api_env.state.jobs) == 1
    runs = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)["runs"]
    assert [(r["kind"], r["outcome"]) for r in runs] == [("mcp", "closed")]


@pytest.fixture
def raw(api_env: Sandbox, isolated: Isolation) -> Iterator[RawServer]:
    """An initialized `akool mcp` spoken to in raw lines; it must end cleanly, quietly."""
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        yield server
        server.close_stdin()
        assert server.wait() == 0
    finally:
        server.kill()
    assert "Traceback" not in server.stderr(), server.stderr()
    assert api_env.state.jobs == {}


def test_a_line_with_no_usable_id_is_answered_with_id_null(raw: RawServer) -> None:
    """break17f N1: `{not json` got no answer (JSON-RPC 2.0: -32700 Parse error, id null)."""
    for line, code in (
        ("{not json", -32700),
        ("[]", -32600),
        ('{"jsonrpc": "2.0", "method": 5}', -32600),
    ):
        raw.send(line)
        answer = raw.answer(None)
        del raw.answers[None]
        assert answer["error"]["code"] == code, (line, answer)


def test_a_call_that_is_not_utf8_is_refused_never_sent(raw: RawServer) -> None:
    """break17g: a tools/call with bytes that are not UTF-8 was read with U+FFFD in their place,
    and its create sent and billed with them."""
    bad = {"image_url": f"{E}/n1.jpg", "audio_url": f"{E}/n1.mp3", "name": "bad\udcff"}
    call = {"jsonrpc": "2.0", "id": "utf", "method": "tools/call"}
    text = json.dumps({**call, "params": {"name": "talk", "arguments": bad}}, ensure_ascii=False)
    raw.send(text.encode("utf-8", "surrogateescape"))
    refused = raw.answer("utf")
    assert refused["error"]["code"] == -32700, refused
    assert "not UTF-8" in refused["error"]["data"], refused


def test_an_unknown_prompt_is_an_error_answer_without_a_traceback(raw: RawServer) -> None:
    """break17g: `prompts/get` of an unknown prompt printed a traceback of 33 lines on stderr."""
    missing = raw.answer(raw.request("prompts/get", {"name": "nope"}))
    assert missing["error"]["code"] == -32602, missing


def test_a_number_over_its_maximum_is_said_as_written(raw: RawServer) -> None:
    """break17f N6: history's limit of 1000000000 was said as "not 1e+09"."""
    limit = raw.answer(raw.call("history", {"limit": 1_000_000_000}))["result"]
    assert limit["isError"] and "not 1000000000" in limit["content"][0]["text"], limit


SIGNING = (
    "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAG13EXAMPLE%2F20260101%2Fus-east-1"
    "&X-Amz-Signature=deadbeefg13signature&X-Amz-Security-Token=G13SECRETTOKEN"
)


def test_tool_results_mask_a_signed_result_url_as_json_does(
    isolated: Isolation, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G13: `status` and `wait` carried a result URL's X-Amz-Signature and
    X-Amz-Security-Token whole (to the agent's model and its transcript), which `akool status
    --json`, `--debug` and the history mask; `download` still saves the result behind it, and
    `upload`'s presigned URL (made to be passed on) stays whole."""
    from mcp.client.session import ClientSession

    from akool_cli.sandbox import products as answers
    from tests.test_mcp import AUDIO, VIDEO, call, serve

    plain = answers.job_object

    def signed(*args: Any) -> dict[str, Any]:
        data = plain(*args)
        for name, value in data.items():
            if isinstance(value, str) and "/_sandbox/files/" in value:
                data[name] = value + SIGNING
        return data

    monkeypatch.setattr(answers, "job_object", signed)
    seen: list[Any] = []

    async def body(session: ClientSession) -> None:
        made = await call(session, "lipsync", video_url=VIDEO, audio_url=AUDIO)
        isolated.clock.advance(10)
        for tool in ("wait", "status"):
            result = await session.call_tool(tool, {"job_id": made["job_id"]})
            seen.append((result.content[0].text, result.structured_content))  # type: ignore[union-attr]
        seen.append(await call(session, "download", job_id=made["job_id"], path="g13.mp4"))

    serve(isolated, sandbox, body)
    shown = json.dumps(seen)
    assert "_sandbox/files/" in shown and "X-Amz-Signature=" in shown, shown
    for secret in ("deadbeefg13signature", "G13SECRETTOKEN", "AKIAG13EXAMPLE"):
        assert secret not in shown, shown
    assert (isolated.tmp / "work" / "g13.mp4").stat().st_size > 0


def test_an_mcp_call_refused_for_an_api_creates_doubt_names_akool_api(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17f N10: the refusal said the create in doubt was "sent by akool talk, a product
    command or a library call" when `akool api` had sent it."""
    from mcp.client.session import ClientSession

    from tests.test_breakit17f import API_TALK, TALK_BODY
    from tests.test_mcp import refused, serve
    from tests.test_settle import lose_answer_once

    lose_answer_once(api_env, "create_job")
    invoke(API_TALK, input=json.dumps(TALK_BODY), expect=5)
    said: list[str] = []

    async def body(session: ClientSession) -> None:
        urls = {"image_url": TALK_BODY["talking_photo_url"], "audio_url": TALK_BODY["audio_url"]}
        said.append(await refused(session, "talk", **urls))

    serve(isolated, api_env, body)
    assert "unknown outcome" in said[0] and "akool api" in said[0], said
    assert len(api_env.state.jobs) == 1


def test_a_text_with_a_lone_surrogate_is_a_clear_tool_error(raw: RawServer) -> None:
    """JSON's own escape for half a character (`"\\udcff"`): valid JSON, but no text; it was
    refused as "not a JSON-RPC 2.0 request" (-32600), which it is."""
    arguments = '{"image_url": "https://example.com/s.jpg", "audio_url": "https://example.com/s.mp3", "name": "bad\\udcff"}'
    raw.send(
        '{"jsonrpc": "2.0", "id": "sur", "method": "tools/call", "params": '
        f'{{"name": "talk", "arguments": {arguments}}}}}'
    )
    refused = raw.answer("sur")["error"]
    assert refused["code"] == -32700 and "half a character" in refused["data"], refused

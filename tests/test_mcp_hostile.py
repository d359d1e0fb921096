"""`akool mcp` against a hostile client: garbage on stdin, huge arguments, paths that try to
leave --dir, the same call many times at once, every create tool with missing or invalid
fields, a budget passed mid-way. Each must be a protocol or tool error: never a crash, a file
outside the folder, or a billed job."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import anyio
from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.rawmcp import RawServer
from tests.support.runner import invoke
from tests.test_mcp import AUDIO, IMAGE, call, refused, serve

WRONG: dict[str, Any] = {  # a value of another JSON type than the schema's
    "string": 12345,
    "integer": "seven",
    "number": "many",
    "boolean": "yes",
    "object": "not an object",
    "array": "not an array",
}


def _nothing_billed(sandbox: Sandbox) -> None:
    assert sandbox.state.jobs == {}
    assert json.loads(invoke(["history", "--json"]).stdout) == []
    assert "unknown outcome" not in invoke(["status"], expect=None).stderr


def test_garbage_on_stdin_is_answered_or_ignored_and_the_server_goes_on(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        for line in (
            "this is not json",
            "{",
            "[]",
            "null",
            '{"jsonrpc": "2.0"}',
            '{"jsonrpc": "1.0", "id": "g1", "method": "initialize"}',
            '{"jsonrpc": "2.0", "id": {"a": 1}, "method": "tools/list"}',
            "\x00\x01\x02\xff",
            "[" * 10_000 + "]" * 10_000,
            '{"jsonrpc": "2.0", "id": "g2", "method": "' + "x" * 2_000_000 + '"}',
        ):
            server.send(line.encode("utf-8", "surrogateescape"))
        server.send(b"\xff\xfe not utf-8 \xc3")
        server.initialize()
        assert "error" in server.answer("g1") and "error" in server.answer("g2")
        bad_params: list[Any] = [None, "x", [], 7, {"name": 5}, {"name": "talk", "arguments": "x"}]
        for params in bad_params:
            message = {"jsonrpc": "2.0", "id": f"p{params!r}", "method": "tools/call"}
            server.send(json.dumps({**message, "params": params}))
            answer = server.answer(message["id"])  # every request gets an answer
            assert "error" in answer or answer["result"]["isError"], answer
        assert "params must be an object" in server.answer("p'x'")["error"]["data"]
        server.send('{"jsonrpc": "1.0", "id": "old", "method": "tools/list"}')
        assert 'jsonrpc must be "2.0"' in server.answer("old")["error"]["data"]
        server.send('{"jsonrpc": "2.0", "id": 77, "method": 5}')
        assert "method must be a string" in server.answer(77)["error"]["data"]
        assert "error" in server.answer(server.request("no/such/method", {}))
        listed = server.answer(server.request("tools/list", {}))["result"]["tools"]
        assert {"talk", "wait", "download"} <= {t["name"] for t in listed}
        credit = server.answer(server.call("credit", {}))["result"]
        assert not credit["isError"] and credit["structuredContent"]["credit"] == 1234.5
        assert server.proc.poll() is None
        server.close_stdin()
        assert server.wait() == 0
    finally:
        server.kill()
    assert "Traceback" not in server.stderr(), server.stderr()
    for line in server.other:  # stdout carried JSON-RPC and nothing else
        json.loads(line)
    _nothing_billed(api_env)


def test_every_create_tool_with_missing_or_invalid_fields_is_a_tool_error_never_a_job(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    seen: list[str] = []

    async def body(session: ClientSession) -> None:
        tools = [
            t for t in (await session.list_tools()).tools if "Spends AKOOL" in (t.description or "")
        ]
        assert len(tools) >= 19
        for tool in tools:
            schema = tool.input_schema
            properties: dict[str, Any] = schema["properties"]
            required = schema.get("required", [])
            attempts: list[dict[str, Any]] = [{"no_such_field": 1}]
            if required:
                attempts.append({})
            for name, prop in properties.items():
                attempts.append({name: WRONG[prop["type"]]})
                if "enum" in prop:
                    attempts.append({name: "not-a-choice"})
                if "maximum" in prop:
                    attempts.append({name: prop["maximum"] + 1000})
            for field in ("image_url", "video_url", "audio_url", "url", "source_url"):
                if field in properties:
                    for bad in ("/etc/passwd", "file:///etc/passwd", "../secret.mp4", "~/x"):
                        attempts.append({field: bad})
            for arguments in attempts:
                result = await session.call_tool(tool.name, arguments)
                assert result.is_error, (tool.name, arguments, result.content)
                seen.append(tool.name)

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr and len(set(seen)) >= 19
    assert sandbox.state.jobs == {} and sandbox.state.speech == {}


def test_huge_arguments_are_refused_before_anything_is_sent(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    huge = "https://example.com/" + "a" * 1_000_000

    async def body(session: ClientSession) -> None:
        for arguments in (
            {"image_url": huge, "audio_url": AUDIO},
            {"image_url": IMAGE, "audio_url": AUDIO, "name": "n" * 1_000_000},
            {"image_url": IMAGE, "audio_url": AUDIO, "idempotency_key": "k" * 1_000_000},
            {"image_url": IMAGE, "audio_url": AUDIO, "prompt": "p" * 1_000_000},
        ):
            message = await refused(session, "talk", **arguments)
            assert "too long" in message and len(message) < 2000, message[:300]
        message = await refused(session, "wait", job_id="1" * 1_000_000)
        assert len(message) < 2000
        message = await refused(session, "download", job_id="a1", path="d/" * 500_000)
        assert len(message) < 2000
        # An unknown kind is refused (it listed nothing: break17k K5), in a short message.
        message = await refused(session, "history", limit=5, kind="k" * 10_000)
        assert "is not a kind of job akool makes" in message and len(message) < 2000

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr
    assert sandbox.state.jobs == {}


def test_a_message_past_4_mib_ends_the_session_cleanly_with_exit_2(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """One JSON-RPC message is at most 4 MiB (a line; docs/mcp.md): one just under it is
    answered, one over it closes the session as a closed stdin does, then exit 2 with one error
    (before, akool read a line without end until memory ran out)."""
    limit = 4 * 1024 * 1024
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        under = '{"jsonrpc": "2.0", "id": "big", "method": "%s"}'
        server.send(under % ("x" * (limit - len(under))))
        assert "error" in server.answer("big")
        server.send("y" * (limit + 1))
        assert server.wait() == 2, server.stderr()
    finally:
        server.kill()
    stderr = server.stderr()
    assert stderr.count("Error:") == 1 and "larger than 4 MiB" in stderr, stderr
    assert "Traceback" not in stderr
    runs = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)["runs"]
    assert [(r["kind"], r["outcome"]) for r in runs] == [("mcp", "closed")]


def test_no_path_like_argument_leaves_the_folder(isolated: Isolation, sandbox: Sandbox) -> None:
    folder = isolated.tmp / "work"
    folder.mkdir()
    outside = isolated.tmp / "outside"
    outside.mkdir()
    secret = outside / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    os.symlink(outside, folder / "escape")
    os.symlink(secret, folder / "innocent.png")
    relative_out = os.path.relpath(outside, folder)
    escapes = [
        "../x.mp4",
        "../../x.mp4",
        "a/../../x.mp4",
        "./../x.mp4",
        "a/b/../../../x.mp4",
        str(outside / "x.mp4"),
        "/etc/passwd",
        "//etc/passwd",
        "~/x.mp4",
        "~root/x.mp4",
        "escape/x.mp4",
        "escape/",
        "escape",
        f"{relative_out}/x.mp4",
        "..",
        "../",
    ]

    async def body(session: ClientSession) -> None:
        made = await call(session, "talk", image_url=IMAGE, audio_url=AUDIO)
        job_id = made["job_id"]
        isolated.clock.advance(10)
        await call(session, "wait", job_id=job_id)
        for path in escapes:
            message = await refused(session, "download", job_id=job_id, path=path)
            assert "outside the folder" in message, (path, message)
            message = await refused(session, "upload", path=path, role="image")
            assert "outside the folder" in message or "not" in message, (path, message)
        for tool, arguments in (("download", {"job_id": job_id}), ("upload", {"role": "image"})):
            message = await refused(session, tool, path="x\x00.mp4", **arguments)
            assert "has a NUL byte" in message and "outside" not in message, message
        # A link planted under the folder, named as the download would name the file: to a
        # file outside, or to nothing yet.
        (outside / "planted.mp4").write_bytes(b"keep me")
        os.symlink(outside / "planted.mp4", folder / f"{job_id}.mp4")
        message = await refused(session, "download", job_id=job_id)
        assert "outside the folder" in message
        (folder / f"{job_id}.mp4").unlink()
        os.symlink(outside / "dangling.mp4", folder / f"{job_id}.mp4")
        message = await refused(session, "download", job_id=job_id)
        assert "remove the link" in message or "outside the folder" in message
        message = await refused(session, "upload", path="innocent.png", role="image")
        assert "outside the folder" in message
        for bad_id in ("../../etc/passwd", "a/b", ".."):
            assert "not a job id" in await refused(session, "download", job_id=bad_id)
            assert "not a job id" in await refused(session, "status", job_id=bad_id)
            assert "not a job id" in await refused(session, "wait", job_id=bad_id)
        (folder / f"{job_id}.mp4").unlink()
        saved = await call(session, "download", job_id=job_id, path="in/side/")
        assert Path(saved["path"]).parent == folder / "in" / "side"

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr
    assert sorted(p.name for p in outside.iterdir()) == ["planted.mp4", "secret.png"]
    assert (outside / "planted.mp4").read_bytes() == b"keep me"
    assert not (isolated.tmp / "x.mp4").exists()


def test_the_same_call_many_times_at_once_makes_one_job(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    answers: list[dict[str, Any]] = []

    async def body(session: ClientSession) -> None:
        async def one(arguments: dict[str, Any]) -> None:
            answers.append(await call(session, "talk", **arguments))

        same = {"image_url": IMAGE, "audio_url": AUDIO}
        async with anyio.create_task_group() as group:
            for _ in range(8):
                group.start_soon(one, same)
            for n in range(8):  # one key, eight different argument sets: one job
                group.start_soon(one, {**same, "prompt": f"take {n}", "idempotency_key": "K"})

    serve(isolated, sandbox, body)
    assert len({a["job_id"] for a in answers}) == 2 and len(answers) == 16
    assert sorted(a["repeated_call"] for a in answers).count(False) == 2
    assert len(sandbox.state.jobs) == 2 and sandbox.state.stats()["duplicates"] == 0


def test_max_credits_passed_mid_way_by_calls_at_once_admits_only_what_fits(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    outcomes: list[tuple[bool, str]] = []

    async def body(session: ClientSession) -> None:
        async def one(n: int) -> None:
            result = await session.call_tool(
                "image2video", {"image_url": IMAGE, "prompt": f"move {n}"}
            )
            text = result.content[0].text  # type: ignore[union-attr]
            outcomes.append((bool(result.is_error), text))

        async with anyio.create_task_group() as group:
            for n in range(8):  # 20 credits each (documented): 50 admits two
                group.start_soon(one, n)
        isolated.clock.advance(10)
        for job_id in list(sandbox.state.jobs):
            await call(session, "wait", job_id=job_id)
        after = await refused(session, "image2video", image_url=IMAGE, prompt="one more")
        assert "40 credits spent" in after and "max_credits 50" in after

    stderr = serve(isolated, sandbox, body, "--max-credits", "50")
    assert "Traceback" not in stderr
    made = [text for error, text in outcomes if not error]
    refusals = [text for error, text in outcomes if error]
    assert len(made) == 2 and len(sandbox.state.jobs) == 2
    assert len(refusals) == 6 and all("max_credits 50" in t for t in refusals), refusals
    assert all("larger --max-credits" in t for t in refusals)


def test_numbers_out_of_range_or_not_finite_are_tool_errors_and_nothing_is_claimed(
    isolated: Isolation, api_env: Sandbox
) -> None:
    swap = {"image": IMAGE, "video": "https://example.com/clip.mp4"}
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        asked: dict[str, str] = {}
        for n, (tool, arguments) in enumerate(
            [
                ("charswap", swap | {"duration": "NaN"}),
                ("charswap", swap | {"duration": "Infinity"}),
                ("charswap", swap | {"duration": "-Infinity"}),
                ("history", {"limit": -5}),
                ("history", {"limit": 0}),
                ("history", {"limit": 10**12}),
            ]
        ):
            # NaN and Infinity as Python's json writes them (not JSON, but parsers take them).
            raw = json.dumps(arguments).replace('"NaN"', "NaN")
            raw = raw.replace('"-Infinity"', "-Infinity").replace('"Infinity"', "Infinity")
            params = f'{{"name": "{tool}", "arguments": {raw}}}'
            server.send(
                f'{{"jsonrpc": "2.0", "id": "n{n}", "method": "tools/call", "params": {params}}}'
            )
            asked[f"n{n}"] = tool
        for request_id in asked:
            result = server.answer(request_id)["result"]
            assert result["isError"], (request_id, result)
            text = result["content"][0]["text"]
            assert "finite" in text or "or more" in text or "or less" in text, text
        server.close_stdin()
        assert server.wait() == 0
    finally:
        server.kill()
    assert "Traceback" not in server.stderr(), server.stderr()
    _nothing_billed(api_env)


def test_a_batch_cell_that_is_not_a_finite_number_is_a_row_problem() -> None:
    import pytest

    from akool_cli.core import products
    from akool_cli.core.errors import UsageError

    swap = {"image": IMAGE, "video": "https://example.com/clip.mp4"}
    for cell in ("nan", "inf", "-inf", "NaN"):
        with pytest.raises(UsageError, match="duration must be a finite number"):
            products.CHARACTER_SWAP.build({**swap, "duration": cell})


def test_a_request_nested_too_deeply_to_parse_is_answered_by_its_id(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17d L6: a request nested ~1000 deep or more got no answer at all (the client waited
    for its id until its own timeout); it is answered with an error naming the problem."""
    deep = "[" * 100_000 + "]" * 100_000
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        server.send(
            '{"jsonrpc": "2.0", "id": "deep", "method": "tools/call", "params": {"name": '
            f'"credit", "arguments": {{"x": {deep}}}}}}}'
        )
        assert "nested too deeply" in server.answer("deep")["error"]["data"]
        credit = server.answer(server.call("credit", {}))["result"]
        assert not credit["isError"]
        server.close_stdin()
        assert server.wait() == 0
    finally:
        server.kill()
    assert "Traceback" not in server.stderr(), server.stderr()
    _nothing_billed(api_env)

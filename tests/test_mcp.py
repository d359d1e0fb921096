"""`akool mcp` driven by the MCP SDK's own client over stdio, against the sandbox: tools from the
job kinds, create, wait with progress, download inside --dir only, retries that never bill twice,
the budget, the ledger."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.shared.exceptions import MCPError

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.waiting import wait_for

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
VIDEO = "https://example.com/clip.mp4"

Body = Callable[[ClientSession], Awaitable[None]]


def serve(isolated: Isolation, sandbox: Sandbox, body: Body, *extra: str, **environ: str) -> str:
    """Start `akool mcp` as a client would, run `body` with a session; return its stderr.
    `environ`: more of the server's environment (AKOOL_API_KEY=... another key)."""
    folder = isolated.tmp / "work"
    folder.mkdir(exist_ok=True)
    env = process_env(isolated.home, sandbox.base_url, **environ)
    args = ["mcp", "--dir", str(folder), "--wait-ceiling", "1", "--poll", "0.1", *extra]
    params = StdioServerParameters(command=AKOOL, args=args, env=env, cwd=str(isolated.tmp))
    errlog = isolated.tmp / "mcp-stderr.txt"

    async def main() -> None:
        async with (
            stdio_client(params, errlog=err) as (read, write),
            ClientSession(read, write, read_timeout_seconds=60) as session,
        ):
            await session.initialize()
            await body(session)

    with errlog.open("w") as err:
        anyio.run(main)
    return errlog.read_text()


async def call(session: ClientSession, tool: str, **arguments: Any) -> dict[str, Any]:
    result = await session.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return dict(result.structured_content)


async def refused(session: ClientSession, tool: str, **arguments: Any) -> str:
    result = await session.call_tool(tool, arguments)
    assert result.is_error
    text: str = result.content[0].text  # type: ignore[union-attr]
    return text


def test_create_wait_with_progress_and_download_inside_the_folder_only(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    folder = isolated.tmp / "work"
    outside = isolated.tmp / "outside"
    outside.mkdir()
    seen: dict[str, Any] = {}

    async def body(session: ClientSession) -> None:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert {"talk", "lipsync", "image2video", "text2video"} <= set(tools)
        assert {"wait", "status", "download", "upload", "credit", "history"} <= set(tools)
        for name in ("talk", "lipsync", "image2video", "text2video"):
            assert "Spends AKOOL credits" in (tools[name].description or "")
        for name in ("wait", "status", "download", "credit", "history"):
            assert "credits (billed)" not in (tools[name].description or "")
        schema = tools["image2video"].input_schema
        assert schema["properties"]["resolution"]["enum"] == ["720p", "1080p", "4k"]
        assert "image_url" in schema["required"] and "idempotency_key" in schema["properties"]

        made = await call(session, "talk", image_url=IMAGE, audio_url=AUDIO)
        job_id = made["job_id"]
        notes: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            notes.append((progress, total, message))

        async def wait() -> dict[str, Any]:
            result = await session.call_tool(
                "wait", {"job_id": job_id}, progress_callback=on_progress
            )
            assert not result.is_error and result.structured_content is not None
            return dict(result.structured_content)

        first = await wait()  # the sandbox's job takes 6 s of its clock: not done within 1 s
        assert first["finished"] is False and "call wait again" in first["message"]
        await anyio.sleep(0.05)
        assert notes and all(total == 1 for _, total, _ in notes)
        assert all(job_id in (message or "") for _, _, message in notes)
        isolated.clock.advance(10)
        done = await wait()
        assert done["finished"] is True and done["state"] == "done" and done["expires_at"]

        saved = await call(session, "download", job_id=job_id)
        assert Path(saved["path"]) == folder / f"{job_id}.mp4"
        assert Path(saved["path"]).read_bytes()[4:8] == b"ftyp"
        nested = await call(session, "download", job_id=job_id, path="videos/")
        assert Path(nested["path"]) == folder / "videos" / f"{job_id}.mp4"
        os.symlink(outside, folder / "escape")
        for path in ("../stolen.mp4", str(outside / "x.mp4"), "escape/x.mp4", "~/x.mp4"):
            message = await refused(session, "download", job_id=job_id, path=path)
            assert "outside the folder" in message, message
        assert list(outside.iterdir()) == []

        status = await call(session, "status", job_id=job_id)
        assert status["saved"] is True and status["cost"]["deduction_duration"] == 10
        assert (await call(session, "credit"))["credit"] == 1234.5 - 10
        history = await call(session, "history")
        assert [job["id"] for job in history["jobs"]] == [job_id]
        assert "not an argument" in await refused(session, "talk", image=IMAGE)
        assert "is required" in await refused(session, "wait")
        seen["job"] = job_id

    stderr = serve(isolated, sandbox, body)
    assert "Traceback" not in stderr, stderr
    assert len(sandbox.state.jobs) == 1


def test_a_retried_create_never_makes_a_second_job(isolated: Isolation, sandbox: Sandbox) -> None:
    async def body(session: ClientSession) -> None:
        first = await call(session, "talk", image_url=IMAGE, audio_url=AUDIO)
        again = await call(session, "talk", image_url=IMAGE, audio_url=AUDIO)
        assert again["job_id"] == first["job_id"] and again["repeated_call"] is True
        # A client that gives up waiting (its timeout) and sends the same call again: the
        # first create is still on its way (a slow answer) when the retry arrives.
        sandbox.state.inject("slow")
        arguments = {"video_url": VIDEO, "audio_url": AUDIO}
        with pytest.raises(MCPError):
            await session.call_tool("lipsync", arguments, read_timeout_seconds=0.1)
        retried = await call(session, "lipsync", **arguments)
        lipsyncs = [j for j in sandbox.state.jobs.values() if j.kind == "lipsync"]
        assert [j.id for j in lipsyncs] == [retried["job_id"]]
        # The caller's own key: one job per key, whatever the arguments.
        keyed = await call(
            session, "talk", image_url=IMAGE + "?v=2", audio_url=AUDIO, idempotency_key="a"
        )
        other = await call(
            session, "talk", image_url=VIDEO + ".jpg", audio_url=AUDIO, idempotency_key="a"
        )
        assert keyed["job_id"] == other["job_id"] != first["job_id"]
        history = await call(session, "history", limit=2, kind="talking_photo")
        assert [job["id"] for job in history["jobs"]] == [keyed["job_id"], first["job_id"]]

    serve(isolated, sandbox, body)
    assert len(sandbox.state.jobs) == 3
    assert sandbox.state.stats()["duplicates"] == 0


def test_max_credits_stops_new_jobs_and_the_session_is_in_the_ledger(
    isolated: Isolation, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def body(session: ClientSession) -> None:
        one = await call(session, "image2video", image_url=IMAGE, prompt="zoom")  # 20, documented
        message = await refused(session, "image2video", image_url=IMAGE, prompt="pan")
        assert "max_credits 30" in message and "documented" in message
        isolated.clock.advance(10)
        await call(session, "wait", job_id=one["job_id"])
        message = await refused(session, "image2video", image_url=IMAGE, prompt="tilt")
        assert "20 credits spent" in message

    serve(isolated, sandbox, body, "--max-credits", "30")
    assert len(sandbox.state.jobs) == 1
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    spend = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)
    assert spend["groups"][0]["group"].startswith("mcp ") and spend["total"]["credits"] == 20
    assert spend["runs"][0]["max_credits"] == 30


def test_every_product_has_a_create_tool_that_says_it_spends_credits() -> None:
    from akool_cli.core import products
    from akool_cli.mcpserver.tools import tool_name, tool_specs

    specs = {spec.name: spec for spec in tool_specs()}
    # MCP's tool names: letters, digits, _ and - (the spec's SHOULD; clients reject others).
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name) for name in specs), sorted(specs)
    assert {"faceswap_plus", "reage_video", "voice_clone", "avatars_add"} <= set(specs)
    for product in products.PRODUCTS.values():
        spec = specs[tool_name(product.kind)]
        assert spec.billing and "Spends AKOOL credits" in spec.description
        schema = spec.input_schema
        assert set(schema["required"]) <= set(schema["properties"]), spec.name
        # Head swap's mappings are made by akool from the faces and AKOOL's analysis.
        params = {p.name for p in product.params} - {"mappings"}
        assert params <= set(schema["properties"]), spec.name
    assert not any(spec.billing for spec in specs.values() if spec.kind is None)


def test_upload_puts_a_file_under_the_folder_in_the_users_bucket(
    isolated: Isolation, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3
    from moto.server import ThreadedMotoServer

    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name in [n for n in os.environ if n.startswith("AWS_")]:
        monkeypatch.delenv(name)
    # The child's environment is built from this process's (tests/support/runner.py).
    aws = {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "AKIAMCPTESTKEY000001",
        "AWS_SECRET_ACCESS_KEY": "mcp-test-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(isolated.tmp / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(isolated.tmp / "aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    for name, value in aws.items():
        monkeypatch.setenv(name, value)
    bucket = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    bucket.create_bucket(Bucket="agents")
    folder = isolated.tmp / "work"
    folder.mkdir()
    portrait = Path(__file__).resolve().parent.parent / "demo" / "portrait.png"
    (folder / "me.png").write_bytes(portrait.read_bytes())
    (isolated.tmp / "secret.png").write_bytes(portrait.read_bytes())

    async def body(session: ClientSession) -> None:
        uploaded = await call(session, "upload", path="me.png", role="image")
        assert uploaded["url"].startswith(f"{endpoint}/agents/inputs/")
        message = await refused(session, "upload", path="../secret.png", role="image")
        assert "outside the folder" in message
        made = await call(session, "talk", image_url=uploaded["url"], audio_url=AUDIO)
        assert made["job_id"] in sandbox.state.jobs

    try:
        serve(isolated, sandbox, body, "--upload-to", "s3://agents/inputs/")
        # One object: the file beside the folder was never read.
        assert len(bucket.list_objects_v2(Bucket="agents")["Contents"]) == 1
    finally:
        moto.stop()


def test_status_warns_about_a_result_near_deletion_never_downloaded(
    isolated: Isolation, api_env: Sandbox
) -> None:
    from akool_cli.client import Client
    from akool_cli.mcpserver.tools import Session, Settings, tool_specs

    talk = next(spec for spec in tool_specs() if spec.name == "talk")
    with Client() as client:
        session = Session(client, Settings(isolated.tmp))
        session.start()
        made = session.create(talk, {"image_url": IMAGE, "audio_url": AUDIO})
        isolated.clock.advance(10)
        assert "warning" not in session.status(made["job_id"])
        isolated.clock.advance(6.6 * 86400)  # a day before AKOOL deletes it
        assert "call download now" in session.status(made["job_id"])["warning"]
        session.download(made["job_id"], None)
        assert "warning" not in session.status(made["job_id"])


def test_the_headswap_tool_takes_faces_and_asks_for_the_analysis_first(
    isolated: Isolation, api_env: Sandbox
) -> None:
    from akool_cli.client import Client
    from akool_cli.core.errors import UsageError
    from akool_cli.mcpserver.tools import Session, Settings, check_arguments, tool_specs

    spec = next(spec for spec in tool_specs() if spec.name == "headswap")
    assert "faces" in spec.input_schema["required"]
    assert "mappings" not in spec.input_schema["properties"]  # AKOOL's, filled by akool
    faces = ["https://example.com/anna.jpg", "https://example.com/ben.jpg"]
    arguments = {"video_url": "https://example.com/twopeople.mp4", "faces": faces}
    check_arguments(spec, arguments)
    for bad in ({**arguments, "faces": []}, {**arguments, "faces": faces * 3}):
        with pytest.raises(UsageError, match="faces must have 1 to 5 items"):
            check_arguments(spec, bad)
    with Client() as client:
        session = Session(client, Settings(isolated.tmp))
        session.start()
        with pytest.raises(UsageError, match="faces must be http"):
            session.create(spec, {**arguments, "faces": ["/etc/passwd"]})
        made = session.create(spec, arguments)  # answered once AKOOL took the analysis
        assert made["state"] == "analysing" and made["job_id"] in api_env.state.analyses
        wait_for(lambda: session.status(made["job_id"])["state"] != "analysing")
        again = session.create(spec, arguments)
        assert again["job_id"] == made["job_id"] and again["repeated_call"] is True
        job_id = session.job_of(made["job_id"])
        session.close()
    [job] = [j for j in api_env.state.jobs.values() if j.kind == "head_swap"]
    assert job.id == job_id and len(api_env.state.analyses) == 1  # not asked again

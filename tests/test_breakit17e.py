"""Issue 17's break-it run 17e (helper promises15): a full disk while a download writes its part
file's version blames the output folder and leaves nothing (P1), a range answer that never says
the file's size cannot grow a part file run after run (P2), a host name no HTTP client can send is
bad input everywhere a URL is taken (P3), a stop while another process holds the history's lock
names the create in doubt (P4), and three wordings (the MCP error code of an unreadable request,
a lock is no full disk, a host that names its version).

Each test fails on akool before its fix."""

from __future__ import annotations

import errno
import io
import signal
import subprocess
from collections.abc import Iterator

import pytest

import akool_cli.jobs.partfile
from akool_cli.core.clock import FakeClock, SystemClock
from akool_cli.core.errors import UnavailableError
from akool_cli.jobs.download import download
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport, TransportError
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.media import sample_mp4
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.config import JOURNAL_FILE
from tests.conftest import Isolation
from tests.support.hostile import Answerer, raw_server
from tests.support.rawmcp import RawServer
from tests.support.runner import AKOOL, exit_report, invoke, process_env
from tests.support.sandboxes import pointed_at
from tests.support.servers import cut_mp4_host, partial_head
from tests.support.waiting import wait_for
from tests.test_settle_kinds import made_elsewhere
from tests.test_sigterm_create import STALL_SECONDS, Stall
from tests.test_sigterm_history_lock import lock_held

E = "https://example.com"


# -- P1: a full disk while the part file's version is written ------------------------------------


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_writing_the_part_files_version_names_the_folder_and_leaves_nothing(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17e P1: the `.part.json` (the file's ETag, written before any byte of the video) hit
    the full disk first: exit 1 "check where stdout goes", and a 0-byte `.part.json` left."""
    job = made_elsewhere(isolated, monkeypatch, ["talk", f"{E}/p.jpg", f"{E}/s.mp3"])
    isolated.clock.advance(60)  # done on AKOOL

    real_open = open

    def open_on_full_disk(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if isinstance(file, int) and "w" in mode:  # the part file's version: created, then full
            real_open(file, mode, *args, **kwargs).close()  # type: ignore[call-overload]
            return _FullDisk()
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(akool_cli.jobs.partfile, "open", open_on_full_disk, raising=False)
    out = isolated.tmp / "out"
    failed = invoke(["watch", job, "-o", f"{out}/"], expect=1)
    said = " ".join(failed.stderr.split())
    assert f"the disk is full while writing {out}" in said, failed.stderr
    assert "free some space" in said and "stdout" not in said
    assert list(out.iterdir()) == []  # no .part, no .part.json
    monkeypatch.delattr(akool_cli.jobs.partfile, "open")  # space again: the same command saves it
    invoke(["watch", job, "-o", f"{out}/"])
    assert [p.name for p in out.iterdir()] == [f"{job}.mp4"]


# -- P2: a range answered without the file's size ---------------------------------------------

MORE = 64 * 1024  # bytes each 206 claims (100 MB in the break-it run), half of them sent


def never_sized(whole: bytes, requests: list[str]) -> Answerer:
    """The break-it host: the file close-delimited with an ETag; every `Range: bytes=OFF-` a 206
    of `bytes OFF-(OFF+MORE-1)/*` (no size: "unknown"), cut halfway."""
    return cut_mp4_host(
        whole,
        requests,
        ranges=lambda start: partial_head(start, start + MORE - 1, "*", MORE) + bytes(MORE // 2),
    )


def test_a_range_answered_without_the_files_size_never_grows_a_part_file_run_after_run(
    isolated: Isolation,
) -> None:
    """break17e P2: each run appended what the host sent for 20 credited cuts (2.4 GB), kept it
    with "it resumes where it stopped", and the next run appended as much again."""
    folder = isolated.tmp / "out"
    folder.mkdir()
    for _run in range(2):
        requests: list[str] = []
        with (
            raw_server(never_sized(sample_mp4(), requests), read_request=False) as url,
            Transport() as transport,
            pytest.raises(UnavailableError) as caught,
        ):
            download(transport, url, folder / "v.mp4", clock=FakeClock(), retry=RetryPolicy(3))
        error = caught.value
        assert error.exit_code == 5 and "without the file's size" in error.message, error
        assert error.hint is not None and "resumes" not in error.hint
        # Started over once, then stopped: two plain GETs and their two probes.
        assert len(requests) <= 4, len(requests)
        assert list(folder.iterdir()) == []  # nothing kept to resume (nor to grow)


# -- P3: a host name no HTTP client can send --------------------------------------------------

WIDE = "https://\uff4fpenapi.akool.com"  # a full-width "o": IDNA 2008 refuses it
WIDE_IMAGE = "https://\uff45xample.com/a.jpg"
SNOWMAN_HOOK = "https://\u2603.net/hook"  # a symbol: no internationalized name may hold it


def test_a_host_name_idna_refuses_is_bad_input_wherever_a_url_is_taken(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17e P3: exit 1 "unexpected InvalidURL … report it" (or, with --no-check, the create
    sent with a URL that cannot be fetched); now exit 2, one line naming the URL and its plain
    spelling, nothing sent."""
    talk = ["talk", f"{E}/p.jpg", f"{E}/s.mp3"]
    image = isolated.tmp / "p.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    monkeypatch.delenv("AKOOL_NO_CHECK")  # the input URLs are checked: it met InvalidURL
    refused = [invoke(["talk", WIDE_IMAGE, f"{E}/s.mp3"], expect=2)]
    monkeypatch.setenv("AKOOL_NO_CHECK", "1")
    refused += [
        invoke(["--base-url", WIDE, "credit"], expect=2),
        invoke([*talk, "--webhook-url", SNOWMAN_HOOK], expect=2),
        invoke(["config", "set", "base-url", WIDE], expect=2),
    ]
    monkeypatch.setenv("AKOOL_BASE_URL", WIDE)
    refused.append(invoke(["login"], input=SANDBOX_API_KEY, expect=2))
    monkeypatch.setenv("AKOOL_BASE_URL", api_env.base_url)
    for name, value in (("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "s")):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://\uff4cocalhost:9000")
    upload = ["talk", str(image), f"{E}/s.mp3", "--upload-to", "s3://bucket/akool/"]
    refused.append(invoke(upload, expect=2))
    for failed in refused:
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 2 and "has no valid host name" in lines[0], failed.stderr
        assert lines[1].startswith("Hint: check the host in plain characters"), failed.stderr
    assert "written plainly it is example.com" in refused[0].stderr
    assert "written plainly it is openapi.akool.com" in refused[1].stderr
    assert not [r for r in api_env.state.received if "create" in r.path]  # nothing billed


def test_the_transport_never_lets_an_unsendable_url_out_as_a_bug() -> None:
    """A URL a server gives (a result, a status's file) is not the user's to fix: it meets the
    transport's one URL failure (never sent, no retry helps), not InvalidURL's "report it"."""
    with Transport() as transport:
        with pytest.raises(TransportError) as caught:
            transport.send("GET", WIDE + "/x")
        assert caught.value.kind == "url" and caught.value.sent is False
        assert caught.value.permanent and "Invalid IDNA hostname" in str(caught.value)
        with pytest.raises(TransportError), transport.stream(SNOWMAN_HOOK):
            pass


# -- P4 and a nit: a stop while another process holds the history's lock ----------------------

TALK = ["talk", f"{E}/lock.jpg", f"{E}/lock.mp3"]


@pytest.fixture
def live_sandbox(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with pointed_at(SandboxConfig(processing_seconds=0.2), SystemClock(), monkeypatch) as server:
        yield server


def stopped_under_lock(
    isolated: Isolation, server: Sandbox, *, answered: bool, expect: int = 143
) -> str:
    """`akool talk` whose create the server holds; another process takes the history's write
    lock meanwhile; the server answers (or not), then SIGTERM: akool's stderr."""
    invoke(["history"])  # the history exists, as after any earlier run
    stall = Stall(server, "create_job")
    env = process_env(isolated.home, server.base_url)
    process = subprocess.Popen(
        [AKOOL, *TALK], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for(lambda: stall.arrived.is_set() or process.poll() is not None, seconds=60)
        assert stall.arrived.is_set(), process.communicate()
        with lock_held(isolated.home / JOURNAL_FILE):
            if answered:
                stall.release.set()
                wait_for(stall.answered.is_set)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=STALL_SECONDS / 2)
    finally:
        stall.release.set()
        process.kill()
        process.wait()
    assert process.returncode == expect, exit_report(process.returncode, stderr)
    return " ".join(stderr.split())


def test_a_stop_while_the_history_is_locked_names_the_create_in_doubt_and_its_settle(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    """break17e P4: stderr said only "stopped while waiting for the job history's lock … run the
    same command again to go on": not that a create was sent and its outcome is unknown."""
    said = stopped_under_lock(isolated, live_sandbox, answered=False)
    assert "stopped while waiting for AKOOL's answer to a create (attempt 1)" in said, said
    assert "whether it made a job is unknown" in said and "not recorded as such" in said
    assert "akool settle 1 --created JOB_ID" in said, said
    # The lock let go: the same command sends nothing again, and names the same settle.
    refused = invoke(TALK, expect=5)
    assert "akool settle 1 --created JOB_ID" in " ".join(refused.stderr.split())


def test_a_job_made_while_the_history_is_locked_is_recorded_once_the_lock_is_let_go(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    """The break17e nit: the answered create's id is printed with its settle command, whose
    hint said "once there is space" for a lock another process held."""
    said = stopped_under_lock(isolated, live_sandbox, answered=True, expect=10)
    [job] = live_sandbox.state.jobs
    assert (
        f"once the other process holding the history lets go of it, record it: akool settle 1 --created {job}"
        in said
    ), said
    assert "once there is space" not in said
    invoke(["settle", "1", "--created", job])  # the lock let go: the command it names works
    assert invoke(["history", "--json"]).stdout.count(job) >= 1


# -- The MCP nit: JSON-RPC's own code for a request the server cannot take ---------------------


def test_an_unreadable_mcp_request_gets_json_rpcs_parse_or_invalid_request_error(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17e (L6's nit): answered -32601 "Method not found", which tells a client the method
    does not exist; JSON-RPC 2.0 says -32700 (parse error) and -32600 (invalid request)."""
    deep = "[" * 100_000 + "]" * 100_000
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.send('{"jsonrpc": "1.0", "id": "early", "method": "tools/list"}')  # before init
        early = server.answer("early")["error"]
        assert (early["code"], early["message"]) == (-32600, "Invalid Request"), early
        server.initialize()
        server.send(f'{{"jsonrpc": "2.0", "id": "deep", "method": "tools/call", "x": {deep}}}')
        server.send('{"jsonrpc": "2.0", "id": 77, "method": 5}')
        deep_error, method_error = server.answer("deep")["error"], server.answer(77)["error"]
        assert (deep_error["code"], deep_error["message"]) == (-32700, "Parse error")
        assert "nested too deeply" in deep_error["data"]
        assert method_error["code"] == -32600 and "method must be a string" in method_error["data"]
        assert server.answer(server.request("no/such/method", {}))["error"]["code"] == -32601
        server.close_stdin()
        assert server.wait() == 0
    finally:
        server.kill()
    assert "Traceback" not in server.stderr(), server.stderr()


# -- The download nit: a host that names its version is not said to name none ------------------


def wrong_offset(whole: bytes, requests: list[str]) -> Answerer:
    """The file with an ETag, close-delimited and cut short; every range answered from byte 0."""
    return cut_mp4_host(
        whole,
        requests,
        sent=len(whole) // 2,
        ranges=lambda start: partial_head(0, len(whole) - 1, len(whole), len(whole)) + whole,
    )


def test_a_resume_at_the_wrong_offset_is_not_blamed_on_a_missing_version(
    isolated: Isolation,
) -> None:
    """break17e nit: the hint said "the server names no version of the file (ETag or
    Last-Modified) to resume by" to a server that sent `ETag: "v17"`."""
    requests: list[str] = []
    with (
        raw_server(wrong_offset(sample_mp4(), requests), read_request=False) as url,
        Transport() as transport,
        pytest.raises(UnavailableError) as caught,
    ):
        download(transport, url, isolated.tmp / "v.mp4", clock=FakeClock(), retry=RetryPolicy(3))
    error = caught.value
    assert "resumed at the wrong offset" in error.message, error
    assert any("if-range" in r.lower() for r in requests)  # the version was sent back
    assert error.hint is not None and "names no version" not in error.hint, error.hint
    assert "starts over" in error.hint

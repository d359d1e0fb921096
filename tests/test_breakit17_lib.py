"""Issue 17's break-it runs 17g and 17f, helper lib17's part: the library's Client closed while
another thread uses it (G7), the process-wide umask (G11), a relative home (G12), proxies and a
loopback base URL (F16), a Client across a fork (F19).

Each test fails on akool before its fix."""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import akool_cli
from akool_cli.core import clock as clock_module
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_sigterm_create import Stall

E = "https://example.com"


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    clock_module.set_current(SystemClock())
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def _closed(client: akool_cli.Client) -> bool:
    try:
        client.jobs(limit=1)
    except akool_cli.UsageError:
        return True
    return False


def test_a_client_closed_while_another_thread_creates_records_the_job(
    live_sandbox: Sandbox,
) -> None:
    """break17g G7: the with-block's close() closed the history under the create in flight:
    LocalStateError with job_id None ("check that folder"), the billed job's id lost."""
    stall = Stall(live_sandbox, "create_job")
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url)
    result: dict[str, Any] = {}

    def make() -> None:
        try:
            result["job"] = client.lipsync(f"{E}/clip.mp4?g7", f"{E}/speech.mp3")
        except Exception as exc:  # reported by the assertion below
            result["job"] = exc

    maker = threading.Thread(target=make)
    maker.start()
    wait_for(stall.arrived.is_set)  # the create is on its way
    closer = threading.Thread(target=client.close)
    closer.start()
    wait_for(lambda: _closed(client))  # a call that starts now is refused
    stall.release.set()
    maker.join(60)
    closer.join(60)
    job = result["job"]
    assert isinstance(job, akool_cli.Job), job
    assert [j.id for j in live_sandbox.state.jobs.values()] == [job.id]
    with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url) as again:
        assert [j.id for j in again.jobs()] == [job.id]
        assert again.unsettled() == []
    with pytest.raises(akool_cli.UsageError, match="closed"):
        client.lipsync(f"{E}/clip.mp4?g7b", f"{E}/speech.mp3")


def test_a_history_held_after_its_client_closed_says_so(live_sandbox: Sandbox) -> None:
    """break17g G7 addendum: the API client or history a thread still held after close() raised
    httpx's RuntimeError / "check that folder (free space, permissions)"."""
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url)
    api, journal = client.api, client.journal
    client.close()
    with pytest.raises(akool_cli.UsageError, match="Client is closed"):
        api.credit()
    with pytest.raises(akool_cli.UsageError, match="Client is closed"):
        journal.recent(1)


def test_opening_the_history_leaves_the_process_umask_alone(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G11: the history was opened under os.umask(0o077), the whole process's: a file
    the host program's other thread created meanwhile came out 0600 (and two threads opening at
    once left the umask at 077 for good)."""
    import sqlite3

    theirs = isolated.tmp / "their-upload.txt"
    connect = sqlite3.connect

    def meanwhile(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        theirs.write_text("the host program's file")  # what its other thread writes meanwhile
        made: sqlite3.Connection = connect(*args, **kwargs)
        return made

    monkeypatch.setattr(sqlite3, "connect", meanwhile)
    previous = os.umask(0o022)
    try:
        with akool_cli.Client(SANDBOX_API_KEY, base_url="http://127.0.0.1:9") as client:
            client.jobs(limit=1)
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(previous)
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o644
    history = isolated.home / "jobs.sqlite3"
    for path in (history, *history.parent.glob("jobs.sqlite3-*")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_the_history_is_private_under_an_open_umask(isolated: Isolation) -> None:
    """G11's fix keeps the history and its -wal and -shm 0600 with a umask of 0."""
    previous = os.umask(0)
    try:
        with akool_cli.Client(SANDBOX_API_KEY, base_url="http://127.0.0.1:9") as client:
            client.jobs(limit=1)
            history = isolated.home / "jobs.sqlite3"
            files = [history, *history.parent.glob("jobs.sqlite3-*")]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
    finally:
        os.umask(previous)
    assert len(modes) == 3 and set(modes.values()) == {0o600}, modes


def test_a_relative_home_stays_where_it_was_when_the_program_changes_folder(
    live_sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G12: Client(home="state") then os.chdir(): the history stayed in the first
    folder, but the owner lock of the create went to <new folder>/state/owners, where no other
    akool looks for it."""
    first, second = isolated.tmp / "relA", isolated.tmp / "relB"
    first.mkdir()
    second.mkdir()
    monkeypatch.chdir(first)
    with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url, home="state") as client:
        client.jobs(limit=1)
        monkeypatch.chdir(second)
        job = client.lipsync(f"{E}/clip.mp4?g12", f"{E}/speech.mp3")
    assert not (second / "state").exists()
    assert (first / "state" / "owners").is_dir()
    with akool_cli.Client(
        SANDBOX_API_KEY, base_url=live_sandbox.base_url, home=first / "state"
    ) as again:
        assert [j.id for j in again.jobs()] == [job.id]


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
def test_a_loopback_base_url_never_goes_through_a_proxy(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """break17f F16: with HTTP_PROXY (or ALL_PROXY) set, requests to a plain-http sandbox on this
    machine went to the proxy, the API key in clear text with them."""
    proxy = socket.socket()
    proxy.bind(("127.0.0.1", 0))
    proxy.listen(8)  # connections wait in its backlog: none may arrive
    monkeypatch.delenv("NO_PROXY")
    monkeypatch.setenv(variable, f"http://127.0.0.1:{proxy.getsockname()[1]}")
    monkeypatch.setenv("AKOOL_TIMEOUT", "0.5")  # the proxy never answers: fail soon before the fix
    with proxy:
        try:
            with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
                assert client.credit() >= 0
        finally:
            proxy.setblocking(False)
            with pytest.raises(BlockingIOError):
                proxy.accept()


def test_a_client_used_in_a_forked_child_opens_its_own_connections(
    live_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17f F19: a Client made in the parent and used in forked workers (multiprocessing's
    default on Linux) sent the child's requests on the parent's pooled connection: two
    processes' requests garbled on one socket (spurious unknown outcomes, 1003 rejects)."""
    connections: list[object] = []
    server = live_sandbox.server
    accept = server.finish_request

    def counted(request: Any, address: Any) -> None:
        connections.append(address)
        accept(request, address)

    monkeypatch.setattr(server, "finish_request", counted)
    with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url) as client:
        made = client.lipsync(f"{E}/clip.mp4?f19a", f"{E}/speech.mp3")  # its pool and history
        assert len(connections) == 1
        pid = os.fork()
        if pid == 0:  # the child: a job of its own, then gone without pytest's cleanup
            code = 1
            try:
                client.lipsync(f"{E}/clip.mp4?f19b", f"{E}/speech.mp3")
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert len(connections) == 2  # the child's own connection, not the parent's
        again = client.lipsync(f"{E}/clip.mp4?f19c", f"{E}/speech.mp3")  # the parent's works on
        jobs = {j.id for j in client.jobs()}
    assert len(jobs) == 3 and {made.id, again.id} < jobs
    assert client_unsettled(live_sandbox) == []


def client_unsettled(sandbox: Sandbox) -> list[Any]:
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        return client.unsettled()


def test_a_wait_that_times_out_does_not_wait_for_a_silent_status_read(
    live_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17g G9: wait(timeout=T) with AKOOL's status read silent returned T + ~5 s later:
    closing the watcher waited for the read in flight (until the join gave up)."""
    from akool_cli.core import workers

    # Threads are waited for however long they take: a read left running would hold it.
    monkeypatch.setattr(workers, "join", lambda thread, timeout=None: thread.join())
    with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url) as client:
        job = client.lipsync(f"{E}/clip.mp4?g9", f"{E}/speech.mp3")
        stall = Stall(live_sandbox, "status")  # its status read is never answered
        result: dict[str, Any] = {}

        def wait() -> None:
            try:
                client.wait(job.id, timeout=1, interval=1)
            except Exception as exc:  # reported by the assertion below
                result["error"] = exc
            result["held"] = not stall.answered.is_set()

        waiter = threading.Thread(target=wait)
        waiter.start()
        try:
            wait_for(lambda: "held" in result)
        finally:
            stall.release.set()
            waiter.join(60)
    assert isinstance(result["error"], akool_cli.WaitTimeoutError), result
    assert result["held"]

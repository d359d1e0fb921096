"""`webhook serve` under hostile clients (raw sockets), callbacks out of order or after a restart,
and the sandbox's callbacks that must never leave this machine."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from akool_cli.core import callbacks
from akool_cli.core.callbacks import Callback
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.notifier import loopback_address
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from akool_cli.store.journal import JobRecord, Journal
from akool_cli.webhooks.receiver import (
    MAX_HEADER_BYTES,
    EventRecorder,
    Handled,
    WebhookReceiver,
    download_into,
)
from tests.conftest import Isolation
from tests.support.hostile import MP4_HEAD, noting, raw_server, stalling
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.servers import Answer, scripted_server
from tests.support.waiting import wait_for

JOB = "64dd90f9f0b6684651e90d60"
VIDEO = "https://cdn.example.com/out.mp4"


@dataclass
class Hook:
    server: WebhookReceiver
    events: list[Callback] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def connect(self) -> socket.socket:
        host, port = self.server.httpd.server_address[:2]
        sock = socket.create_connection((str(host), port))
        sock.settimeout(30)  # only a guard against a hung test; the server answers at once
        return sock


def start_hook(**options: float) -> Hook:
    hook: Hook = Hook(server=None)  # type: ignore[arg-type]
    hook.server = WebhookReceiver(
        host="127.0.0.1",
        port=0,
        path="/hook",
        client_id=SANDBOX_CLIENT_ID,
        client_secret=SANDBOX_CLIENT_SECRET,
        on_event=hook.events.append,
        on_reject=lambda addr, why: hook.rejected.append(why),
        **options,  # type: ignore[arg-type]
    )
    hook.server.start()
    return hook


@pytest.fixture
def hook() -> Iterator[Hook]:
    started = start_hook()
    yield started
    started.server.stop()


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def exchange(hook: Hook, raw: bytes) -> bytes:
    with hook.connect() as sock:
        sock.sendall(raw)
        return read_all(sock)  # the server closes the connection after one answer


def sealed(status: int = 3) -> bytes:
    payload = {"_id": JOB, "status": status, "type": "talking photo", "url": VIDEO}
    body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "n")
    return json.dumps(body).encode()


def post(headers: str, body: bytes = b"") -> bytes:
    return f"POST /hook HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode() + body


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ("Content-Length: -1\r\n", 400),
        ("Content-Length: abc\r\n", 400),
        ("Content-Length: 1e3\r\n", 400),
        ("Content-Length: 10\r\nContent-Length: 20\r\n", 400),
        ("", 411),
        ("Content-Length: 2000000\r\n", 413),
        ("Transfer-Encoding: chunked\r\n", 411),
    ],
)
def test_bad_lengths_get_a_clean_answer(hook: Hook, headers: str, status: int) -> None:
    # Whatever follows the headers is never read as a body, nor parsed as another request.
    smuggled = b"5\r\nhello\r\n0\r\n\r\nGET /hook HTTP/1.1\r\nHost: x\r\n\r\n"
    answer = exchange(hook, post(headers, smuggled))
    assert answer.startswith(f"HTTP/1.1 {status} ".encode()), answer
    assert answer.count(b"HTTP/1.1") == 1 and b"Connection: close" in answer
    assert hook.events == [] and len(hook.rejected) == 1


def test_a_good_callback_still_works(hook: Hook) -> None:
    body = sealed()
    answer = exchange(hook, post(f"Content-Length: {len(body)}\r\n", body))
    assert answer.startswith(b"HTTP/1.1 200 ")
    deadline = time.monotonic() + 30
    while not hook.events and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [(e.id, e.status) for e in hook.events] == [(JOB, 3)]


def test_unfinished_headers_and_trickled_bodies_are_cut_off() -> None:
    hook = start_hook(connection_seconds=0.3, read_seconds=30)
    try:
        with hook.connect() as slow_headers:
            slow_headers.sendall(b"POST /hook HTTP/1.1\r\nHost: x\r\n")  # never finished
            assert read_all(slow_headers) == b""
        with hook.connect() as trickle:
            trickle.sendall(post("Content-Length: 100000\r\n"))
            trickle.settimeout(0.05)
            closed = False
            for _ in range(10_000):  # one byte per 50 ms: each read is quick, the whole is not
                try:
                    trickle.sendall(b"x")
                    closed = trickle.recv(100) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                if closed:
                    break
            assert closed
    finally:
        hook.server.stop()
    assert hook.events == []


def test_connections_beyond_the_limit_get_503_and_slots_come_back() -> None:
    hook = start_hook(max_connections=2)
    try:
        idle = [hook.connect() for _ in range(2)]  # accepted in order, before the third
        with hook.connect() as third:
            assert read_all(third).startswith(b"HTTP/1.1 503 ")
        for sock in idle:
            sock.close()
        body = sealed()
        for _ in range(10_000):
            answer = exchange(hook, post(f"Content-Length: {len(body)}\r\n", body))
            if not answer.startswith(b"HTTP/1.1 503 "):
                break
        assert answer.startswith(b"HTTP/1.1 200 ")
    finally:
        hook.server.stop()


# -- what events do to the history -----------------------------------------------------------


@pytest.fixture
def journal(isolated: Isolation) -> Iterator[Journal]:
    with Journal(isolated.home / "jobs.sqlite3") as opened:
        opened.record_created(None, JobRecord(id=JOB, created_at=1.0, updated_at=1.0))
        yield opened


def recorder(
    isolated: Isolation,
    handled: list[Handled],
    fetched: list[str],
    warned: list[str] | None = None,
) -> EventRecorder:
    def fetch(event: Callback, folder: Path) -> object:
        fetched.append(event.id)
        raise AssertionError("not reached without --download")

    return EventRecorder(
        isolated.home / "jobs.sqlite3",
        download_dir=None,
        fetch=fetch,
        emit=handled.append,
        warn=(warned.append if warned is not None else lambda line: None),
    )


def event(status: int, url: str = "") -> Callback:
    return Callback(id=JOB, status=status, type="talking photo", url=url, raw={})


def test_a_late_processing_callback_never_undoes_done(
    journal: Journal, isolated: Isolation
) -> None:
    handled: list[Handled] = []
    warned: list[str] = []
    handle = recorder(isolated, handled, [], warned)
    handle(event(3, VIDEO))
    handle(event(2))  # AKOOL's earlier callback, delivered late
    handle(event(4))  # a forged (the sandbox's keys are public) or stray "failed" after done
    handle(event(7))  # a number AKOOL does not document
    record = journal.get(JOB)
    assert record is not None and (record.video_status, record.video_url) == (3, VIDEO)
    # No event line says a state the history does not hold (break17k K4): one warning each.
    assert [h.state for h in handled] == ["done"]
    assert [w.split(": it says ")[1].split(",")[0] for w in warned] == [
        "processing (2)",
        "failed (4)",
        "unknown (7)",
    ]
    assert all("the history has it done" in w for w in warned)


def test_handled_callbacks_survive_a_restart(journal: Journal, isolated: Isolation) -> None:
    first: list[Handled] = []
    recorder(isolated, first, [])(event(2))
    again: list[Handled] = []
    restarted = recorder(isolated, again, [])  # a new process: nothing in memory
    restarted(event(2))  # AKOOL retrying: handled before the restart
    restarted(event(3, VIDEO))
    assert [h.status for h in first] == [2] and [h.status for h in again] == [3]
    record = journal.get(JOB)
    assert record is not None and (record.video_status, record.video_url) == (3, VIDEO)


def test_webhook_serve_answers_a_bad_length_without_a_traceback(isolated: Isolation) -> None:
    import re

    env = process_env(isolated.home, "http://127.0.0.1:9", AKOOL_CLIENT_ID=SANDBOX_CLIENT_ID)
    download = isolated.tmp / "not" / "yet"  # --download creates its folder
    serve = subprocess.Popen(
        [AKOOL, "webhook", "serve", "--port", "0", "--download", str(download)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert serve.stderr is not None
        url = re.search(r"http://([\d.]+):(\d+)", serve.stderr.readline())
        assert url is not None, serve.stderr.read()
        with socket.create_connection((url.group(1), int(url.group(2)))) as sock:
            sock.settimeout(30)
            sock.sendall(b"POST /akool/webhook HTTP/1.1\r\nContent-Length: abc\r\n\r\n")
            assert read_all(sock).startswith(b"HTTP/1.1 400 ")
    finally:
        serve.terminate()
        _, err = serve.communicate(timeout=30)
    assert "Traceback" not in err and "bad Content-Length 'abc'" in err
    assert download.is_dir()


# -- the sandbox calls only this machine ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8000/hook", "127.0.0.1"),
        ("http://127.8.9.10/hook", "127.8.9.10"),
        ("http://[::1]:8000/hook", "::1"),
        ("http://localhost:8000/hook", "127.0.0.1"),
        ("http://127.attacker.example/hook", None),
        ("http://127.0.0.1.nip.io/hook", None),
        ("http://10.0.0.1/hook", None),
        ("http://0.0.0.0:8000/hook", None),
        ("http://[::ffff:8.8.8.8]/hook", None),
        ("ftp://127.0.0.1/hook", None),
        ("http://127.0.0.1:99999/hook", None),
    ],
)
def test_only_loopback_addresses_are_called(url: str, allowed: str | None) -> None:
    assert loopback_address(url) == allowed


def first_callback_answer(sandbox: Sandbox, isolated: Isolation, webhook_url: str) -> int:
    """What the receiver answered to the sandbox's first callback (-1: never called)."""
    invoke(["talk", "https://e.com/a.jpg", "https://e.com/b.mp3", "--webhook-url", webhook_url])
    isolated.clock.advance(3)
    wait_for(lambda: len(sandbox.state.callbacks) >= 1)
    return int(sandbox.state.callbacks[0][2])


def test_the_sandbox_does_not_follow_a_redirect(api_env: Sandbox, isolated: Isolation) -> None:
    with scripted_server() as hook, scripted_server() as elsewhere:
        hook.route("/hook", Answer(302, b"", headers={"Location": elsewhere.url + "/stolen"}))
        elsewhere.route("/stolen", Answer(200, b"{}"))
        assert first_callback_answer(api_env, isolated, hook.url + "/hook") == 302
    assert elsewhere.hits == {}


def test_the_sandbox_never_posts_to_a_lookalike_host(api_env: Sandbox, isolated: Isolation) -> None:
    assert first_callback_answer(api_env, isolated, "http://127.attacker.example/hook") == -1


def test_a_failed_download_says_how_to_fetch_it(journal: Journal, isolated: Isolation) -> None:
    from akool_cli.core.errors import RejectedError

    def expired(event: Callback, folder: Path) -> object:
        raise RejectedError("the video URL answered HTTP 403: it has probably expired")

    warnings: list[str] = []
    handled: list[Handled] = []
    EventRecorder(
        isolated.home / "jobs.sqlite3",
        download_dir=isolated.tmp / "videos",
        fetch=expired,
        emit=handled.append,
        warn=warnings.append,
    )(event(3, VIDEO))
    assert warnings == [
        f"{JOB}: download failed: the video URL answered HTTP 403: it has probably expired; "
        f"fetch it with: akool watch {JOB} -o {isolated.tmp / 'videos'}/"
    ]
    assert [(h.state, h.downloaded_path) for h in handled] == [("done", "")]


# -- memory and stopping --------------------------------------------------------------------------


def test_a_header_block_over_the_limit_gets_431(hook: Hook) -> None:
    many = "".join(f"X-Pad-{n}: {'a' * 1000}\r\n" for n in range(MAX_HEADER_BYTES // 1000 + 1))
    answer = exchange(hook, post(many + "Content-Length: 0\r\n"))
    assert answer.startswith(b"HTTP/1.1 431 ")
    # Just under the limit is still read (and judged on its merits).
    few = "".join(f"X-Pad-{n}: {'a' * 1000}\r\n" for n in range(MAX_HEADER_BYTES // 1000 - 4))
    assert exchange(hook, post(few + "Content-Length: 2\r\n", b"{}")).startswith(b"HTTP/1.1 400 ")


def memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} for {pid}")


def huge_headers(address: tuple[str, int]) -> None:
    """A client sending 90 headers of 64 KB each (5.8 MB), then reading whatever comes back."""
    with socket.create_connection(address) as sock:
        sock.settimeout(30)  # a guard against a hung test only
        try:
            sock.sendall(b"POST /akool/webhook HTTP/1.1\r\n")
            for n in range(90):
                sock.sendall(b"X-Huge-%d: " % n + b"a" * (64 * 1000) + b"\r\n")
            sock.sendall(b"Content-Length: 0\r\n\r\n")
            sock.recv(100)
        except OSError:
            pass  # the receiver refused the headers and closed while this client still sent


def test_sixteen_clients_with_huge_headers_cost_little_memory(isolated: Isolation) -> None:
    """The standard library alone let them cost ~330 MB, and ~245 MB stayed after they left."""
    env = process_env(isolated.home, "http://127.0.0.1:9", AKOOL_CLIENT_ID=SANDBOX_CLIENT_ID)
    serve = subprocess.Popen(
        [AKOOL, "webhook", "serve", "--port", "0"], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert serve.stderr is not None
        found = re.search(r"http://([\d.]+):(\d+)", serve.stderr.readline())
        assert found is not None
        address = (found.group(1), int(found.group(2)))
        before = memory_mb(serve.pid, "VmRSS")
        clients = [threading.Thread(target=huge_headers, args=(address,)) for _ in range(16)]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        peak, after = memory_mb(serve.pid, "VmHWM"), memory_mb(serve.pid, "VmRSS")
    finally:
        serve.terminate()
        serve.communicate(timeout=30)
    print(f"\nwebhook serve RSS: {before:.1f} MB before, {peak:.1f} peak, {after:.1f} after")
    assert peak - before <= 32 and after - before <= 16


def test_stopping_the_receiver_ends_a_stalled_download(isolated: Isolation) -> None:
    """`webhook serve` stopping (SIGTERM) sets the event: the download on its worker ends at
    once instead of waiting out the file host's silence."""
    stopping = threading.Event()
    warnings: list[str] = []
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 9999\r\n\r\n"
    connected = threading.Event()
    with raw_server(noting(connected, stalling(head + MP4_HEAD))) as url:
        recorder = EventRecorder(
            isolated.home / "jobs.sqlite3",
            download_dir=isolated.tmp / "videos",
            fetch=download_into(Transport, cancel=stopping),
            emit=lambda handled: None,
            warn=warnings.append,
        )
        worker = threading.Thread(
            target=recorder, args=(Callback(JOB, 3, "talking photo", url, {}),), daemon=True
        )
        worker.start()
        wait_for(connected.is_set)  # the download is under way, waiting for bytes to come
        stopping.set()
        worker.join(10)
        assert not worker.is_alive()  # else it waits out the 30 s read timeout
    assert warnings and "akool is stopping" in warnings[0]

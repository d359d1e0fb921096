"""A small receiver for AKOOL's callbacks that holds up under hostile clients: verify, decrypt,
answer 200 at once, then apply each new event (once per job and state, even across restarts) to
the local history on a worker thread.

Every connection carries one request whose request line and headers together take at most
MAX_HEADER_BYTES (else 431) and whose Content-Length is at most MAX_BODY, must arrive within
CONNECTION_SECONDS, and at most MAX_CONNECTIONS are served at once (others get 503, which AKOOL
retries): whatever clients send, the receiver holds at most MAX_CONNECTIONS × (MAX_HEADER_BYTES +
MAX_BODY) of their bytes.
"""

from __future__ import annotations

import http.client
import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.core import states
from akool_cli.core.callbacks import Callback, CallbackError, open_callback

if TYPE_CHECKING:
    from akool_cli.net.transport import Transport

log = logging.getLogger("akool.webhook")

MAX_BODY = 1024 * 1024  # AKOOL's callbacks are a few hundred bytes
# The request line and every header together. The standard library alone allows 100 header
# lines of 64 KiB each: 16 clients could make a receiver hold hundreds of MB.
MAX_HEADER_BYTES = 64 * 1024
MAX_CONNECTIONS = 16
CONNECTION_SECONDS = 15.0  # headers and body together, per connection
READ_SECONDS = 10.0  # the longest silence within a connection
DIGITS = frozenset("0123456789")

EventHandler = Callable[[Callback], None]
RejectHandler = Callable[[str, str], None]  # (client address, reason)


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def _body_length(headers: Any) -> int:
    """The body's size from the headers, or _Refused with the HTTP status that says why not."""
    if headers.get("Transfer-Encoding") is not None:
        raise _Refused(411, "chunked bodies are not accepted; send a Content-Length")
    values = headers.get_all("Content-Length") or []
    if not values:
        raise _Refused(411, "the request has no Content-Length")
    value = values[0].strip()
    if len(set(values)) > 1 or not value or not set(value) <= DIGITS or len(value) > 12:
        raise _Refused(400, f"bad Content-Length {values[0][:20]!r}")
    if int(value) > MAX_BODY:
        raise _Refused(413, f"the body is over {MAX_BODY} bytes")
    return int(value)


class _Server(ThreadingHTTPServer):
    """At most max_connections handler threads; each connection gets a deadline."""

    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], handler: Any, limit: int, seconds: float) -> None:
        super().__init__(address, handler)
        self.seconds = seconds
        self._slots = threading.BoundedSemaphore(limit)
        self._deadlines: dict[socket.socket, float] = {}
        self._lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            _busy(request)
            self.shutdown_request(request)
            return
        with self._lock:
            self._deadlines[request] = time.monotonic() + self.seconds
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._finished(request)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._finished(request)

    def _finished(self, request: socket.socket) -> None:
        with self._lock:
            self._deadlines.pop(request, None)
        self._slots.release()

    def service_actions(self) -> None:
        """Cut connections past their deadline (slow headers or a trickled body)."""
        now = time.monotonic()
        with self._lock:
            late = [s for s, deadline in self._deadlines.items() if deadline < now]
        for sock in late:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s failed", client_address, exc_info=True)


class _HeaderCap:
    """A connection's input whose lines (the request line and the headers) may take at most
    `budget` bytes together: past it, reading a line raises LineTooLong, which the standard
    library's handler answers 431. The body is read without the cap (Content-Length bounds it)."""

    def __init__(self, raw: Any, budget: int) -> None:
        self._raw = raw
        self._left = budget

    def readline(self, limit: int = -1) -> bytes:
        if self._left <= 0:
            raise http.client.LineTooLong(f"the header block is over {MAX_HEADER_BYTES} bytes")
        line: bytes = self._raw.readline(self._left if limit < 0 else min(limit, self._left))
        self._left -= len(line)
        return line

    def read(self, size: int = -1) -> bytes:
        return bytes(self._raw.read(size))

    def close(self) -> None:
        self._raw.close()


def _busy(request: socket.socket) -> None:
    answer = (
        b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
        b"Connection: close\r\n\r\n"
    )
    _drain(request)
    with suppress(OSError):
        request.send(answer)


def _drain(connection: socket.socket) -> None:
    """Read what already arrived, without waiting: closing a socket with unread input sends a
    reset, which can destroy the answer before the client reads it. Leaves it non-blocking."""
    with suppress(OSError):
        connection.setblocking(False)
        connection.recv(65536)


class WebhookReceiver:
    def __init__(
        self,
        *,
        host: str,
        port: int,
        path: str,
        client_id: str,
        client_secret: str,
        on_event: EventHandler,
        on_reject: RejectHandler,
        max_connections: int = MAX_CONNECTIONS,
        connection_seconds: float = CONNECTION_SECONDS,
        read_seconds: float = READ_SECONDS,
    ) -> None:
        self.path = path
        self.client_id = client_id
        self.client_secret = client_secret
        self.on_event = on_event
        self.on_reject = on_reject
        self.seen: set[tuple[str, int]] = set()
        self.events: queue.Queue[Callback | None] = queue.Queue()
        self._lock = threading.Lock()
        handler = _handler_class(self, min(read_seconds, connection_seconds))
        self.httpd = _Server((host, port), handler, max_connections, connection_seconds)
        self._worker = threading.Thread(target=self._work, name="webhook-events", daemon=True)
        self._serving: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{name}:{port}{self.path}"

    def receive(self, body: bytes, client: str) -> int:
        """The HTTP status for one callback body, queueing the event when it is new."""
        try:
            event = open_callback(body, self.client_id, self.client_secret)
        except CallbackError as exc:
            self.on_reject(client, f"not a genuine AKOOL callback: {exc}")
            return 400
        except Exception as exc:  # whatever a hostile body finds: a 400 and a line, no traceback
            self.on_reject(client, f"not a readable callback ({type(exc).__name__})")
            return 400
        self.accept(event)
        return 200

    def accept(self, event: Callback) -> None:
        """Queue an event unless this job already reported this state (AKOOL retries)."""
        key = (event.id, event.status)
        with self._lock:
            if key in self.seen:
                return
            self.seen.add(key)
        self.events.put(event)

    def _work(self) -> None:
        while (event := self.events.get()) is not None:
            try:
                self.on_event(event)
            except Exception as exc:  # one bad event must not stop the receiver
                self.on_reject("this machine", f"could not handle the event of {event.id}: {exc}")

    def start(self) -> None:
        self._worker.start()
        self._serving = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._serving.start()

    def serve_forever(self) -> None:
        """Serve until Ctrl-C or SIGTERM (KeyboardInterrupt) in the calling thread. The server
        runs on its own thread while this one only waits, so a signal never lands inside the
        server's locks, and stop() ends it at once."""
        self.start()
        threading.Event().wait()  # a signal's KeyboardInterrupt ends the wait

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.events.put(None)
        self._worker.join(timeout=30)


def _handler_class(receiver: WebhookReceiver, read_seconds: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = read_seconds  # each read; the server's deadline bounds the whole connection

        def setup(self) -> None:
            super().setup()
            self.rfile = _HeaderCap(self.rfile, MAX_HEADER_BYTES)  # type: ignore[assignment]

        def do_POST(self) -> None:
            # One request per connection: nothing after it is ever parsed as another request.
            self.close_connection = True
            try:
                length = _body_length(self.headers)
            except _Refused as refused:
                self._answer(refused.status, {"error": str(refused)})
                _drain(self.connection)
                receiver.on_reject(self.client_address[0], str(refused))
                return
            if self.path.split("?")[0] != receiver.path:
                self._answer(404, {"error": "not found"})
                return
            body = self.rfile.read(length)
            if len(body) < length:
                return  # the client went away or timed out: nothing to answer
            # Answer first: AKOOL retries slow or failed answers, and work can wait.
            status = receiver.receive(body, self.client_address[0])
            self._answer(status, {"ok": True} if status == 200 else {"error": "rejected"})

        def do_GET(self) -> None:
            self.close_connection = True
            self._answer(405, {"error": "AKOOL callbacks are POSTs"})

        def _answer(self, status: int, payload: dict[str, object]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


# -- what an event does to the history ---------------------------------------------------------


@dataclass(frozen=True)
class Handled:
    """One event as `webhook serve` reports it (see docs/json.md, "webhook event")."""

    id: str
    state: str
    status: int
    type: str
    url: str
    downloaded_path: str
    known: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "status": self.status,
            "type": self.type,
            "url": self.url or None,
            "downloaded_path": self.downloaded_path or None,
            "known": self.known,
        }


Fetch = Callable[[Callback, Path], Any]  # downloads event.url into a folder: a DownloadResult
# Saves a recorded job's other files (a translation's subtitles) beside its saved result:
# (job id, the result's path, the history); raises AkoolError when it cannot.
SaveRest = Callable[[str, Path, Any], None]
# Why a recorded job is not the receiver's to update ("" when it is): (the job's record, the
# history). A callback verified with one account's keys speaks only for that account's jobs on
# the receiver's server: the sandbox's keys are public, so anyone can seal a callback with them.
Foreign = Callable[[Any, Any], str]


class EventRecorder:
    """Applies each callback to the history once: a job never moves back to an earlier state
    nor loses its video URL, and handled (job, state) pairs are kept in the history, so a
    restarted receiver does not handle AKOOL's retries again. Runs on the receiver's worker."""

    def __init__(
        self,
        journal_path: Path,
        *,
        download_dir: Path | None,
        fetch: Fetch,
        emit: Callable[[Handled], None],
        warn: Callable[[str], None],
        save_rest: SaveRest | None = None,
        foreign: Foreign | None = None,
    ) -> None:
        self.save_rest = save_rest
        self.foreign = foreign
        self.journal_path = journal_path
        self.download_dir = download_dir
        self.fetch = fetch
        self.emit = emit
        self.warn = warn
        self._local = threading.local()  # a SQLite connection belongs to its thread

    def _journal(self) -> Any:
        from akool_cli.store.journal import Journal

        if not hasattr(self._local, "journal"):
            self._local.journal = Journal(self.journal_path)
        return self._local.journal

    def __call__(self, event: Callback) -> None:
        journal = self._journal()
        if journal.callback_handled(event.id, event.status):
            return  # handled before a restart; AKOOL is retrying
        record = journal.get(event.id)
        why = self.foreign(record, journal) if record is not None and self.foreign else ""
        if why:
            # Not marked handled: the receiver that may speak for it still records it.
            self.warn(
                f"ignored a callback for job {event.id}: {why}; these keys cannot speak for it "
                f"(ask with the credential that made it: akool status {event.id}, or akool "
                f"watch {event.id} -o DIR/)"
            )
            return
        if record is not None and self._contradicts(event, record.video_status):
            journal.mark_callback_handled(event.id, event.status)
            return
        # Callbacks can arrive out of order: a job never moves back, and a finished one stays.
        if record is not None and states.advances(event.status, record.video_status):
            journal.update_state(
                event.id, event.status, event.url or record.video_url, record.error
            )
        saved = ""
        if self.download_dir is not None and event.status == 3 and event.url:
            saved = self._download(journal, event, known=record is not None)
        journal.mark_callback_handled(event.id, event.status)
        self.emit(
            Handled(
                id=event.id,
                state=states.name(event.status),
                status=event.status,
                type=event.type,
                url=event.url,
                downloaded_path=saved,
                known=record is not None,
            )
        )

    def _contradicts(self, event: Callback, recorded: int) -> bool:
        """A callback for a finished job that says another state (a late `processing`, a forged
        `failed` after done, an undocumented number): the history keeps its state, so no event
        line says otherwise (a script reading them would act on a state akool did not record:
        break17k K4); one warning instead."""
        if not states.finished(recorded) or event.status == recorded:
            return False
        self.warn(
            f"ignored a callback for job {event.id}: it says {states.name(event.status)} "
            f"({event.status}), and the history has it {states.name(recorded)} (callbacks can "
            "arrive late or out of order)"
        )
        return True

    def _download(self, journal: Any, event: Callback, *, known: bool) -> str:
        from akool_cli.core.errors import AkoolError
        from akool_cli.jobs.download import DownloadCancelled

        assert self.download_dir is not None
        try:
            result = self.fetch(event, self.download_dir)
        except (AkoolError, DownloadCancelled) as exc:
            # AKOOL got its 200 already and will not send this again: say how to fetch it.
            why = exc.message if isinstance(exc, AkoolError) else "akool is stopping"
            self.warn(
                f"{event.id}: download failed: {why}; fetch it with: "
                f"akool watch {event.id} -o {self.download_dir}/"
            )
            return ""
        if known:
            journal.record_download(
                event.id, str(result.path.absolute()), result.size, result.sha256
            )
            self._save_rest(journal, event.id, result.path)
        return str(result.path)

    def _save_rest(self, journal: Any, job_id: str, path: Path) -> None:
        """The job's other files (a translation's subtitles) beside its result: a callback
        carries only the result's URL, so the job's status is asked for theirs."""
        from akool_cli.core.errors import AkoolError
        from akool_cli.jobs.download import DownloadCancelled

        if self.save_rest is None:
            return
        try:
            self.save_rest(job_id, path, journal)
        except (AkoolError, DownloadCancelled) as exc:
            why = exc.message if isinstance(exc, AkoolError) else "akool is stopping"
            self.warn(
                f"{job_id}: {_other_files(journal, job_id, path)} not saved: {why}; fetch them "
                f"later with: akool sync -o {self.download_dir}/ (or akool watch {job_id} -o "
                f"{self.download_dir}/)"
            )


def _other_files(journal: Any, job_id: str, path: Path) -> str:
    """A job's other files as they would be saved beside its result (`<id>.translated.srt`)."""
    from akool_cli.core import kinds
    from akool_cli.jobs.watcher import beside_target

    record = journal.get(job_id)
    kind = kinds.KINDS.get(record.kind) if record is not None else None
    names = [beside_target(path, f.role, f.suffix).name for f in (kind.files if kind else ())]
    return ", ".join(names) or "its other files"


def download_into(
    transport: Callable[[], Transport],
    journal_path: Path | None = None,
    cancel: threading.Event | None = None,
) -> Fetch:
    """The usual Fetch: the event's result into folder/<job id><suffix> (created if missing):
    a video, or what the history says the job makes (an image saved as what its bytes are),
    over a transport from `transport` (Session.transport: the caller's timeouts, redaction).
    Setting `cancel` ends a download in progress at once, even a stalled one (the receiver is
    stopping)."""

    def fetch(event: Callback, folder: Path) -> Any:
        from akool_cli.core import kinds
        from akool_cli.jobs import naming
        from akool_cli.jobs.download import download, resolve_target
        from akool_cli.store.journal import Journal

        record = None
        if journal_path is not None:
            with Journal(journal_path) as journal:
                record = journal.get(event.id)
        # A job made elsewhere: its callback's documented type says what it makes.
        kind = kinds.for_webhook_type(event.type) or kinds.TALKING_PHOTO
        if record is not None:
            kind = kinds.KINDS.get(record.kind, kind)
        target = resolve_target(str(folder), event.id, many=True, suffix=kind.suffix)
        with transport() as connection:
            saved = download(
                connection, event.url, target, media=kind.result, cancel=cancel, job_id=event.id
            )
        return naming.settle(saved, event.id, kind, force=False)

    return fetch

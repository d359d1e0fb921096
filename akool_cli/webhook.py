"""A small receiver for AKOOL's callbacks: verify, decrypt, answer 200 at once, then hand each new
event (once per job and state) to the caller on a worker thread."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from akool_cli.callbacks import Callback, CallbackError, open_callback

MAX_BODY = 1024 * 1024

EventHandler = Callable[[Callback], None]
RejectHandler = Callable[[str, str], None]  # (client address, reason)


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
    ) -> None:
        self.path = path
        self.client_id = client_id
        self.client_secret = client_secret
        self.on_event = on_event
        self.on_reject = on_reject
        self.seen: set[tuple[str, int]] = set()
        self.events: queue.Queue[Callback | None] = queue.Queue()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                if self.path.split("?")[0] != receiver.path:
                    self._answer(404, {"error": "not found"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._answer(413, {"error": "body too large"})
                    return
                body = self.rfile.read(length)
                try:
                    event = open_callback(body, receiver.client_id, receiver.client_secret)
                except CallbackError as exc:
                    self._answer(400, {"error": str(exc)})
                    receiver.on_reject(self.client_address[0], str(exc))
                    return
                # Answer first: AKOOL retries slow or failed answers, and work can wait.
                self._answer(200, {"ok": True})
                receiver.accept(event)

            def do_GET(self) -> None:
                self._answer(405, {"error": "AKOOL callbacks are POSTs"})

            def _answer(self, status: int, payload: dict[str, object]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.httpd = Server((host, port), Handler)
        self._worker = threading.Thread(target=self._work, name="webhook-events", daemon=True)
        self._serving: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{name}:{port}{self.path}"

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
        self._worker.start()
        self.httpd.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.events.put(None)
        self._worker.join(timeout=30)

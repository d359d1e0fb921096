"""A scripted HTTP server for answers the sandbox would never give: HTML, huge, silent, looping."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    @classmethod
    def envelope(cls, data: object, code: int = 1000) -> Answer:
        return cls(body=json.dumps({"code": code, "msg": "OK", "data": data}).encode())


Route = Callable[[str], Answer]


class ScriptedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.targets: list[str] = []  # every request's target as sent (path and query)
        self.stop_event = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                path = self.path.split("?")[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                server.targets.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                route = server.routes.get(path)
                answer = route(self.path) if route else Answer(404, b"not found", "text/plain")
                if answer.delay:
                    server.stop_event.wait(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(answer.body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        class QuietServer(ThreadingHTTPServer):
            request_queue_size = 128  # as the sandbox's: 16 checks connect at once

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up early is part of these tests

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def route(self, path: str, answer: Answer | Route) -> None:
        if isinstance(answer, Answer):
            fixed = answer
            self.routes[path] = lambda _path: fixed
        else:
            self.routes[path] = answer


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    thread = threading.Thread(
        target=server.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stop_event.set()
        time.sleep(0)
        server.httpd.shutdown()
        server.httpd.server_close()

"""A scripted HTTP server on a real loopback port, for answers the sandbox would never give: HTML,
huge, silent, looping, the same canned answer to every request, HEAD refused as by S3; and a file
host (for raw_server) that cuts an MP4 and answers range requests as a test says."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.hostile import Answerer


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


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    method: str
    target: str  # path and query
    headers: Message  # (names in any case)


Route = Callable[[str], Answer]


class ScriptedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}  # by path, for GET and POST
        self.method_routes: dict[tuple[str, str], Route] = {}  # by (method, path), HEAD too
        self.fallback: Route | None = None  # for every other path (else 404)
        self.hits: dict[str, int] = {}  # GET and POST requests by path
        self.targets: list[str] = []  # every GET and POST request's target as sent
        self.seen: list[Seen] = []  # every request, HEAD too
        self.stop_event = threading.Event()
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def route(self, path: str, answer: Answer | Route, *, method: str | None = None) -> None:
        """Answer requests for `path` (with `method` only: of that method; HEAD needs one)."""
        route = _as_route(answer)
        if method is None:
            self.routes[path] = route
        else:
            self.method_routes[(method, path)] = route

    def answer_all(self, answer: Answer | Route) -> None:
        """Answer every GET and POST of a path given no route of its own with `answer`."""
        self.fallback = _as_route(answer)

    def find(self, method: str, path: str) -> Route | None:
        route = self.method_routes.get((method, path))
        if route is None and method != "HEAD":
            route = self.routes.get(path, self.fallback)
        return route


def _as_route(answer: Answer | Route) -> Route:
    if isinstance(answer, Answer):
        fixed = answer
        return lambda _target: fixed
    return answer


def _handler(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            path = self.path.split("?")[0]
            server.seen.append(Seen(self.command, self.path, self.headers))
            route = server.find(self.command, path)
            if self.command == "HEAD" and route is None:
                self.send_error(501, f"Unsupported method ({self.command!r})")  # as http.server
                return
            if self.command != "HEAD":
                server.hits[path] = server.hits.get(path, 0) + 1
                server.targets.append(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            answer = route(self.path) if route else Answer(404, b"not found", "text/plain")
            if answer.delay:
                server.stop_event.wait(answer.delay)
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(answer.body)

        do_GET = do_POST = do_HEAD = _answer

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    request_queue_size = 128  # as the sandbox's: 16 checks connect at once

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up early is part of these tests


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    """A ScriptedServer serving on its port until the block ends."""
    server = ScriptedServer()
    thread = threading.Thread(
        target=server.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stop_event.set()
        server.httpd.shutdown()
        server.httpd.server_close()


# -- a file host that cuts an MP4 and answers ranges as a test says ----------------------------

ETAG = 'ETag: "v17"'  # the version a cut-file host names (a header line)


def partial_head(start: int, end: int, total: int | str, length: int, etag: str = ETAG) -> bytes:
    """The head of a `206 Partial Content` of bytes start-end of a file `total` long ("*": not
    said), whose body is `length` bytes."""
    return (
        f"HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\n{etag}\r\n"
        f"Content-Range: bytes {start}-{end}/{total}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def cut_mp4_host(
    whole: bytes,
    requests: list[str],
    *,
    sent: int | None = None,
    etag: str = ETAG,
    ranges: Callable[[int], bytes] | None = None,
) -> Answerer:
    """A file host for raw_server: a plain GET gets `whole` (only its first `sent` bytes) with
    `etag` and no Content-Length, the connection closed after it; a `Range: bytes=N-` gets
    `ranges(N)` (a whole answer, head and body), by default what HTTP says: a 206 with the rest
    and the file's size, or a 416 past its end. Every request is kept in `requests`."""

    def honest(start: int) -> bytes:
        if start >= len(whole):
            return (
                f"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{len(whole)}\r\n"
                "Content-Length: 0\r\n\r\n"
            ).encode()
        rest = whole[start:]
        return partial_head(start, len(whole) - 1, len(whole), len(rest), etag) + rest

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        request = connection.recv(65536).decode("latin-1")
        requests.append(request)
        asked = re.search(r"(?im)^range: bytes=(\d+)-\s*$", request)
        if asked is None:
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n{etag}\r\nConnection: close\r\n\r\n"
            )
            connection.sendall(head.encode() + whole[: len(whole) if sent is None else sent])
            return
        connection.sendall((ranges or honest)(int(asked.group(1))))

    return answer

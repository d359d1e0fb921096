"""A file's bytes over the standard library's http.client, read straight into the caller's
buffers: the transport's path for large downloads on a direct connection.

httpx's parser copies every byte of a body three or four times and runs Python code for each
socket read; on a video that costs more CPU than hashing it. Here each byte is copied once, from
the socket into a buffer the download reuses. Only plain GETs on a direct connection come this
way (no proxy configured for the scheme, no credentials or non-ASCII host in the URL); the
transport sends everything else through httpx, with the same timeouts, trust store and errors.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from urllib.parse import urljoin, urlsplit

from akool_cli import redact

log = logging.getLogger("akool.http")

REDIRECTS = frozenset({301, 302, 303, 307, 308})


class NotDirect(Exception):
    """A redirect led to a URL this path does not take (a proxy applies to it, say)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class DirectError(Exception):
    """A request that got no usable answer; `sent` and `kind` as the transport's errors."""

    def __init__(self, message: str, *, sent: bool, kind: str) -> None:
        super().__init__(message)
        self.sent = sent
        self.kind = kind


def usable(url: str) -> bool:
    """Whether url can be fetched here with what httpx would do for it: no proxy from the
    environment (httpx reads the same getproxies()), nothing httpx would translate."""
    from urllib.request import getproxies

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.username is not None or not parts.hostname.isascii():
        return False
    proxies = getproxies()
    return not (proxies.get(parts.scheme) or proxies.get("all"))


class DirectAnswer:
    """One answer: status, lower-case headers, final URL, and the body through readinto()."""

    def __init__(
        self, connection: http.client.HTTPConnection, url: str, deadline: float | None
    ) -> None:
        self._connection = connection
        self._response = connection.getresponse()
        self.url = url
        self.status = self._response.status
        self.headers: dict[str, str] = {}
        for name, value in self._response.getheaders():
            key = name.lower()
            self.headers[key] = f"{self.headers[key]}, {value}" if key in self.headers else value
        chunked = "chunked" in self.headers.get("transfer-encoding", "").lower()
        # Bytes still to come when the length is known: beyond them the socket is not read.
        self._left = None if chunked else _length(self._response.headers.get_all("content-length"))
        if self.status in (204, 304) or self.status < 200:
            self._left = 0  # answers that never have a body, whatever their headers say
        self._chunked = chunked
        self._deadline = deadline

    def readinto(self, view: memoryview) -> int:
        """Receive at most len(view) bytes into view with one socket read; 0 at the end."""
        if self._left is not None:
            view = view[: self._left]
        if not view:
            return 0
        try:
            if self._chunked:
                piece = self._response.read1(len(view))
                count = len(piece)
                view[:count] = piece
            else:
                # The response object's own readinto fills the whole view, however slowly the
                # server trickles; one read at a time lets the deadline be checked in between.
                count = self._response.fp.readinto1(view)
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise _broken(exc) from exc
        if self._left is not None:
            self._left -= count
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise DirectError("the download took too long", sent=True, kind="timeout")
        return count

    def close(self) -> None:
        self._response.close()
        self._connection.close()


def _length(values: list[str] | None) -> int | None:
    """The body's length from its Content-Length header(s). Two that differ, or one that is
    not a number, make the body's end unknowable: the answer is broken (as httpx judges it)."""
    if not values:
        return None
    found = {value.strip() for value in values}
    if len(found) != 1 or not next(iter(found)).isdigit():
        raise DirectError(
            f"the connection broke (invalid Content-Length: {', '.join(sorted(found))[:60]})",
            sent=True,
            kind="protocol",
        )
    return int(found.pop())


def get(
    url: str,
    headers: Mapping[str, str],
    *,
    connect_timeout: float,
    read_timeout: float,
    deadline: float | None,
    max_redirects: int,
    tls: Callable[[], ssl.SSLContext],
) -> DirectAnswer:
    """GET url, following redirects; raises NotDirect for a hop this path does not take."""
    ends = None if deadline is None else time.monotonic() + deadline
    for _ in range(max_redirects + 1):
        connection = _connect(url, connect_timeout, read_timeout, tls)
        try:
            answer = _ask(connection, url, headers, ends)
        except BaseException:
            connection.close()
            raise
        location = answer.headers.get("location")
        if answer.status not in REDIRECTS or not location:
            return answer
        answer.close()
        url = urljoin(url, location)
        if not usable(url):
            raise NotDirect(url)
    raise DirectError(
        f"too many redirects (more than {max_redirects}; a redirect loop?)",
        sent=True,
        kind="redirects",
    )


def _connect(
    url: str, connect_timeout: float, read_timeout: float, tls: Callable[[], ssl.SSLContext]
) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(
                host, port, timeout=connect_timeout, context=tls()
            )
        else:
            connection = http.client.HTTPConnection(host, port, timeout=connect_timeout)
        connection.connect()
    except ValueError as exc:  # a port out of range or not a number
        raise DirectError(f"unsupported URL ({exc})", sent=False, kind="url") from None
    except (OSError, ssl.SSLError) as exc:
        raise DirectError(
            f"could not connect ({_reason(exc)})", sent=False, kind="connect"
        ) from exc
    assert connection.sock is not None
    connection.sock.settimeout(read_timeout)
    return connection


def _ask(
    connection: http.client.HTTPConnection,
    url: str,
    headers: Mapping[str, str],
    ends: float | None,
) -> DirectAnswer:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = {"Accept": "*/*", "Accept-Encoding": "identity", **headers}
    log.debug("-> GET %s headers=%s (direct)", url, redact.headers(sent))
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders()
        answer = DirectAnswer(connection, url, ends)
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        raise _broken(exc) from exc
    except ValueError as exc:  # a header value http.client will not send (a stored validator)
        raise DirectError(f"cannot send this request ({exc})", sent=False, kind="url") from exc
    log.debug("<- %s for %s", answer.status, url)
    return answer


def _broken(exc: BaseException) -> DirectError:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return DirectError("no answer in time (timed out)", sent=True, kind="timeout")
    return DirectError(f"the connection broke ({_reason(exc)})", sent=True, kind="protocol")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]

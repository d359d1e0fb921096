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
import re
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from urllib.parse import urljoin, urlsplit

from akool_cli.core import redact
from akool_cli.net.transport import MAX_REDIRECTS, TransportError, content_length, failure

log = logging.getLogger("akool.http")

REDIRECTS = frozenset({301, 302, 303, 307, 308})
SENDABLE = re.compile(r"[!-~]+")  # printable ASCII, no space: what http.client sends unchanged


class NotDirect(Exception):
    """A redirect led to a URL this path does not take (a proxy applies to it, say)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def usable(url: str) -> bool:
    """Whether url can be fetched here with what httpx would do for it: no proxy from the
    environment for it (httpx reads the same getproxies(); NO_PROXY as the standard library
    reads it), nothing httpx would translate."""
    from urllib.request import getproxies, proxy_bypass

    try:
        parts = urlsplit(url)
        hostname, _ = parts.hostname, parts.port
    except ValueError:  # a malformed host or port: httpx words the error
        return False
    if parts.scheme not in ("http", "https") or not hostname or parts.username is not None:
        return False
    # A space or non-ASCII character: httpx percent-encodes it, http.client refuses it.
    if not SENDABLE.fullmatch(url):
        return False
    proxies = getproxies()
    if not (proxies.get(parts.scheme) or proxies.get("all")):
        return True
    return bool(proxy_bypass(hostname))  # NO_PROXY (or the system settings) names this host


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
        # http.client's own reading of the framing; an unusual one (Transfer-Encoding other than
        # "chunked", 103 Early Hints) is left to httpx, which reads those as a browser does.
        self._chunked = bool(self._response.chunked)
        unusual = "transfer-encoding" in self.headers and not self._chunked
        if unusual or self.status < 200:
            self.close()
            raise NotDirect(url)
        # Bytes still to come when the length is known: beyond them the socket is not read.
        self._left = (
            None if self._chunked else _length(self._response.headers.get_all("content-length"))
        )
        if self.status in (204, 304):
            self._left = 0  # answers that never have a body, whatever their headers say
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
                if count > len(view):  # http.client misreads a negative chunk size so
                    raise http.client.HTTPException("invalid chunk size")
                view[:count] = piece
            else:
                # The response object's own readinto fills the whole view, however slowly the
                # server trickles; one read at a time lets the deadline be checked in between.
                count = self._response.fp.readinto1(view)
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise _broken(exc) from exc
        if self._left is not None:
            if not count:  # the connection ended with bytes still owed
                raise TransportError(
                    f"the connection closed {self._left} bytes before the end of the body",
                    sent=True,
                    kind="protocol",
                )
            self._left -= count
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise failure("deadline")
        return count

    def close(self) -> None:
        self._response.close()
        self._connection.close()


def _length(values: list[str] | None) -> int | None:
    """The body's length from its Content-Length header(s). Two that differ, or one that is
    not a number, make the body's end unknowable: the answer is broken (as httpx judges it)."""
    if not values:
        return None
    length = content_length(", ".join(values))
    if length is None:
        shown = ", ".join(sorted({part.strip() for v in values for part in v.split(",")}))[:60]
        raise TransportError(
            f"the connection broke (invalid Content-Length: {shown})", sent=True, kind="protocol"
        )
    return length


def get(
    url: str,
    headers: Mapping[str, str],
    *,
    connect_timeout: float,
    read_timeout: float,
    deadline: float | None,
    tls: Callable[[], ssl.SSLContext],
) -> DirectAnswer:
    """GET url, following redirects; raises NotDirect for a hop this path does not take."""
    ends = None if deadline is None else time.monotonic() + deadline
    for _ in range(MAX_REDIRECTS + 1):
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
        try:
            url = urljoin(url, location)
        except ValueError as exc:  # e.g. an unclosed [ in the host
            raise TransportError(
                f"the file's URL redirected to an invalid URL ({exc})", sent=True, kind="protocol"
            ) from None
        if not usable(url):
            raise NotDirect(url)  # httpx follows it, or words what is wrong with it
    raise failure("redirects")


def _connect(
    url: str, connect_timeout: float, read_timeout: float, tls: Callable[[], ssl.SSLContext]
) -> http.client.HTTPConnection:
    parts = urlsplit(url)  # usable() checked that it parses, port included
    host, port = parts.hostname or "", parts.port
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(host, port, timeout=connect_timeout, context=tls())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=connect_timeout)
    try:
        connection.connect()
    except (OSError, ssl.SSLError) as exc:  # a certificate refused is an SSLError too
        raise failure("connect", exc) from exc
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
    except ValueError as exc:  # a header value http.client will not send (a stored validator)
        raise TransportError(f"cannot send this request ({exc})", sent=False, kind="url") from exc
    try:
        connection.endheaders()
        answer = DirectAnswer(connection, url, ends)
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        raise _broken(exc) from exc
    log.debug("<- %s for %s", answer.status, url)
    return answer


def _broken(exc: BaseException) -> TransportError:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return failure("timeout")
    return failure("protocol", exc)

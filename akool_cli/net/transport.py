"""One HTTP exchange at a time over httpx2 (the maintained httpx): timeouts, User-Agent, size limits, debug traces.

The only module that imports httpx2. It sends once and reports what happened, including whether
a failed request may have reached the server; retry decisions belong to its callers.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from akool_cli import __version__
from akool_cli.core import redact
from akool_cli.net import deadlines

if TYPE_CHECKING:
    import httpx2

log = logging.getLogger("akool.http")

USER_AGENT = f"akool-cli/{__version__}"
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
# The read timeout is per socket read, so a trickling server never trips it: every exchange also
# has one deadline for all of it (status line, 1xx answers, headers, body, trailers; see
# deadlines.py). An API request's (or AKOOL_TIMEOUT, when longer); downloads and checks pass theirs.
REQUEST_DEADLINE = 90.0
MAX_JSON_BODY = 4 * 1024 * 1024
# Hosts on this machine are reached directly, whatever HTTP_PROXY or ALL_PROXY say (and NO_PROXY
# does not): through a proxy, a plain-http sandbox's API key would cross the network readable, and
# the proxy's own loopback is not this machine's (break17f F16). None: httpx2's direct transport.
DIRECT: dict[str, None] = {"all://localhost": None, "all://127.0.0.0/8": None, "all://[::1]": None}
MAX_REDIRECTS = 5
TRACE_LIMIT = 600  # characters of a body shown in a debug trace (after masking)


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float = 0.0


class TransportError(Exception):
    """A request that got no usable HTTP answer.

    sent is False only when the request certainly never left this machine (connection refused,
    DNS failure, connect timeout): the one case where resending a billable create is safe.
    permanent: trying again cannot help (see PERMANENT), so callers fail at once.
    """

    def __init__(self, message: str, *, sent: bool, kind: str) -> None:
        super().__init__(message)
        self.sent = sent
        self.kind = kind
        # The URL's own host gave an HTTP answer first (a redirect, or the status line of a body
        # that then failed): whatever failed was not reaching that host (hostchecks.py).
        self.reached = False

    @property
    def permanent(self) -> bool:
        return self.kind in PERMANENT


@dataclass
class StreamResponse:
    """An answer whose body is read as it arrives (Transport.stream)."""

    status: int
    headers: dict[str, str]
    url: str
    _response: Any = field(repr=False)
    _ends: float = 0.0
    _seconds: float = 0.0

    def iter_bytes(self, *, raw: bool = False) -> Iterator[bytes]:
        """The body in the pieces it arrives in (re-chunking them into fixed sizes would cost a
        copy of every byte): decoded, unless raw or not content-encoded."""
        encoded = self.headers.get("content-encoding", "identity").lower() not in ("", "identity")
        pieces = self._response.iter_bytes() if encoded and not raw else self._response.iter_raw()
        try:
            yield from pieces
        except Exception as exc:
            error = _translate(exc, self._ends, self._seconds)
            error.reached = True  # its status line and headers came
            raise error from exc


# How each way a request can fail is worded: name -> (kind, wording, whether the request may
# have left this machine).
FAILURES: dict[str, tuple[str, str, bool]] = {
    "connect": ("connect", "could not connect ({reason})", False),
    "redirects": (
        "redirects",
        f"too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)",
        True,
    ),
    "timeout": ("timeout", "no answer in time (timed out)", True),
    "deadline": (
        "timeout",
        "no complete answer within {limit:g} s (akool's limit for one exchange)",
        True,
    ),
    "url": ("url", "unsupported URL ({reason})", False),
    "certificate": (
        "certificate",
        "the server's TLS certificate was refused ({reason}); SSL_CERT_FILE names a CA bundle",
        False,
    ),
    "redirect": ("redirect", "refused a redirect {reason}", True),
    "framing": ("framing", "the answer is not valid HTTP ({reason})", True),
    "protocol": ("protocol", "the connection broke ({reason})", True),
    "cancelled": ("cancelled", "stopped while waiting for the server", True),
    "other": ("other", "network error ({name})", True),
}


# Failures a second try meets again: a certificate refused, a redirect refused, a URL that cannot
# be fetched, an answer that is not HTTP. Connections that drop or time out are worth retrying.
PERMANENT = frozenset({"certificate", "redirect", "url", "framing"})
# What httpx's protocol errors say when the connection merely ended early (worth a retry), as
# opposed to framing that is broken (h11: "illegal header line", "Receive buffer too long"...).
ENDED_EARLY = ("peer closed connection", "server disconnected")


def failure(
    name: str, exc: BaseException | str | None = None, limit: float = 0.0
) -> TransportError:
    """The TransportError for one of FAILURES, with exc's first line (or exc) as its reason."""
    kind, wording, sent = FAILURES[name]
    reason = (str(exc).strip() or type(exc).__name__).splitlines()[0][:200] if exc else ""
    message = wording.format(reason=reason, name=type(exc).__name__, limit=limit)
    return TransportError(message, sent=sent, kind=kind)


def content_length(value: str) -> int | None:
    """A Content-Length header's value, also when sent twice (read as "N, N"); None when it is
    missing, not a number, or two numbers that differ."""
    found = {part.strip() for part in value.split(",")}
    if len(found) == 1 and re.fullmatch(r"[0-9]+", next(iter(found))):
        return int(found.pop())
    return None


def _translate(exc: BaseException, ends: float = math.inf, seconds: float = 0.0) -> TransportError:
    """The TransportError for an httpx2 error met by an exchange that had until `ends`."""
    import httpx2

    if isinstance(exc, httpx2.ConnectError) and _certificate_error(exc) is not None:
        return failure("certificate", _certificate_error(exc))
    if isinstance(exc, (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)):
        return failure("connect", exc)
    if isinstance(exc, httpx2.TooManyRedirects):
        return failure("redirects")
    if isinstance(exc, httpx2.TimeoutException):
        return failure("deadline" if time.monotonic() >= ends else "timeout", limit=seconds)
    if isinstance(exc, (httpx2.UnsupportedProtocol, httpx2.InvalidURL)):
        return failure("url", exc)  # InvalidURL: a host core/urls.py let by (a redirect's)
    if isinstance(exc, httpx2.ProtocolError):
        ended = any(words in str(exc).lower() for words in ENDED_EARLY)
        return failure("protocol" if ended else "framing", exc)
    if isinstance(exc, httpx2.HTTPError):
        return failure("protocol", exc)
    if isinstance(exc, deadlines.Cancelled):
        return failure("cancelled")
    return failure("other", exc)


def _after_hops(error: TransportError, hops: list[str]) -> TransportError:
    """error, met after following redirects: said so (the first host answered) and marked."""
    if not hops:
        return error
    said = TransportError(
        f"{error} after a redirect to {hops[-1]}", sent=error.sent, kind=error.kind
    )
    said.reached = True
    return said


def _certificate_error(exc: BaseException) -> BaseException | None:
    """The certificate verification error behind a failed connection, if that is why."""
    import ssl

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class Transport:
    def __init__(
        self,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        deadline: float | None = None,
        secrets: Iterable[str] = (),
        redactor: redact.Redactor | None = None,
        max_connections: int = 20,
    ) -> None:
        import httpx2

        self.redactor = redactor or redact.Redactor(secrets)
        self.deadline = deadline or max(REQUEST_DEADLINE, read_timeout)
        self._closed = False
        self._client = httpx2.Client(
            timeout=httpx2.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": USER_AGENT},
            limits=httpx2.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
            max_redirects=MAX_REDIRECTS,
            trust_env=True,
            mounts=dict(DIRECT),
        )
        client = self._client
        if not deadlines.install([client._transport, *filter(None, client._mounts.values())]):
            log.debug("httpx2's pools are not as expected: exchanges have no overall deadline")

    def close(self) -> None:
        self._closed = True
        self._client.close()

    def _check_open(self) -> None:
        """A request on a closed transport (its akool Client closed while another thread still
        held it) is a UsageError, not httpx's RuntimeError."""
        if self._closed:
            from akool_cli.core.errors import client_closed

            raise client_closed()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json_body: Any = None,
        params: Mapping[str, str] | None = None,
        max_body: int = MAX_JSON_BODY,
        cancel: threading.Event | None = None,
    ) -> RawResponse:
        """Send one request and read the whole (bounded) answer, all within self.deadline, or
        until `cancel` is set (TransportError of kind "cancelled")."""
        import httpx2

        self._check_open()
        started = time.monotonic()
        request = self._build(
            method, url, headers=dict(headers or {}), json=json_body, params=params
        )
        ends = self._bound(request, self.deadline, cancel)
        self._trace_request(request)
        try:
            response = self._client.send(request, stream=True)
        except (httpx2.HTTPError, httpx2.InvalidURL, deadlines.Cancelled) as exc:
            error = _translate(exc, ends, self.deadline)
            log.debug("<- no answer: %s (sent=%s)", error, error.sent)
            raise error from exc
        try:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_body:
                    raise TransportError(
                        f"the answer is larger than {max_body // (1024 * 1024)} MiB",
                        sent=True,
                        kind="too_large",
                    )
                chunks.append(chunk)
        except (httpx2.HTTPError, deadlines.Cancelled) as exc:
            error = _translate(exc, ends, self.deadline)
            log.debug("<- broken answer: %s", error)
            raise error from exc
        finally:
            response.close()
        raw = RawResponse(
            status=response.status_code,
            headers={k.lower(): v for k, v in response.headers.items()},
            body=b"".join(chunks),
            elapsed=time.monotonic() - started,
        )
        if log.isEnabledFor(logging.DEBUG):  # masking a body costs: only when it is shown
            log.debug(
                "<- %s in %.0f ms: %s",
                raw.status,
                raw.elapsed * 1000,
                self.redactor.body(raw.body, limit=TRACE_LIMIT),
            )
        return raw

    @contextmanager
    def stream(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        method: str = "GET",
        cancel: threading.Event | None = None,
    ) -> Iterator[StreamResponse]:
        """GET (or HEAD) a file, following redirects, and hand out its body chunk by chunk; the
        whole exchange, redirects included, ends within `deadline` (default self.deadline), or
        soon after `cancel` is set (TransportError of kind "cancelled")."""
        import httpx2

        self._check_open()
        seconds = deadline or self.deadline
        request = self._build(method, url, headers=dict(headers or {}))
        ends = self._bound(request, seconds, cancel)
        self._trace_request(request)
        hops: list[str] = []
        try:
            response = self._follow(request, hops)
        except (httpx2.HTTPError, httpx2.InvalidURL, deadlines.Cancelled) as exc:
            raise _after_hops(_translate(exc, ends, seconds), hops) from exc
        try:
            log.debug("<- %s for %s", response.status_code, redact.signed(str(response.url)))
            yield StreamResponse(
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                url=str(response.url),
                _response=response,
                _ends=ends,
                _seconds=seconds,
            )
        finally:
            response.close()

    def _build(self, method: str, url: str, **parts: Any) -> httpx2.Request:
        """The request, or the TransportError of a URL httpx2 cannot send (a host name IDNA
        2008 refuses: every URL a user gives is checked before, core/urls.host_problem; this
        is for one a server gave). It never left this machine."""
        import httpx2

        try:
            return self._client.build_request(method, url, **parts)
        except httpx2.InvalidURL as exc:
            raise failure("url", exc) from None

    def _follow(self, request: httpx2.Request, hops: list[str]) -> httpx2.Response:
        """Send, following at most MAX_REDIRECTS redirects, never from https to http (the file
        and anything sent for it would cross the network readable) nor out of http(s); each
        redirect followed goes into hops (its host)."""
        response = self._client.send(request, stream=True)
        for _ in range(MAX_REDIRECTS + 1):
            hop, came_from = response.next_request, response.request.url.scheme
            if hop is None:
                return response
            response.close()
            shown = redact.signed(str(hop.url))
            if hop.url.scheme not in ("http", "https"):
                raise failure("redirect", f"to a {hop.url.scheme}: URL ({shown})")
            if came_from == "https" and hop.url.scheme == "http":
                raise failure("redirect", f"from https to plain http ({shown})")
            self._trace_request(hop)
            hops.append(hop.url.host)
            response = self._client.send(hop, stream=True)
        response.close()
        raise failure("redirects")

    @staticmethod
    def _bound(
        request: httpx2.Request, seconds: float, cancel: threading.Event | None = None
    ) -> float:
        """Give the request timeouts that carry its exchange's end (redirects keep them), and
        return that end."""
        request.extensions["timeout"], ends = deadlines.budgets(
            request.extensions["timeout"], seconds, cancel
        )
        return ends

    def _trace_request(self, request: httpx2.Request) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return
        log.debug(
            "-> %s %s headers=%s body=%s",
            request.method,
            self.redactor.text(str(request.url)),
            redact.headers(dict(request.headers)),
            self._traced_body(request),
        )

    def _traced_body(self, request: httpx2.Request) -> str:
        """The request's body as a trace shows it; a body still to be streamed (a redirect's
        next request carries one) is never read here: the trace says what is known of it."""
        import httpx2

        try:
            content = request.content
        except httpx2.RequestNotRead:
            length = request.headers.get("content-length")
            return f"(streamed, {length} bytes)" if length else "(streamed)"
        return self.redactor.body(content, limit=TRACE_LIMIT) if content else ""

"""One deadline for a whole HTTP exchange (status line, 1xx answers, headers, body, trailers): the
network streams under httpx2 cut every socket operation to the time the exchange has left.

httpx's timeouts are per socket operation, so a server that sends a header every few seconds, an
endless series of `100 Continue` or an endless trailer never trips them. The transport gives each
request timeouts that also carry when its exchange ends (Budget); httpcore2 hands them, as they
are, to the streams of this module's network backend, which cut each connect, TLS handshake,
read and write to what is left and fail it once nothing is. An exchange may also carry a cancel
event (a download a stop ends): its reads then wake every CANCEL_CHECK seconds to look at it.

The only module that imports httpcore2 (the engine under httpx2), and only once a transport is
made: its streams and backend follow httpcore2's NetworkStream and NetworkBackend by shape.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable
from typing import Any

CANCEL_CHECK = 0.1  # seconds: how soon a cancelled exchange notices, while its server is silent


class Cancelled(Exception):
    """The exchange's cancel event was set while it waited for the server."""


class Budget(float):
    """Seconds for one socket operation (infinite for None) that also know when the exchange
    they belong to ends (a time.monotonic() value), and what cancels it."""

    ends: float
    cancel: threading.Event | None

    def __new__(
        cls, seconds: float | None, ends: float, cancel: threading.Event | None = None
    ) -> Budget:
        budget = super().__new__(cls, math.inf if seconds is None else seconds)
        budget.ends, budget.cancel = ends, cancel
        return budget


def budgets(
    timeouts: dict[str, float | None], seconds: float, cancel: threading.Event | None = None
) -> tuple[dict[str, Any], float]:
    """httpx's timeout extension for one exchange that may take at most `seconds`, and when that
    exchange ends. Waiting for a free connection in the pool is bounded by `seconds` too."""
    ends = time.monotonic() + seconds
    cut: dict[str, Any] = {}
    for name, value in timeouts.items():
        if name == "pool":
            cut[name] = seconds if value is None else min(value, seconds)
        else:
            cut[name] = Budget(value, ends, cancel)
    return cut, ends


def _left(timeout: float | None, late: str) -> float | None:
    """The timeout for one socket operation: what its exchange has left, if less; `late` names
    the httpcore2 timeout raised once nothing is."""
    if not isinstance(timeout, Budget):
        return timeout
    left = timeout.ends - time.monotonic()
    if left <= 0:
        import httpcore2

        raise getattr(httpcore2, late)("the exchange's deadline passed")
    return min(float(timeout), left)


class _Stream:
    """An httpcore2 NetworkStream whose operations keep to their exchange's budget."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        cut = _left(timeout, "ReadTimeout")
        cancel = timeout.cancel if isinstance(timeout, Budget) else None
        if cancel is None:
            return bytes(self._inner.read(max_bytes, cut))
        return self._read_watching(max_bytes, cut, cancel)

    def _read_watching(self, max_bytes: int, cut: float | None, cancel: threading.Event) -> bytes:
        """One read, in slices of CANCEL_CHECK seconds with a look at `cancel` between them;
        a silence still counts as a timeout only once it lasted the whole `cut`."""
        import httpcore2

        until = time.monotonic() + (math.inf if cut is None else cut)
        while True:
            if cancel.is_set():
                raise Cancelled("cancelled")
            left = until - time.monotonic()
            if left <= 0:
                raise httpcore2.ReadTimeout("timed out")
            try:
                return bytes(self._inner.read(max_bytes, min(CANCEL_CHECK, left)))
            except httpcore2.ReadTimeout:
                continue  # the silence goes on: look at cancel, then at the time left

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, "WriteTimeout"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _Stream:
        cut = _left(timeout, "ConnectTimeout")
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, cut))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend:
    """An httpcore2 NetworkBackend (its SyncBackend) whose streams keep to their budgets."""

    def __init__(self) -> None:
        import httpcore2

        self._inner = httpcore2.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _Stream:
        cut = _left(timeout, "ConnectTimeout")
        return _Stream(self._inner.connect_tcp(host, port, cut, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _Stream:
        cut = _left(timeout, "ConnectTimeout")
        return _Stream(self._inner.connect_unix_socket(path, cut, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(transports: Iterable[Any]) -> bool:
    """Make the connection pools of these httpx2 transports (the client's own and its proxies')
    open their connections through the cutting backend. The pool's backend is not part of
    httpx2's API: False when a transport does not look as expected (the tests then fail)."""
    pools: list[Any] = [getattr(transport, "_pool", None) for transport in transports]
    if not all(hasattr(pool, "_network_backend") for pool in pools):
        return False
    backend = _Backend()
    for pool in pools:
        pool._network_backend = backend
    return True

"""`akool mcp`'s standard input as lines of bytes: at most a limit held, and a wait for the next
line that a session ending for another reason (its client stopped reading) can cut short."""

from __future__ import annotations

import os
import select
from collections.abc import Callable

# How often a wait for input asks whether the session is ending meanwhile (seconds).
CHECK_SECONDS = 0.1
CHUNK_BYTES = 64 * 1024


class Lines:
    """The lines of a file descriptor, each with its newline (the last one may have none; b""
    at the end). A line longer than `limit` bytes (without its newline) ends the input there:
    `too_long` says so, and at most limit + CHUNK_BYTES are ever held. While no input comes,
    `check` is called every CHECK_SECONDS: it raises to stop the wait (the session ends)."""

    def __init__(self, fd: int, limit: int, check: Callable[[], None] = lambda: None) -> None:
        self._fd, self._limit, self._check = fd, limit, check
        self._held = bytearray()
        self._scanned = 0  # the held bytes searched for a newline already
        self._ended = False
        self.too_long = False

    def readline(self) -> bytes:
        while not self.too_long:
            end = self._held.find(b"\n", self._scanned)
            if end > self._limit or (end < 0 and len(self._held) > self._limit):
                self.too_long = True
                self._held.clear()
                break
            if end >= 0 or (self._ended and self._held):
                size = end + 1 if end >= 0 else len(self._held)
                line = bytes(self._held[:size])
                del self._held[:size]
                self._scanned = 0
                return line
            if self._ended:
                break
            self._scanned = len(self._held)
            self._read()
        return b""

    def _read(self) -> None:
        """One chunk, once there is one (or the end of the input)."""
        try:
            while not select.select([self._fd], [], [], CHECK_SECONDS)[0]:
                self._check()
            chunk = os.read(self._fd, CHUNK_BYTES)
        except OSError:  # the descriptor is closed or unreadable: no more input
            chunk = b""
        if chunk:
            self._held += chunk
        else:
            self._ended = True

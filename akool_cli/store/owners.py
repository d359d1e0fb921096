"""Telling a live akool process from a dead one, across reboots, PID reuse and containers.

Each process that sends a billable create holds an exclusive lock on a small file named by a random
owner token for as long as it runs. The kernel drops the lock when the process dies (SIGKILL, a
reboot, a container torn down), so "can I take that lock?" answers "is the owner gone?" without
trusting PIDs, which are reused after a reboot and repeat in every fresh container.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from pathlib import Path

from akool_cli.core.errors import LocalStateError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: fall back to PID checks
    fcntl = None  # type: ignore[assignment]

OWNERS_DIR = "owners"

_lock = threading.Lock()
_held: dict[Path, tuple[str, int]] = {}
_fds: dict[Path, int] = {}
# The creates this process is sending right now, as (home, attempt id): from the attempt's
# insert until its outcome is written or its sender gives up. Another thread, with its own
# Client and history connection, tells them from a create of this process that ended without
# its outcome (break17g G2: it took a twin's create in flight for an unknown outcome).
_sending: set[tuple[Path, int]] = set()


def token_for(home: Path) -> str:
    """This process's owner token under `home`, taking its lock on first use."""
    with _lock:
        found = _held.get(home)
        if found is not None and found[1] == os.getpid():
            return found[0]
        token = f"{os.getpid()}-{secrets.token_hex(8)}"
        folder = home / OWNERS_DIR
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(folder / f"{token}.lock", os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError as exc:
            # Named here: the caller is writing the history, which is not what failed.
            raise LocalStateError(
                f"cannot create a lock file in {folder}: {exc.strerror or exc}",
                hint=f"make {folder} writable (or remove it: akool makes it again), or set "
                "AKOOL_HOME to a writable folder",
                path=str(folder),
            ) from exc
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        _held[home] = (token, os.getpid())
        _fds[home] = fd
        return token


def is_mine(home: Path, token: str) -> bool:
    """Whether `token` is this process's own under `home`."""
    with _lock:
        mine = _held.get(home)
    return mine is not None and mine[0] == token and mine[1] == os.getpid()


def sending(home: Path, attempt_id: int) -> None:
    """This process sends the create of `attempt_id` (under `home`) from now on."""
    with _lock:
        _sending.add((home, attempt_id))


def sent(home: Path, attempt_id: int) -> None:
    """This process no longer sends it: its outcome is written, or never will be by it."""
    with _lock:
        _sending.discard((home, attempt_id))


def in_flight(home: Path, attempt_id: int) -> bool:
    """Whether a thread of this process is sending that create right now."""
    with _lock:
        return (home, attempt_id) in _sending


def is_alive(home: Path, token: str) -> bool:
    """Whether the process that owns `token` still runs (and is not this process)."""
    with _lock:
        mine = _held.get(home)
    if mine is not None and mine[0] == token and mine[1] == os.getpid():
        return False  # whoever asks in this process is past waiting for its own answer
    if not token:
        return False
    path = home / OWNERS_DIR / f"{token}.lock"
    try:
        fd = os.open(path, os.O_RDWR | _NOFOLLOW)
    except OSError:
        return False  # no lock file: its owner finished long ago, or ran on another machine
    try:
        if fcntl is None:  # pragma: no cover
            return pid_alive(int(token.split("-", 1)[0]))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        with contextlib.suppress(OSError):
            path.unlink()  # the owner is gone: tidy its file
        return False
    finally:
        os.close(fd)


def release(home: Path) -> None:
    """Drop this process's lock file (at a clean exit; a crash leaves it for is_alive to tidy)."""
    with _lock:
        found = _held.pop(home, None)
        fd = _fds.pop(home, None)
    if found is not None:
        with contextlib.suppress(OSError):
            (home / OWNERS_DIR / f"{found[0]}.lock").unlink()
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def _forget_after_fork() -> None:
    """In a forked child: drop the parent's owner locks without unlocking them. The child's
    copies of their descriptors share the parent's lock (an flock belongs to the open file, not
    to the process), so kept open they would hold it after the parent died, and its create in
    flight would pass for a live akool's, never an unknown outcome (break17i I2). Closing a copy
    leaves the parent's lock held while the parent runs; the child takes its own on first use.
    The lock guarding these tables is made again: another thread may have held it at the fork."""
    global _lock
    _lock = threading.Lock()
    for fd in _fds.values():
        with contextlib.suppress(OSError):
            os.close(fd)
    _fds.clear()
    _held.clear()
    _sending.clear()  # the parent's threads send those; none of them is in this process


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


def pid_alive(pid: int) -> bool:
    """Whether a process with this PID runs (and is not this one): the one PID check, for where
    no owner lock exists (history rows of akool 0.1, systems without flock). PIDs are reused,
    so it is a best guess: a process we may not signal is taken to be alive."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def release_all() -> None:
    """Drop every lock file this process holds (the CLI calls this as it exits)."""
    with _lock:
        homes = [home for home, (_, pid) in _held.items() if pid == os.getpid()]
    for home in homes:
        release(home)

"""The hidden part file of a download: held under an exclusive lock, never opened through a
symbolic link, resumable, and removed when it holds nothing.

Two akool processes saving the same job into the same folder share one part file: the first
takes the lock and downloads, the second waits for it. The lock is an flock on the part file
itself (no extra lock file to leave behind); whoever holds it may remove or replace the file, so
a waiter checks, once it has the lock, that the path still names the file it locked.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
from pathlib import Path

from akool_cli.errors import AkoolError, UsageError

# O_NONBLOCK: a FIFO planted at the path must not hang the open (no effect on regular files).
NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.part")


def meta_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.part.json")


def refuse_link(path: Path) -> None:
    """A planted symlink at a part or metadata path would make akool write into its victim."""
    if path.is_symlink():
        raise UsageError(
            f"{path} is a symbolic link; akool never writes through one",
            hint=f"remove it (rm {path}) and run again",
        )


def open_nofollow(path: str | os.PathLike[str], flags: int, mode: int = 0o666) -> int:
    """os.open that refuses a symlink at the last component (and anything but a regular file)."""
    try:
        fd = os.open(path, flags | NOFOLLOW, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            refuse_link(Path(path))
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UsageError(
            f"{path} is not a regular file", hint=f"remove it (rm {path}) and run again"
        )
    return fd


class PartLock:
    """An exclusive lock on target's part file, taken on entry and released on exit."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = part_path(target)
        self.meta = meta_path(target)
        self.fd = -1
        self.waited = False  # another process held the lock when this one asked for it

    def __enter__(self) -> PartLock:
        while True:
            try:
                fd = open_nofollow(self.path, os.O_RDWR | os.O_CREAT)
            except OSError as exc:
                raise AkoolError(
                    f"cannot write {self.path}: {exc.strerror or exc}",
                    hint="choose a directory you can write to, e.g. -o ./videos/",
                ) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.waited = True
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
            if self._names(fd):
                self.fd = fd
                return self
            os.close(fd)  # the holder finished and removed it: lock the file there now

    def _names(self, fd: int) -> bool:
        try:
            here = os.lstat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def __exit__(self, *exc: object) -> None:
        # An empty part file is only litter (a failed or finished download leaves nothing).
        if os.fstat(self.fd).st_size == 0 and self._names(self.fd):
            self.path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = -1

    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def discard(self) -> None:
        """Start over: empty the part file (keeping the locked file) and forget its validator."""
        os.ftruncate(self.fd, 0)
        self.meta.unlink(missing_ok=True)

    def head(self, size: int) -> bytes:
        return os.pread(self.fd, size, 0)

    def read_validator(self) -> str | None:
        try:
            fd = open_nofollow(self.meta, os.O_RDONLY)
        except FileNotFoundError:
            return None
        with open(fd, encoding="utf-8") as file:
            try:
                value = json.load(file).get("validator")
            except (OSError, ValueError, AttributeError):
                return None
        return value if isinstance(value, str) and value else None

    def write_validator(self, validator: str) -> None:
        fd = open_nofollow(self.meta, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as file:
            json.dump({"validator": validator}, file)

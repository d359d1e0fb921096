"""The local side of a download: where the video goes (checked before any billable work) and the
hidden part file beside it, held under an exclusive lock, never opened through a symbolic link,
resumable, written and hashed (on a worker thread) from reusable buffers, and removed when it
holds nothing.

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
import queue
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from akool_cli.core.errors import AkoolError, UsageError

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# An ETag or Last-Modified that can go back in an If-Range header as it is: printable ASCII.
SENDABLE_VALIDATOR = re.compile(r"[ -~]+")
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
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UsageError(
            f"{path} is not a regular file", hint=f"remove it (rm {path}) and run again"
        )
    if info.st_nlink > 1:
        # A hard link planted at the part file would make akool write into another file.
        os.close(fd)
        raise UsageError(
            f"{path} is linked to another file (hard link); akool will not write through it",
            hint=f"remove it (rm {path}) and run again",
        )
    return fd


def safe_file_name(stem: str, suffix: str = ".mp4") -> str:
    """A file name from an id or URL part that cannot climb out of its directory."""
    name = SAFE_NAME.sub("_", stem).strip("._") or "video"
    return name[:120] + suffix


def names_directory(output: str, *, many: bool) -> bool:
    """Whether -o names a directory: it ends with /, is one already, or several jobs share it."""
    return many or output.endswith(("/", os.sep)) or Path(output).expanduser().is_dir()


def resolve_target(output: str, job_id: str, *, many: bool, suffix: str = ".mp4") -> Path:
    """Where a job's result goes: into a directory as <job_id>.mp4 (.mp3 for speech), or at the
    exact path given."""
    path = Path(output).expanduser()
    if names_directory(output, many=many):
        return path / safe_file_name(job_id, suffix)
    return path


def check_target(target: Path, *, force: bool, make_parent: bool = False) -> None:
    """Refuse a target that cannot receive a file, before any billable work starts.

    make_parent: the parent is a directory the user named (-o DIR/, --output-dir DIR), which
    download() creates when it is missing; only its nearest existing ancestor is checked then.
    """
    if target.is_symlink() and not target.exists():
        raise UsageError(
            f"the output path {target} is a symbolic link to {os.readlink(target)}, "
            "which does not exist",
            hint="choose another path, or remove the link",
        )
    if target.is_dir():
        raise UsageError(
            f"the output path {target} is a directory",
            hint=f"give a file name (e.g. {target / 'video.mp4'}) or end the path with /",
        )
    if target.exists() and not force:
        raise UsageError(
            f"{target} already exists",
            hint="choose another path, or add --force to replace it",
        )
    for hidden in (part_path(target), meta_path(target)):
        refuse_link(hidden)
    _check_directory(target.parent, make_parent=make_parent)


def _check_directory(parent: Path, *, make_parent: bool) -> None:
    if make_parent:
        while not parent.exists() and not parent.is_symlink() and parent != parent.parent:
            parent = parent.parent
    elif not parent.exists():
        raise UsageError(
            f"the output directory {parent} does not exist",
            hint=f"create it first: mkdir -p {parent} (akool creates a folder given as -o DIR/)",
        )
    if not parent.is_dir():
        raise UsageError(f"{parent} is not a directory", hint="choose another output path")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(
            f"the output directory {parent} is not writable",
            hint="choose a directory you can write to, e.g. -o ./videos/",
        )


def make_directory(folder: Path) -> None:
    """Create an output directory the user named (and its parents), as mkdir -p does."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(
            f"{folder} is not a directory", hint="choose another output path"
        ) from None
    except OSError as exc:
        raise UsageError(
            f"cannot create the output directory {folder}: {exc.strerror or exc}",
            hint="create it yourself, or choose another directory",
        ) from None


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
        """Start over: empty the part file (keeping the locked file) and forget its validator.

        An empty file is left alone: on ext4 truncating a file, even an empty one, to zero
        makes its next close start writing all its data to disk (auto_da_alloc, meant for
        files rewritten in place), which costs a fresh 256 MB download a third of its time."""
        if os.fstat(self.fd).st_size:
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
        return value if isinstance(value, str) and SENDABLE_VALIDATOR.fullmatch(value) else None

    def write_validator(self, validator: str) -> None:
        if not SENDABLE_VALIDATOR.fullmatch(validator):
            return  # one that cannot be sent back in If-Range: a resume starts over instead
        fd = open_nofollow(self.meta, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as file:
            json.dump({"validator": validator}, file)


class PartWriter:
    """Saves a download into its part file and hashes it as the bytes arrive. The body goes
    from the socket straight into one of a few reusable buffers (each byte is copied once);
    the caller's thread writes each buffer to disk at once, while it is still in the CPU's
    cache, and one worker thread hashes it in place. Both the write and SHA-256 release the
    GIL, so disk, hashing and the network overlap on two cores, and the buffers bound the
    memory (four of at most 1 MiB, smaller for a small file)."""

    BUFFERS = 4
    LARGEST = 1 << 20
    SMALLEST = 64 * 1024

    def __init__(self, file: BinaryIO, digest: Any, expected: int | None = None) -> None:
        self._file = file  # unbuffered (each buffer is one write), closed in close()
        self._size = min(self.LARGEST, max(self.SMALLEST, expected or self.LARGEST))
        self._buffers: list[memoryview] = []
        self._free: queue.Queue[int] = queue.Queue()  # buffers the hasher is done with
        self._filled: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self._hasher = threading.Thread(
            target=self._hash, args=(digest,), name="akool-hash", daemon=True
        )
        self._hasher.start()

    def _hash(self, digest: Any) -> None:
        while (item := self._filled.get()) is not None:
            index, count = item
            try:
                digest.update(self._buffers[index][:count])
            finally:
                self._free.put(index)  # whatever happens, the caller never waits for it

    def _take(self) -> int:
        """A free buffer; a new one while fewer than BUFFERS exist (only this thread adds)."""
        if self._free.empty() and len(self._buffers) < self.BUFFERS:
            self._buffers.append(memoryview(bytearray(self._size)))
            return len(self._buffers) - 1
        return self._free.get()

    def _hand_off(self, index: int, count: int) -> None:
        if not count:
            self._free.put(index)
            return
        self._filled.put((index, count))  # the hasher starts on it while it is written
        unwritten = self._buffers[index][:count]
        while unwritten:  # an unbuffered file: what write() takes is in the kernel's hands
            unwritten = unwritten[self._file.write(unwritten) :]

    def receive(self, fill: Callable[[memoryview], int]) -> int:
        """Fill the next buffer by calling fill (which puts at most len(view) bytes at the start
        of the view it is given and returns how many, 0 at the end), then save and hash what
        it holds; returns the count. The buffer is handed on as soon as a fill comes back
        short (nothing more was waiting): bytes never wait in memory for the next ones, so a
        stalled server and a SIGKILL lose none, and a fast one still fills whole buffers."""
        index = self._take()
        view, count = self._buffers[index], 0
        try:
            while count < len(view):
                asked = len(view) - count
                got = fill(view[count:])
                count += got
                if got < asked:
                    break
        finally:
            self._hand_off(index, count)
        return count

    def put(self, data: bytes) -> None:
        """Save bytes the caller already holds (the few it read to check the file's kind)."""
        position = 0

        def copy(view: memoryview) -> int:
            nonlocal position
            count = min(len(view), len(data) - position)
            view[:count] = data[position : position + count]
            position += count
            return count

        while position < len(data):
            self.receive(copy)

    def close(self) -> None:
        self._filled.put(None)
        self._hasher.join()
        self._file.close()

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        # Whatever happened on the network, every byte received reaches the part file, so the
        # next try can resume from it.
        self.close()

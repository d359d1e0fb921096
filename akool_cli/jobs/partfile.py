"""The local side of a download: where the video goes (checked before any billable work) and the
hidden part file beside it, held under an exclusive lock, never opened through a symbolic link,
resumable, written and hashed as the body arrives, and removed when it holds nothing.

Two akool processes saving the same job into the same folder share one part file: the first
takes the lock and downloads, the second waits for it. The lock is an flock on the part file
itself (no extra lock file to leave behind); whoever holds it may remove or replace the file, so
a waiter checks, once it has the lock, that the path still names the file it locked.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any, BinaryIO

from akool_cli.core.errors import AkoolError, TargetExistsError, UsageError
from akool_cli.core.validate import check_utf8_path, unsafe_character

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# An ETag or Last-Modified that can go back in an If-Range header as it is: printable ASCII.
SENDABLE_VALIDATOR = re.compile(r"[ -~]+")
# A .part.json holds one validator: a larger one is not ours, and is read no further.
META_BYTES = 64 * 1024
# O_NONBLOCK: a FIFO planted at the path must not hang the open (no effect on regular files).
# Read with getattr: the module must import where they are missing (platforms.check() refuses
# such systems with one line, and `import akool_cli` must not crash before it can).
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)


UTF8_FOLDER_HINT = (
    "save into a folder whose path is UTF-8 (e.g. -o ~/videos/), or rename the folder "
    "(convmv -f latin1 -t utf-8)"
)


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
    return many or output.endswith(("/", os.sep)) or is_dir(Path(output).expanduser())


def is_dir(path: Path) -> bool:
    """Path.is_dir, with a name the system cannot even look up (too long, a NUL) being none."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def resolve_target(output: str, job_id: str, *, many: bool, suffix: str = ".mp4") -> Path:
    """Where a job's result goes: into a directory as <job_id>.mp4 (.mp3 for speech), or at the
    exact path given. Always absolute: every result (JSON, history, the library) reports a
    download in that one form."""
    path = Path(output).expanduser().absolute()
    if names_directory(output, many=many):
        return path / safe_file_name(job_id, suffix)
    return path


def check_target(target: Path, *, force: bool, make_parent: bool = False) -> None:
    """Refuse a target that cannot receive a file, before any billable work starts.

    make_parent: the parent is a directory the user named (-o DIR/, --output-dir DIR), which
    download() creates when it is missing; only its nearest existing ancestor is checked then.
    A path the system cannot look up (a name too long, a file where a folder should be) is a
    UsageError naming it too.
    """
    check_utf8_path(
        target.parent if make_parent else target,
        f"the output {'folder' if make_parent else 'path'}",
        hint=UTF8_FOLDER_HINT,
    )
    if bad := unsafe_character(str(target)):
        # The rule a batch row's output name follows too (break17j J2).
        raise UsageError(
            f"the output path {str(target)!r} holds {bad}, which changes how a name is shown",
            hint="choose a name without it, e.g. -o video.mp4 (letters of any script are fine)",
        )
    try:
        _check_target(target, force=force, make_parent=make_parent)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UsageError(
            f"the output path {target} cannot be used: {reason}",
            hint="choose another path, e.g. -o ./videos/",
        ) from None


def _check_target(target: Path, *, force: bool, make_parent: bool) -> None:
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
    refuse_special(target)
    refuse_own_state(target)
    if target.exists() and not force:
        raise TargetExistsError(
            f"{target} already exists",
            hint="choose another path, or add --force to replace it",
        )
    for hidden in (part_path(target), meta_path(target)):
        refuse_link(hidden)
    _check_directory(target.parent, make_parent=make_parent)


# What an existing path that is not a regular file is, by its type (stat's S_IS* tests).
SPECIAL_FILES = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_special(target: Path) -> None:
    """A target that exists and is a device, a FIFO or a socket (/dev/null, /dev/stdout, a
    named pipe), itself or where its link points: never written into, never replaced by the
    video, --force or not (break17f F20: `-o /dev/null --force` as root made /dev/null a file)."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return  # nothing there (or nothing to look up): the other checks say so
    what = next((name for test, name in SPECIAL_FILES if test(mode)), None)
    if what is not None:
        raise UsageError(
            f"the output path {target} is {what}, not a file: akool saves results as files "
            "and never writes into or replaces anything else (with --force neither)",
            hint="give a file or a folder (-o videos/); to download a result and throw it "
            'away, save it in a temporary folder: -o "$(mktemp -d)/"',
        )


def refuse_own_state(target: Path) -> None:
    """A target that is one of akool's own files (the history and its -wal/-shm, config.json),
    itself or where its link points: never replaced by a result, --force or not (break17j J10:
    `-o $AKOOL_HOME/jobs.sqlite3 --force` replaced the history with the video)."""
    from akool_cli.store import config

    try:
        where = config.paths()
        own = [where.journal_file, where.config_file, where.config_dir / config.CONFIG_LOCK]
        own += [where.journal_file.with_name(where.journal_file.name + s) for s in ("-wal", "-shm")]
        resolved = target.resolve()
        hit = next((p for p in own if p.resolve() == resolved), None)
    except (OSError, ValueError, RuntimeError, AkoolError):
        return  # no home to look up: nothing of akool's there
    if hit is not None:
        raise UsageError(
            f"the output path {target} is akool's own {hit.name}: a result never replaces "
            "akool's history or settings (with --force neither)",
            hint="choose another path, e.g. -o ./videos/",
        )


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


def check_folder(folder: Path) -> None:
    """A folder the user named for downloads (sync -o DIR) that is, or can become, a folder:
    refused before any work when it is a file, lies inside one, or cannot be looked up, or
    when its path is not UTF-8 (what is saved there could not be recorded: break17j J1)."""
    check_utf8_path(folder, "the folder", hint=UTF8_FOLDER_HINT)
    try:
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if existing.is_dir():
            return
        problem = "is a file" if existing == folder else f"would be inside the file {existing}"
    except (OSError, ValueError) as exc:
        problem = f"cannot be used: {getattr(exc, 'strerror', None) or exc}"
    raise UsageError(
        f"the folder {folder} {problem}", hint="choose another folder, e.g. -o ./videos/"
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
        import fcntl  # POSIX only: imported where it is used (platforms.check() ran before)

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
                value = json.loads(file.read(META_BYTES)).get("validator")  # a few dozen bytes
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
    """Saves a download into its part file as its pieces arrive, hashing each. A piece is
    written before the next one is read, so bytes never wait in memory: a stalled server or a
    SIGKILL loses nothing received, and memory stays at one piece."""

    def __init__(self, file: BinaryIO, digest: Any) -> None:
        self._file = file  # unbuffered: each piece is one write; closed in close()
        self._digest = digest

    def put(self, data: bytes) -> None:
        unwritten = memoryview(data)
        while unwritten:  # what write() takes is in the kernel's hands
            unwritten = unwritten[self._file.write(unwritten) :]
        self._digest.update(data)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        # Whatever happened on the network, every byte received reaches the part file, so the
        # next try can resume from it.
        self.close()

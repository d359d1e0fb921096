"""Where `akool audit` puts its report: --output FILE written whole or not at all (a temporary
file beside it, renamed over it when complete), and a file that stdout was sent to taken back to
its size when the disk fills, so that no half-written report is left for a CI step to upload;
and streams whose encoding cannot carry every character (cp1252, latin-1) written with escapes."""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import importlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from akool_cli.audit import walking
from akool_cli.cli.output import Output, detach_stdout
from akool_cli.core.errors import AkoolError, UsageError

FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})  # the disk (or a quota) is full
FULL_HINT = "free some space (or name a FILE on another disk), then run the audit again"


def check_target(name: str) -> Path | None:
    """--output's FILE, before the audit runs: a new or regular file in a folder that exists
    (`-`: stdout, as without --output). A link is followed, as a shell's `>` follows it: the
    report replaces the file it leads to, and a link to a place whose folder is missing (or a
    loop of links) is said as what it is, not as a missing folder of its own."""
    if name == "-":
        return None
    if not name:
        raise UsageError("--output needs a file name", hint="--output akool-audit.sarif")
    target = Path(name)
    try:
        mode: int | None = os.stat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # (a new file, or one in a folder that does not exist: said below)
    except OSError as exc:  # a name too long, a loop of links: stat refuses it
        raise UsageError(
            f"--output {name[:80]}: {_refused_by_stat(target, exc)}",
            hint="name a file to write, or drop --output to print on stdout",
        ) from None
    if (mode is not None and not stat.S_ISREG(mode)) or name.endswith(("/", os.sep)):
        # (`newdir/`, a folder not made yet: a file named `newdir` was written, where `>` fails)
        raise UsageError(
            f"--output {name}: not a regular file (a folder, a pipe or a device)",
            hint="name a file to write, or drop --output to print on stdout",
        )
    if not Path(os.path.realpath(target)).parent.is_dir():
        raise _no_folder(name, target)
    return target


def _refused_by_stat(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP and os.path.islink(target):
        return f"a link in a loop of links ({exc.strerror})"
    return exc.strerror or "cannot be used"


def _no_folder(name: str, target: Path) -> UsageError:
    """FILE's folder does not exist: its own, or, for a link, the folder of where it leads (the
    folder that holds the link exists: `mkdir` of it would not help)."""
    if os.path.islink(target):
        with contextlib.suppress(OSError):
            return UsageError(
                f"--output {name}: a link to {os.readlink(target)}, in a folder that is missing",
                hint="create that folder, or name another file (--output writes where a "
                "link leads, as a shell's > does)",
            )
    return UsageError(f"--output {name}: its folder does not exist", hint="create the folder first")


# Suffixes a report may have: such a FILE inside a scanned folder is replaced when it holds one
# of the audit's reports (or nothing), refused when it holds anything else the audit reads.
REPORT_SUFFIXES = frozenset({".json", ".sarif", ".txt", ".text", ".log", ".out", ".patch", ".diff"})


# The audit's tables of what it reads by suffix, (module, name): every string of a table (a key,
# a value or an item) that starts with "." is a suffix the audit reads with its own reader.
READ_TABLES = (
    *(("calls", "SHELL_SUFFIXES"), ("calls", "JS_SUFFIXES"), ("calls", "LANGUAGES")),
    *(("source", "COMMENTS"), ("source", "DOCS"), ("multiline", "SYNTAXES")),
    *(("notebooks", "SUFFIXES"), ("notebooks", "NOTEBOOK_SUFFIX")),
    *(("restfiles", "REQUEST_SUFFIXES"), ("batch", "BATCH_SUFFIXES"), ("brunofiles", "SUFFIX")),
    *(("workflows", "WORKFLOW_SUFFIXES"), ("specs", "SPEC_SUFFIXES")),
    *(("makefiles", "MAKEFILE_SUFFIXES"), ("terraform", "TF_SUFFIX")),
    *(("lua", "LUA_SUFFIXES"), ("elixir", "ELIXIR_SUFFIXES"), ("rpipes", "R_SUFFIXES")),
    *(("urlbuilders", "JVM_SUFFIXES"), ("declared", "SUFFIXES"), ("ktorclients", "SUFFIXES")),
    ("answers", "RUBY_SUFFIXES"),  # (Ruby without `.rb`: `.rake`, `config.ru`, a gemspec)
    ("walking", "EMBEDDING_SUFFIXES"),  # (every embedded reader's: .hurl, Thunder Client's .json)
)


@functools.cache
def read_suffixes() -> frozenset[str]:
    """Every suffix the audit reads with a language's or a format's own reader (READ_TABLES,
    read when first asked: the audit's modules are not imported by every akool command)."""
    found: set[str] = set()
    for module, name in READ_TABLES:
        found |= suffixes_in(getattr(importlib.import_module(f"akool_cli.audit.{module}"), name))
    return frozenset(found)


def suffixes_in(table: object) -> set[str]:
    """The suffixes a table holds: the strings starting with "." among its keys, values or items
    (or itself)."""
    if isinstance(table, str):
        items: list[object] = [table]
    elif isinstance(table, dict):
        items = [*table, *table.values()]
    else:
        items = list(table) if isinstance(table, (tuple, list, set, frozenset)) else []
    return {item for item in items if isinstance(item, str) and item.startswith(".")}


def script_suffixes() -> frozenset[str]:
    """The suffixes of files the audit reads as code or docs: an --output naming one inside a
    scanned path would replace a script with its own findings (break21f #1)."""
    return read_suffixes() - REPORT_SUFFIXES


def refuse_scanned_target(target: Path | None, paths: list[Path]) -> None:
    """--output's FILE is no file the audit is about to read: one named on the command line,
    or a script inside a named folder (a report of an earlier run is fine to replace)."""
    if target is None or not target.is_file():
        return
    for path in paths:
        if path.is_file() and os.path.samefile(path, target):
            raise UsageError(
                f"--output {target}: it is a file being audited",
                hint="name another file for the report",
            )
        if path.is_dir() and _read_inside(target, path):
            raise UsageError(
                f"--output {target}: it is a script inside {path}, which is being audited",
                hint="name a report file such as akool-audit.sarif or audit.json",
            )


def _read_inside(target: Path, folder: Path) -> bool:
    """Whether the audit of `folder` reads the file `target` as a script: a file inside it with
    a script's suffix, or any other text it reads that is none of the audit's own reports
    (an extensionless `bin/deploy`, a `Makefile`, `run.sh.in`: break21g)."""
    real = Path(os.path.realpath(target))
    root = os.path.realpath(folder)
    if not real.is_relative_to(root):
        return False
    if real.suffix.lower() in script_suffixes():
        return True
    if any(part in walking.SKIPPED_DIRS for part in real.relative_to(root).parts):
        return False
    from akool_cli.audit.outputs import own_output

    text = _text_of(real)
    if text is None or text.strip() in ("", "[]"):  # (nothing, or --json's array of no findings)
        return False
    return own_output(text) is None


def _text_of(path: Path) -> str | None:
    """A file's text as the audit would read it (None: binary, too large, unreadable, or no
    longer a regular file; never waiting on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = handle.read(walking.MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > walking.MAX_FILE_BYTES or b"\x00" in data[:8192]:
        return None
    return data.decode("utf-8", "replace")


def write_whole(out: Output, target: Path, write: Callable[[], None]) -> None:
    """What `write` prints on out.stdout, into FILE: complete, or FILE left as it was and no
    part of it anywhere. Each run writes its own temporary file, so two audits at once that
    name one FILE never mix their reports: the last one to finish is the file."""
    real = Path(os.path.realpath(target))
    _remove_stale_parts(real)
    # (another audit of the folder skips it; the pid tells a later run whether its writer lives)
    prefix = f".{real.name}{walking.PART_MARK}{os.getpid()}-"
    part = ""
    saved = out.stdout, out.stdout_tty, out.on_json
    try:
        # (a folder that refuses new files, a read-only checkout: the same one line, exit 1)
        fd, part = tempfile.mkstemp(dir=real.parent, prefix=prefix, suffix=walking.PART_SUFFIX)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as file:
            os.fchmod(fd, _mode(real))
            # (a document in FILE is not stdout's: a failure still prints --json's one document)
            out.stdout, out.stdout_tty, out.on_json = file, False, None
            write()
            file.flush()
            os.fsync(file.fileno())
        os.replace(part, real)
        if saved[2] is not None:  # (--json's one document is in FILE: stdout gets no other)
            saved[2]()
    except OSError as exc:
        _remove(part)
        raise AkoolError(
            f"cannot write {target}: {exc.strerror or exc}; nothing was written "
            f"({target} is as it was)",
            hint=FULL_HINT if exc.errno in FULL else "check the folder's permissions",
        ) from None
    except BaseException:
        _remove(part)
        raise
    finally:
        out.stdout, out.stdout_tty, out.on_json = saved


STALE_SECONDS = 120  # a part file untouched this long, whose writer is gone, is a killed run's


def _remove_stale_parts(real: Path) -> None:
    """The part files of FILE that killed runs left (SIGKILL, an OOM kill, a runner's power cut:
    nothing could remove them), removed: their writer's process is gone and they are old. A run
    writing FILE at this moment (alive, or a part touched lately) keeps its own."""
    mark = f".{real.name}{walking.PART_MARK}"
    try:
        entries = [e for e in os.scandir(real.parent) if e.name.startswith(mark)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(mark) :].split("-", 1)[0]
        if not entry.name.endswith(walking.PART_SUFFIX) or (pid.isdigit() and _alive(int(pid))):
            continue
        with contextlib.suppress(OSError):
            if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    """Whether a process of that id runs (one of another user's counts: it may not be signalled)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def failure_target(name: str, argv: list[str]) -> Path | None:
    """--output's FILE for a run that did not audit, when it may be written: a new or regular
    file in a folder that exists, neither named to be audited nor a script inside a folder named
    to be audited (else None: the failure goes to stdout and FILE stays as it was)."""
    try:
        target = check_target(name)
        if target is None or not target.exists():
            return target
    except (UsageError, OSError):
        return None
    words = [w.split("=", 1)[1] if w.startswith("--output=") else w for w in argv]
    named = [Path(w) for w in words if w and not w.startswith("-")]
    try:
        if sum(p.is_file() and os.path.samefile(p, target) for p in named) > 1:
            return None  # (named as --output's FILE and as a file to audit)
        if any(p.is_dir() and _read_inside(target, p) for p in named):
            return None
    except OSError:
        return None
    return target


def failure_to_file(out: Output, name: str, argv: list[str], document: object) -> bool:
    """A failure's one document (a SARIF log or a JSON error document) written whole to FILE in
    place of an earlier run's report, so that a CI step that uploads FILE (docs/ci.md's `if:
    always()`) shows why the audit did not run, never stale findings; False when FILE may not
    be written (see failure_target) or the writing failed (FILE is then as it was)."""
    target = failure_target(name, argv)
    if target is None:
        return False
    try:
        write_whole(out, target, lambda: out.json(document))
    except AkoolError:
        return False
    return True


def drop_stale(out: Output, name: str, argv: list[str]) -> None:
    """A run that did not audit, with text or --diff into FILE: an earlier run's findings or
    patch in FILE removed (a later step must not apply or read them as this run's)."""
    target = failure_target(name, argv)
    if target is None or not target.is_file():
        return
    with contextlib.suppress(OSError):
        os.unlink(target)
        out.info(f"{target}: removed (an earlier run's report; this run wrote none)")


def _mode(target: Path) -> int:
    """The permissions FILE has, or a new file's (as `>` would make it)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(part: str) -> None:
    if not part:
        return
    with contextlib.suppress(OSError):
        os.unlink(part)


def stdout_offset(stream: IO[str]) -> int | None:
    """The size stdout's file is cut back to on a full disk, when stdout is a regular file: where
    it is written from, never less than what it held. With `>> log` (O_APPEND) the offset is 0
    until the first write however long the file is (break21g: `>> log` on a full disk emptied
    the log); with `1<> file` the writing starts inside it."""
    if stream is not sys.stdout:
        return None  # (--output's own file: write_whole takes care of it)
    try:
        fd = stream.fileno()
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        return max(os.lseek(fd, 0, os.SEEK_CUR), info.st_size)
    except (OSError, ValueError, AttributeError):
        return None


def taken_back(exc: OSError, stream: IO[str], start: int | None) -> None:
    """A full disk while stdout went to a file: the file cut back to the size it had, stdout let
    go, and the failure said in one line; any other error goes on up."""
    if start is None or exc.errno not in FULL:
        raise exc
    with contextlib.suppress(OSError, ValueError):
        os.ftruncate(stream.fileno(), start)
    detach_stdout()
    raise AkoolError(
        f"cannot write the report to stdout's file: {exc.strerror or exc}; the part written is "
        "taken back (the file is as it was)",
        hint=FULL_HINT,
    ) from None


# -- stdout in an encoding that cannot carry every character ---------------------------------------

ESCAPE = "akool-audit-escape"


def _escape(exc: UnicodeError) -> tuple[str | bytes, int]:
    """A character the stream's encoding cannot carry, as JSON escapes it (`\\u9ad8`; a pair of
    `\\uXXXX` beyond U+FFFF), so the line and a JSON document stay whole and valid (break21e #23:
    a CJK value on a cp1252 stdout aborted the run, exit 1, the findings lost); a file name's
    undecodable byte (a lone surrogate) as that byte, as `ls` prints it."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    code = ord(exc.object[exc.start])
    if 0xDC80 <= code <= 0xDCFF:
        return bytes([code - 0xDC00]), exc.start + 1
    if code > 0xFFFF:
        high, low = divmod(code - 0x10000, 0x400)
        return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}", exc.start + 1
    return f"\\u{code:04x}", exc.start + 1


codecs.register_error(ESCAPE, _escape)


def escape_unencodable(out: Output, fmt: str) -> None:
    """stdout and stderr write what their encoding cannot carry as escapes, never fail on it; a
    JSON or SARIF document on a stdout that is not UTF-8 is written in ASCII (every other
    character escaped), which any reader takes as UTF-8."""
    for stream in {id(s): s for s in (out.stdout, out.stderr, sys.stdout, sys.stderr)}.values():
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue  # (a test's StringIO)
        with contextlib.suppress(ValueError, OSError, LookupError, AttributeError):
            encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
            is_stdout = stream is out.stdout or stream is sys.stdout
            if fmt in ("json", "sarif") and is_stdout and encoding != "utf-8":
                reconfigure(encoding="ascii", errors=ESCAPE)
            else:
                reconfigure(errors=ESCAPE)

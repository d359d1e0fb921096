"""The `akool` executable's entry point: answers --version without loading the command line.

Scripts call `akool --version` to check what is installed; it should cost little more than
starting Python, so Typer and the commands are imported only for everything else.
"""

from __future__ import annotations

import errno
import gc
import os
import signal
import sys
from types import FrameType

# The stops akool answers with 128 + the signal's number (cli's handlers take over after import).
EARLY_STOPS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


# GC_NOTE: the cyclic garbage collector's passes over what importing the command line makes
# (modules, classes, functions, tables: none of it garbage) cost a one-line file's audit a fifth
# of its CPU (0.036 of 0.198 s); paused while importing, then those objects are frozen out of
# later collections (bench's 5,000-call audit: 0.05 s less).

# The stop signals received while the command line was imported (their handler only notes them:
# an exception raised from it mid-import surfaces as whatever the import was doing, such as a
# dataclass's RuntimeError, not as the stop).
_RECEIVED: list[int] = []


def _stop_early(signum: int, frame: FrameType | None) -> None:
    _RECEIVED.append(signum)


def _print_version() -> int:
    """`akool --version` on stdout; a full disk or a reader gone says so in one line, as every
    command's output does, never with a traceback (breakit33)."""
    from akool_cli import __version__
    from akool_cli.core.errors import ExitCode

    try:
        sys.stdout.write(f"akool {__version__}\n")
        sys.stdout.flush()
    except OSError as exc:
        devnull = os.open(os.devnull, os.O_WRONLY)  # (what is still buffered cannot fail at exit)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        if exc.errno == errno.EPIPE:  # (a reader gone is no error: `| head -c0`)
            return int(ExitCode.OK)
        sys.stderr.write(f"Error: cannot write the output: {exc.strerror or exc}\n")
        return int(ExitCode.ERROR)
    return int(ExitCode.OK)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"] and sys.stdout is not None:  # (closed: the command line says so)
        return _print_version()
    # Importing the command line takes a few tenths of a second: a Ctrl-C or a CI's SIGTERM
    # then ends the run quietly with the signal's code, as one during start-up does, never
    # with a traceback (break17k K9).
    previous = {s: signal.signal(s, _stop_early) for s in EARLY_STOPS}
    collecting = gc.isenabled()
    gc.disable()  # (an import makes objects by the hundred thousand and no garbage: GC_NOTE)
    try:
        from akool_cli.cli import app_for
        from akool_cli.cli import main as run

        app_for(args)  # (the commands' modules this run needs are imported here, as quietly)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if collecting:
            gc.enable()
    gc.freeze()  # (what the import made lives as long as the run: no collection passes over it)
    if _RECEIVED:
        return 128 + _RECEIVED[0]  # nothing has run
    return run(args)

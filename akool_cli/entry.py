"""The `akool` executable's entry point: answers --version without loading the command line.

Scripts call `akool --version` to check what is installed; it should cost little more than
starting Python, so Typer and the commands are imported only for everything else.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

# The stops akool answers with 128 + the signal's number (cli's handlers take over after import).
EARLY_STOPS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _StoppedEarly(BaseException):
    """A stop signal while the command line was still being imported: nothing has run."""

    def __init__(self, signum: int) -> None:
        self.signum = signum


def _stop_early(signum: int, frame: FrameType | None) -> None:
    raise _StoppedEarly(signum)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"] and sys.stdout is not None:  # (closed: the command line says so)
        from akool_cli import __version__

        sys.stdout.write(f"akool {__version__}\n")
        return 0
    # Importing the command line takes a few tenths of a second: a Ctrl-C or a CI's SIGTERM
    # then ends the run quietly with the signal's code, as one during start-up does, never
    # with a traceback (break17k K9).
    previous = {s: signal.signal(s, _stop_early) for s in EARLY_STOPS}
    try:
        try:
            from akool_cli.cli import main as run
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    except _StoppedEarly as stop:
        return 128 + stop.signum
    return run(args)

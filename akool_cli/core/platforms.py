"""The systems akool runs on, declared once: POSIX (Linux, macOS). Its promises lean on them:
owner locks and part-file locks (flock), stop signals (SIGTERM, SIGHUP), private files (0600).

Anywhere else akool says so at start, in one line, instead of failing halfway through a job.
"""

from __future__ import annotations

import sys

from akool_cli.core.errors import UsageError

SUPPORTED = "Linux and macOS (POSIX)"
# sys.platform on the systems akool does not support: native Windows, and its POSIX layers,
# whose locks and signals are not the ones akool relies on.
UNSUPPORTED = {"win32": "Windows", "cygwin": "Cygwin on Windows", "msys": "MSYS2 on Windows"}


def check() -> None:
    """UsageError on a system akool does not support (read at call time, so tests can set it)."""
    name = UNSUPPORTED.get(sys.platform)
    if name is not None:
        raise UsageError(
            f"akool runs on {SUPPORTED}; this is {name}",
            hint="on Windows, run akool inside WSL (Windows Subsystem for Linux): "
            "wsl --install, then pip install akool-cli there",
        )

"""The `akool` executable's entry point: answers --version without loading the command line.

Scripts call `akool --version` to check what is installed; it should cost little more than
starting Python, so Typer and the commands are imported only for everything else.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"] and sys.stdout is not None:  # (closed: the command line says so)
        from akool_cli import __version__

        sys.stdout.write(f"akool {__version__}\n")
        return 0
    from akool_cli.cli import main as run

    return run(args)

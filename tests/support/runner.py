"""Runs akool in the test's process as a user would, with stdout and stderr kept apart."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The installed console script, as a user (or a shell script) runs it.
AKOOL = str(Path(sys.executable).parent / "akool")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


class _Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def invoke(args: list[str], *, input: str | None = None, expect: int | None = 0) -> Result:
    """Run akool in this process as a user would, stdout and stderr apart; check the exit code."""
    from akool_cli.cli import main

    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdin, sys.stdout, sys.stderr = _Stdin(input or "", False), out, err
    try:
        code = main(args)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    result = Result(code, out.getvalue(), err.getvalue())
    # No path may end in a traceback unless AKOOL_DEBUG asks for one.
    if not os.environ.get("AKOOL_DEBUG"):
        assert "Traceback" not in result.stderr, result.stderr
    if expect is not None:
        assert code == expect, (
            f"exit {code}, expected {expect}\nstdout:\n{out.getvalue()}\nstderr:\n{err.getvalue()}"
        )
    return result


def process_env(home: Path, base_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment for akool as a real process: this test's AKOOL_HOME and nothing else of
    akool's from the outside; with a base URL, the sandbox's key too."""
    from akool_cli.sandbox.state import SANDBOX_API_KEY

    env = {k: v for k, v in os.environ.items() if not k.startswith("AKOOL_")}
    env.pop("NO_COLOR", None)
    env.update(AKOOL_HOME=str(home), PYTHONPATH=str(ROOT), AKOOL_NO_CHECK="1")
    if base_url is not None:
        env.update(AKOOL_BASE_URL=base_url, AKOOL_API_KEY=SANDBOX_API_KEY)
    env.update(extra)
    return env


def traced(env: dict[str, str]) -> dict[str, str]:
    """`env` for a process a test signals: AKOOL_DEBUG=1, so that an unexpected error's
    traceback reaches its stderr (the exit code and what it records stay the same)."""
    return {**env, "AKOOL_DEBUG": "1"}


def exit_report(code: int | None, stderr: str | bytes, limit: int = 6000) -> str:
    """An exit code and the stderr that explains it, for an assertion's message: from the
    first traceback on when there is one (AKOOL_DEBUG=1), else its end."""
    text = stderr.decode(errors="replace") if isinstance(stderr, bytes) else stderr
    start = text.find("Traceback (most recent call last)")
    if start >= 0:
        shown = text[start : start + limit]
    else:
        shown = text if len(text) <= limit else "…" + text[-limit:]
    return f"exit {code}; stderr:\n{shown}"

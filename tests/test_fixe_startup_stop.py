"""A stop signal that arrives while akool installs its stop handlers (the first instants of a run:
`timeout`, CI or a user's Ctrl-C at start-up) ends the run quietly with the signal's exit code,
having run nothing: before, the handler's KeyboardInterrupt escaped before the handlers' own
try block, a traceback and exit -2 (seen once in test_chaos's random kills)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from akool_cli.core import interrupts
from akool_cli.sandbox import Sandbox
from tests.support.runner import invoke


@pytest.fixture
def handlers_kept() -> Iterator[None]:
    """The test process's own handlers, put back whatever happens."""
    saved = {s: signal.getsignal(s) for s in interrupts.HANDLED}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)


def _signalled_while_installing(sent: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """signal.signal sends `sent` to this process right after akool's handler for it is set."""
    real: Callable[..., Any] = signal.signal

    def installing(signum: int, handler: Any) -> Any:
        previous = real(signum, handler)
        if signum == sent and handler is interrupts._handle:
            monkeypatch.setattr(signal, "signal", real)  # once
            os.kill(os.getpid(), sent)
        return previous

    monkeypatch.setattr(signal, "signal", installing)


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_a_stop_while_the_handlers_are_installed_ends_the_run_quietly(
    sent: int, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch, handlers_kept: None
) -> None:
    _signalled_while_installing(sent, monkeypatch)
    try:
        result = invoke(["talk", "https://e.com/a.jpg", "https://e.com/a.mp3"], expect=None)
    except KeyboardInterrupt:
        pytest.fail("a stop while akool started escaped as KeyboardInterrupt (a traceback)")
    assert result.exit_code == 128 + sent, result.stderr
    assert "Traceback" not in result.stderr
    assert api_env.state.requests.get("create_talking_photo", 0) == 0  # nothing ran
    assert signal.getsignal(sent) is not interrupts._handle  # the handlers were put back


# Imports the command line as the installed `akool` does, with the signal sent to itself
# while akool_cli.cli is being imported (when its first command module loads).
EARLY = """
import os, signal, sys
class Stops:  # the signal arrives while a class is being made (a dataclass's fields)
    def __set_name__(self, owner, name):
        os.kill(os.getpid(), {sent})
class Finder:
    def find_spec(self, name, path=None, target=None):
        if name == "akool_cli.cli.auth":
            type("Made", (), {{"field": Stops()}})
        return None
sys.meta_path.insert(0, Finder())
from akool_cli.entry import main
sys.exit(main(["status"]))
"""


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_a_stop_while_the_command_line_is_imported_ends_the_run_quietly(
    sent: int, isolated: Any
) -> None:
    """break17k K9: Ctrl-C in akool's first ~0.3 s (Typer, rich and the commands being
    imported) printed a KeyboardInterrupt traceback and ended by the signal (-2); SIGTERM
    ended it by the signal with no code (-15). Both are now 128 + the signal, quietly."""
    import subprocess
    import sys

    from tests.support.runner import process_env

    program = EARLY.format(sent=int(sent))
    env = process_env(isolated.home)
    done = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 128 + sent, done.stderr
    assert b"Traceback" not in done.stderr and b"KeyboardInterrupt" not in done.stderr


def test_a_terminal_that_closes_ends_the_run_with_129(isolated: Any, api_env: Sandbox) -> None:
    """break17j J5: when the terminal really closes (an ssh drop: the kernel's SIGHUP, and
    stderr is the dead terminal), the stop's line cannot be written (EIO) and akool ended with
    1, "a bug or local I/O failure". It ends with 129, the table's code, the create recorded."""
    import json
    import pty
    import warnings

    from tests.support.runner import AKOOL, process_env
    from tests.support.waiting import wait_for

    env = process_env(isolated.home, api_env.base_url)
    api_env.state.inject("hold", at="create_talking_photo")
    with warnings.catch_warnings():  # (3.12+ warns of fork in a threaded process: it execs at once)
        warnings.simplefilter("ignore", DeprecationWarning)
        pid, terminal = pty.fork()
    if pid == 0:  # the child: akool on the terminal, as a user's shell runs it
        os.execve(AKOOL, [AKOOL, "talk", "https://e.com/hup.jpg", "https://e.com/h.mp3"], env)
    try:
        wait_for(lambda: api_env.state.holding == 1)
        os.close(terminal)  # the terminal is gone: its session is sent SIGHUP now
    finally:
        api_env.state.release()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGHUP
    [job] = json.loads(invoke(["history", "--json"]).stdout)
    assert job["id"] in api_env.state.jobs  # made once, and recorded

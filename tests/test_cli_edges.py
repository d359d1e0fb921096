"""The command line at its edges: zero-width terminals, bare command groups, arguments that are
not UTF-8, timeouts that are not numbers, short presigned URLs, a read-only history, the file really
at fault, and `config set base-url`."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator

import pytest

from akool_cli.cli.output import Output
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.journal import Journal
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import running

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
LONG = "the image './nowhere.jpg' is a local file, but AKOOL fetches inputs by URL " * 2


# -- terminals that report no width ------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 2


@pytest.mark.parametrize("columns", ["0", "1", "5", ""])
def test_errors_are_one_line_at_any_width(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A terminal (serial console, some containers) that reports 0 columns.
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=0: os.terminal_size((0, 0)))
    screen = Terminal()
    out = Output(stderr=screen, env={"COLUMNS": columns, "NO_COLOR": "1"})
    out.error(LONG, "run: akool talk --help")
    out.warn(LONG)
    assert screen.getvalue().splitlines() == [
        f"Error: {LONG.strip()}",
        "Hint: run: akool talk --help",
        f"Warning: {LONG}",
    ]


def _script(command: str, env: dict[str, str]) -> str:
    """Run a shell command on a real terminal (util-linux `script`); what the terminal showed."""
    done = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        env=env,
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def sandbox_url() -> Iterator[str]:
    """The sandbox for akool run as a real process: on the real clock, its jobs done at once."""
    with running(SandboxConfig(processing_seconds=0), SystemClock()) as server:
        yield server.base_url


@pytest.mark.skipif(shutil.which("script") is None, reason="needs util-linux's script")
@pytest.mark.parametrize("size", ["cols 0 rows 0", "cols 1 rows 1"])
def test_a_real_terminal_reporting_no_width_never_breaks_a_command(
    isolated: Isolation, sandbox_url: str, size: str
) -> None:
    env = process_env(isolated.home, sandbox_url, NO_COLOR="1")
    env.pop("COLUMNS", None)
    job = subprocess.run(
        [AKOOL, "talk", IMAGE, AUDIO], env=env, capture_output=True, text=True, timeout=60
    )
    assert job.returncode == 0, job.stderr
    shown = _script(
        f"stty {size}; {AKOOL} talk ./nowhere.jpg {AUDIO}; echo exit=$?; "
        f"{AKOOL} status; echo exit=$?; {AKOOL} watch {job.stdout.strip()} -o {isolated.tmp}/; "
        "echo exit=$?",
        env,
    )
    assert "Traceback" not in shown and "ValueError" not in shown, shown
    assert shown.count("exit=0") == 2 and "exit=2" in shown, shown
    error = next(line for line in shown.splitlines() if line.startswith("Error:"))
    assert error.endswith("does not exist")  # the whole message on one line
    assert job.stdout.strip() in shown


# -- bare command groups ------------------------------------------------------------------------


@pytest.mark.parametrize("group", [[], ["webhook"], ["config"], ["auth"]])
def test_a_bare_group_prints_its_help_and_succeeds(group: list[str]) -> None:
    result = invoke(group)
    assert result.stdout.startswith(f"Usage: {' '.join(['akool', *group])} [OPTIONS] COMMAND")
    assert "Commands:" in result.stdout and result.stderr == ""
    assert result.stdout == invoke([*group, "--help"]).stdout


# -- arguments and settings refused before anything is sent or recorded -------------------------


def _nothing_recorded(isolated: Isolation, sandbox: Sandbox) -> None:
    assert sandbox.state.jobs == {}
    journal = isolated.home / "jobs.sqlite3"
    if journal.exists():
        with Journal(journal) as history:
            assert history.recent(10) == [] and history.open_attempts() == []


@pytest.mark.parametrize(
    "argv",
    [
        ["talk", "https://example.com/caf\udce9.jpg", AUDIO],
        ["talk", IMAGE, AUDIO, "--prompt", "caf\udce9"],
        ["talk", IMAGE, AUDIO, "--name", "\udcff", "--json"],
        ["status", "\udcff"],
        ["\udcff"],
    ],
    ids=["url", "prompt", "name-json", "job-id", "command"],
)
def test_arguments_that_are_not_utf8_are_one_clear_line(
    api_env: Sandbox, isolated: Isolation, argv: list[str]
) -> None:
    result = invoke(argv, expect=2)
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "is not valid UTF-8" in lines[0] and "\\x" in lines[0]
    assert lines[1].startswith("Hint: ")
    assert ("--json" in argv) == result.stdout.startswith("{")
    _nothing_recorded(isolated, api_env)


def test_a_non_utf8_argument_from_a_real_shell(isolated: Isolation) -> None:
    env = process_env(isolated.home, "http://127.0.0.1:9")
    done = subprocess.run(
        [os.fsencode(AKOOL), b"talk", b"./caf\xe9.jpg", b"https://e.com/a.mp3"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.startswith(b"Error: argument 2 './caf\\xe9.jpg' is not valid UTF-8")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "0", "-1", "soon", "86400"])
def test_an_akool_timeout_that_is_not_a_number_of_seconds_is_refused_first(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("AKOOL_TIMEOUT", value)
    result = invoke(["talk", IMAGE, AUDIO], expect=2)
    assert f"AKOOL_TIMEOUT={value!r} is not a number of seconds" in result.stderr
    assert "Hint: e.g. AKOOL_TIMEOUT=60" in result.stderr
    _nothing_recorded(isolated, api_env)


# -- a history that cannot be written -----------------------------------------------------------


def _unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to write anything (or [] when this is
    not root); skips the test where neither is possible."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_unprivileged(), AKOOL, *argv], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def history(isolated: Isolation, sandbox_url: str) -> Iterator[tuple[dict[str, str], str]]:
    env = process_env(isolated.home, sandbox_url)
    job = _run(["talk", IMAGE, AUDIO], env)
    assert job.returncode == 0, job.stderr
    yield env, job.stdout.strip()
    for path in (isolated.home, *isolated.home.rglob("*")):
        path.chmod(0o700 if path.is_dir() else 0o600)


def test_status_reads_a_read_only_history(
    isolated: Isolation, history: tuple[dict[str, str], str]
) -> None:
    env, job_id = history
    (isolated.home / "jobs.sqlite3").chmod(0o400)
    isolated.home.chmod(0o500)
    for argv in (["status"], ["status", "--json"], ["status", job_id]):
        shown = _run(argv, env)
        assert shown.returncode == 0, shown.stderr
        assert job_id in shown.stdout and "read-only" in shown.stderr
    refused = _run(["talk", IMAGE, AUDIO], env)  # a create needs the history first
    assert refused.returncode == 10 and "Traceback" not in refused.stderr
    assert "cannot write the job history" in refused.stderr and "read-only" in refused.stderr


def test_an_unwritable_owners_folder_is_named_not_the_history(
    isolated: Isolation, history: tuple[dict[str, str], str]
) -> None:
    env, _ = history
    owners = isolated.home / "owners"
    owners.chmod(stat.S_IRUSR | stat.S_IXUSR)
    refused = _run(["talk", IMAGE, AUDIO], env)
    assert refused.returncode == 10, refused.stderr
    assert f"cannot create a lock file in {owners}" in refused.stderr
    assert "jobs.sqlite3" not in refused.stderr and f"make {owners} writable" in refused.stderr
    listed = _run(["status", "--json"], env)
    assert listed.returncode == 0 and listed.stdout.count('"id"') == 1  # nothing was sent


# -- settings -----------------------------------------------------------------------------------


def test_config_set_base_url(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    for name in ("base-url", "base_url"):
        invoke(["config", "set", name, sandbox.base_url + "/"])
        assert invoke(["config", "get", "base-url"]).stdout == sandbox.base_url + "\n"
        assert invoke(["credit"]).stdout == "1234.5\n"  # used without flag or variable
    listed = invoke(["config", "list"]).stdout
    assert f"base-url\t{sandbox.base_url}\t" in listed
    refused = invoke(["config", "set", "base-url", "http://akool.example.com"], expect=2)
    assert "plain http" in refused.stderr and "Hint:" in refused.stderr
    invoke(["config", "unset", "base-url"])
    assert invoke(["config", "get", "base-url", "--json"]).stdout == '{\n  "base-url": null\n}\n'

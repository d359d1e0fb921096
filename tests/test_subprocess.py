"""The installed `akool` run as real processes: start-up imports, pipes, terminals, the sandbox."""

from __future__ import annotations

import json
import os
import pty
import select
import stat
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from akool_cli.core import callbacks
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def env_for(isolated: Isolation, **extra: str) -> dict[str, str]:
    return process_env(isolated.home, **extra)


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AKOOL, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def sandbox_process(isolated: Isolation) -> Iterator[dict[str, str]]:
    ready = isolated.tmp / "ready.json"
    process = subprocess.Popen(
        [AKOOL, "sandbox", "--port", "0", "--processing-seconds", "0", "--ready-file", str(ready)],
        env=env_for(isolated),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while not ready.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the sandbox did not start"
        time.sleep(0.02)
    info = json.loads(ready.read_text())
    # Both ready files hold the sandbox's credentials: for this user's eyes only.
    port = info["base_url"].rsplit(":", 1)[1]
    for path in (ready, isolated.home / "sandboxes" / f"{port}.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    yield info
    process.terminate()
    out, _ = process.communicate(timeout=10)
    assert not ready.exists()  # it cleans up after itself
    assert not list((isolated.home / "sandboxes").glob("*")), "its record for webhook serve too"
    # What it printed: the clientId goes with the API key for webhooks, not as a legacy extra.
    assert f"export AKOOL_CLIENT_ID={info['client_id']}  # signs and encrypts" in out


def test_version_without_loading_the_command_line(isolated: Isolation) -> None:
    assert run(["--version"], env_for(isolated)).stdout.startswith("akool ")
    module = subprocess.run(
        [sys.executable, "-m", "akool_cli", "--version"], capture_output=True, text=True
    )
    assert module.stdout == run(["--version"], env_for(isolated)).stdout


def test_python_dash_m_calls_itself_akool(isolated: Isolation) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "akool_cli", "talk", "--help"], capture_output=True, text=True
    )
    assert "Usage: akool talk" in done.stdout


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["--help"], ("httpx2", "keyring", "rich", "pydantic", "platformdirs", "sqlite3", "mcp")),
        # The MCP SDK (about 0.5 s of imports) loads only when `akool mcp` runs.
        (["mcp", "--help"], ("mcp", "mcp_types", "pydantic", "anyio", "sqlite3")),
        (["talk", "--help"], ("httpx2", "keyring", "rich", "pydantic", "sqlite3")),
        (["--version"], ("typer", "httpx2", "keyring", "rich", "pydantic")),
    ],
)
def test_start_up_imports_only_what_the_command_needs(
    argv: list[str], absent: tuple[str, ...]
) -> None:
    code = (
        "import sys\n"
        "from akool_cli.entry import main\n"
        f"main({argv!r})\n"
        "sys.stderr.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = set(done.stderr.split())
    assert not loaded & set(absent), loaded & set(absent)


def test_the_api_layer_imports_neither_typer_nor_rich() -> None:
    code = (
        "import sys, akool_cli.net.api, akool_cli.jobs.watcher, akool_cli.store.journal, akool_cli.jobs.download\n"
        "sys.stdout.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert not {"typer", "rich", "keyring", "platformdirs"} & set(done.stdout.split())


def test_end_to_end_as_a_shell_script_would(
    isolated: Isolation, sandbox_process: dict[str, str]
) -> None:
    env = process_env(isolated.home, sandbox_process["base_url"])
    target = isolated.tmp / "out.mp4"
    talk = run(["talk", IMAGE, AUDIO, "--interval", "0.1", "-o", str(target)], env)
    assert talk.returncode == 0, talk.stderr
    job_id = talk.stdout.strip()
    assert len(job_id) == 24 and talk.stdout == job_id + "\n"
    assert target.read_bytes()[4:8] == b"ftyp"
    assert "\033[" not in talk.stderr  # not a terminal: no ANSI codes
    status = run(["status", "--json"], env)
    assert json.loads(status.stdout)[0]["id"] == job_id
    bad = run(["talk", "./me.jpg", AUDIO], env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 2  # Error line + Hint line
    assert "Traceback" not in bad.stderr


def test_login_from_a_pipe_into_the_keyring(
    isolated: Isolation, sandbox_process: dict[str, str]
) -> None:
    env = env_for(
        isolated,
        AKOOL_BASE_URL=sandbox_process["base_url"],
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        AKOOL_TEST_KEYRING_FILE=str(isolated.tmp / "ring.json"),
    )
    login = run(["login"], env, stdin=sandbox_process["api_key"])
    assert login.returncode == 0, login.stderr
    assert run(["credit"], env).stdout == "1234.5\n"


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run akool with stdout and stderr on a pseudo-terminal; return what the terminal showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [AKOOL, *args], env={**env, "COLUMNS": "120"}, stdout=terminal, stderr=terminal
    )
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(controller, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=30)
    os.close(controller)
    return b"".join(chunks).decode("utf-8", "replace")


def test_status_on_a_terminal_is_a_table_and_no_color_is_honoured(
    isolated: Isolation, sandbox_process: dict[str, str]
) -> None:
    env = process_env(isolated.home, sandbox_process["base_url"])
    job_id = run(["talk", IMAGE, AUDIO], env).stdout.strip()
    shown = run_in_terminal(["status"], env)
    assert "ID" in shown and "STATE" in shown and job_id in shown
    assert "\t" not in shown  # a table, not the pipe's tab-separated lines
    assert "\033[" in shown  # a terminal gets styling...
    plain = run_in_terminal(["status"], {**env, "NO_COLOR": "1"})
    assert (
        job_id in plain and "\033[1m" not in plain and "\033[3" not in plain
    )  # ...unless NO_COLOR


def test_webhook_verify_finds_the_sandbox_client_id(
    isolated: Isolation, sandbox_process: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox_process["base_url"])
    monkeypatch.setenv("AKOOL_API_KEY", sandbox_process["api_key"])
    event = {"_id": "0123456789abcdef01234567", "status": 3, "type": "talking photo", "url": ""}
    body = callbacks.seal(
        event, sandbox_process["client_id"], sandbox_process["client_secret"], 1, "7"
    )
    # No --client-id and no AKOOL_CLIENT_ID: the running sandbox's ready file has it.
    done = invoke(["webhook", "verify"], input=json.dumps(body))
    assert json.loads(done.stdout) == event
    # Another base URL is not that sandbox: the clientId is still asked for.
    monkeypatch.setenv("AKOOL_BASE_URL", "http://127.0.0.1:9")
    missing = invoke(["webhook", "verify"], input=json.dumps(body), expect=3)
    assert "needs your clientId" in missing.stderr

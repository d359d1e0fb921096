"""Standard input that is not UTF-8 (a Latin-1 file piped in) is refused before anything is
claimed or sent, in a C locale (surrogateescape) and a UTF-8 one (strict) alike: break17h H21
recorded an unknown outcome for a create that never left."""

from __future__ import annotations

import subprocess

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env

IMAGE = "https://example.com/l1.jpg"
COMMANDS = {
    "moderate": ["moderate", "-"],
    "talk": ["talk", IMAGE, "--text", "-", "--voice", "sbx-en-f-ava"],
    "api": ["api", "POST", "/api/open/v3/content/analysis/sentiment", "--input", "-"],
}


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_text_on_stdin_that_is_not_utf8_is_refused_before_any_claim(
    sandbox: Sandbox, isolated: Isolation, name: str, locale: str
) -> None:
    env = process_env(isolated.home, sandbox.base_url, LC_ALL=locale, PYTHONUTF8="0")
    env.pop("PYTHONIOENCODING", None)
    body = b'{"content": "caf\xe9"}' if name == "api" else b"caf\xe9 latin1"
    run = subprocess.run(
        [AKOOL, *COMMANDS[name]], input=body, env=env, capture_output=True, timeout=60
    )
    stderr = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, stderr
    assert "not UTF-8 text" in stderr and "Traceback" not in stderr, stderr
    assert not [r for r in sandbox.state.received if r.method == "POST"]
    status = subprocess.run([AKOOL, "status"], env=env, capture_output=True, timeout=60, text=True)
    assert "unknown" not in status.stdout + status.stderr

"""Global options work before and after the command name, and every command's help lists them."""

from __future__ import annotations

import random

import pytest
import typer

from akool_cli.cli import app
from akool_cli.cli.global_options import hoist
from akool_cli.core.errors import UsageError
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
ROOT = typer.main.get_command(app)


@pytest.mark.parametrize(
    ("argv", "parsed"),
    [
        (["status", "-q"], ["-q", "status"]),
        (["credit", "--debug"], ["--debug", "credit"]),
        (["talk", "I", "A", "--profile", "stg"], ["--profile", "stg", "talk", "I", "A"]),
        (["talk", "I", "--base-url=http://h", "A"], ["--base-url=http://h", "talk", "I", "A"]),
        (["auth", "status", "--quiet"], ["--quiet", "auth", "status"]),
        (["webhook", "-q", "serve"], ["-q", "webhook", "serve"]),
        (["talk", "--help", "--debug"], ["--debug", "talk", "--help"]),
        # The later of two values wins, as it would before the command.
        (
            ["--profile", "a", "status", "--profile", "b"],
            ["--profile", "a", "--profile", "b", "status"],
        ),
        # A global option's value that looks like a command is still its value.
        (["--profile", "status", "talk", "-q"], ["--profile", "status", "-q", "talk"]),
        # A word that is the value of the command's own option stays.
        (["talk", "I", "A", "--prompt", "--debug"], ["talk", "I", "A", "--prompt", "--debug"]),
        (["talk", "-o", "-q", "I", "A"], ["talk", "-o", "-q", "I", "A"]),
        (["talk", "I", "A", "--prompt=-q"], ["talk", "I", "A", "--prompt=-q"]),
        (["api", "GET", "/p", "-f", "--debug"], ["api", "GET", "/p", "-f", "--debug"]),
        # Nothing after -- moves: there, -q is an argument.
        (["talk", "I", "--", "-q"], ["talk", "I", "--", "-q"]),
        # Before the command name, and without a command, Click reads the words as they are.
        (["-q", "--debug", "status"], ["-q", "--debug", "status"]),
        (["-q"], ["-q"]),
        (["nosuch", "-q"], ["nosuch", "-q"]),
        ([], []),
    ],
)
def test_global_options_after_the_command_move_before_it(
    argv: list[str], parsed: list[str]
) -> None:
    assert hoist(ROOT, argv) == parsed


def test_a_global_option_missing_its_value_is_named() -> None:
    with pytest.raises(UsageError, match="'--profile' requires an argument"):
        hoist(ROOT, ["status", "--profile"])
    result = invoke(["status", "--base-url"], expect=2)
    assert result.stderr.startswith("Error: Option '--base-url' requires an argument.")
    assert "Hint: run: akool status --help" in result.stderr


def test_quiet_and_debug_after_the_command(api_env: Sandbox) -> None:
    job_id = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    quiet = invoke(["status", "-q"])
    assert quiet.stdout == job_id + "\n" and quiet.stderr == ""
    assert invoke(["status", "--quiet"]).stdout == invoke(["-q", "status"]).stdout
    debug = invoke(["credit", "--debug"])
    assert debug.stdout.strip() == "1234.5"
    assert "debug: akool" in debug.stderr and SANDBOX_API_KEY not in debug.stderr


def test_profile_and_base_url_after_the_command(sandbox: Sandbox, isolated: Isolation) -> None:
    invoke(["login", "--profile", "staging", "--base-url", sandbox.base_url], input=SANDBOX_API_KEY)
    assert isolated.ring.get_password("akool-cli", "staging")
    job_id = invoke(["talk", IMAGE, AUDIO, "--profile", "staging"]).stdout.strip()
    assert job_id in sandbox.state.jobs
    # The default profile has no credential: the option, not the default, chose staging above.
    invoke(["talk", IMAGE, AUDIO], expect=3)


def test_every_command_help_lists_the_global_options_and_plain_arguments() -> None:
    for path in (["talk"], ["status"], ["batch"], ["auth", "status"], ["webhook", "serve"]):
        text = invoke([*path, "--help"]).stdout
        usage = text.splitlines()[0]
        assert usage.startswith(f"Usage: akool {' '.join(path)} [OPTIONS]"), usage
        assert "{" not in usage, usage
        globals_section = text.split("Global options (before or after the command):")[1]
        for option in ("--base-url URL", "--profile NAME", "--debug", "-q, --quiet"):
            assert option in globals_section, (path, option)
        assert "--version" not in globals_section and "completion" not in globals_section
    talk = invoke(["talk", "--help"]).stdout
    assert talk.startswith("Usage: akool talk [OPTIONS] IMAGE [AUDIO]\n")
    # Two sentences, two paragraphs (Click joins the lines of one paragraph).
    assert "\n\n  With --text" in talk


def test_moving_keeps_every_word_and_is_done_once() -> None:
    """Over many random command lines: the same words, and a second pass changes nothing."""
    words = ["talk", "status", "auth", "webhook", "serve", "-q", "--debug", "--profile", "p"]
    words += ["--base-url=http://x", "-o", "--prompt", "--", "x", "--json", "--profile=s"]
    chooser = random.Random(7)
    for _ in range(3000):
        argv = [chooser.choice(words) for _ in range(chooser.randint(0, 7))]
        try:
            moved = hoist(ROOT, argv)
        except UsageError:
            continue
        assert sorted(moved) == sorted(argv), argv
        assert hoist(ROOT, moved) == moved, argv

"""Options several commands share, declared once so that one idea has one name and one help text.

A download destination is `-o/--output` everywhere (a file, or a folder for several jobs);
polling is `--interval`/`--timeout`; `--json` prints one document; `--force` replaces files.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from akool_cli.core.durations import parse_duration


def duration(option: str) -> Callable[[str], float]:
    """A Typer parser reading an option's value with the one duration grammar (90, 30s, 10m,
    1h30m) and range (core/durations.py): a bad value is akool's one-line UsageError."""

    def parse(text: str) -> float:
        return parse_duration(text, option)

    return parse


OUTPUT_FILE = typer.Option(
    None, "-o", "--output", metavar="PATH", help="Download the video here (implies --wait)."
)
OUTPUT_MANY = typer.Option(
    None,
    "-o",
    "--output",
    metavar="DIR|PATH",
    help="Download finished videos (a directory for several jobs; created if missing).",
)
OUTPUT_DIR = typer.Option(
    None, "-o", "--output", metavar="DIR", help="Download the videos into DIR (created if missing)."
)
# The spelling older versions used; still accepted, not shown.
OUTPUT_DIR_ALIAS = typer.Option(None, "--output-dir", metavar="DIR", hidden=True)
FORCE = typer.Option(False, "--force", help="Replace existing output files.")
INTERVAL = typer.Option(
    3.0,
    "--interval",
    metavar="DURATION",
    parser=duration("--interval"),
    help="First poll interval, e.g. 3 or 30s (backs off to ~30 s).",
)
TIMEOUT = typer.Option(
    None, "--timeout", metavar="DURATION", help="Stop waiting after this long (e.g. 10m)."
)
WAIT = typer.Option(False, "--wait", help="Follow the job until it is done or failed.")
PROMPT = typer.Option(None, "--prompt", help="Guidance for gestures and movement.")
RESOLUTION = typer.Option(None, "--resolution", metavar="720|1080", help="Output resolution.")
WEBHOOK_URL = typer.Option(
    None, "--webhook-url", metavar="URL", help="Where AKOOL POSTs the result."
)
NAME = typer.Option("", "--name", metavar="LABEL", help="A label for the job in status and watch.")
TEXT = typer.Option(
    None, "--text", help="Make the speech from this text with AKOOL's VoiceLab first."
)
VOICE = typer.Option(
    None, "--voice", metavar="VOICE_ID", help="The VoiceLab voice for --text (akool voices)."
)
SPEED = typer.Option(None, "--speed", metavar="S", help="Speech speed for --text, 0.7 to 1.2.")
VOICE_OPTION = typer.Option(
    [],
    "--voice-option",
    metavar="KEY=VALUE",
    help="A VoiceLab voice option for --text (repeatable), e.g. volume=80, emotion=happy.",
)
LANGUAGE_CODE = typer.Option(
    None, "--language-code", metavar="CODE", help="The text's language for --text, e.g. pt."
)

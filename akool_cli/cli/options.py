"""Options several commands share, declared once so that one idea has one name and one help text.

A download destination is `-o/--output` everywhere (a file, or a folder for several jobs);
polling is `--interval`/`--timeout`; `--json` prints one document; `--force` replaces files.
The product commands take their common options (COMMON_OPTIONS) from `common_options`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli
from akool_cli.core.durations import parse_duration

if TYPE_CHECKING:
    from akool_cli.core.mediatypes import Role


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
# Jobs made with another credential on the same server and profile (docs/reliability.md).
SAME_ACCOUNT = typer.Option(
    False,
    "--same-account",
    help="Creates made here with another credential are this account's (a rotated key, an API "
    "key after clientId/secret): their jobs are picked up, their unknown outcomes are this "
    "one's to settle. Recorded once.",
)
NEW_ACCOUNT = typer.Option(
    False,
    "--new-account",
    help="This credential is another account than the one that made earlier creates here: "
    "create them again (billed). Recorded once.",
)


def account_choice(same: bool, new: bool) -> str | None:
    """--same-account / --new-account as the library's account_choice."""
    if same and new:
        from akool_cli.core.errors import UsageError

        raise UsageError(
            "--same-account and --new-account contradict each other",
            hint="give one: --same-account if the earlier jobs are this account's, else "
            "--new-account",
        )
    return "same" if same else ("new" if new else None)


# An earlier job of the same request instead of a new create (docs/reliability.md).
REUSE = typer.Option(
    False,
    "--reuse",
    help="If this history made the very same request already (server, account, kind and "
    "inputs), print that job instead of creating (and billing) another, and follow it as asked; "
    "one that failed, was deleted, or expired on AKOOL and is not saved here is made anew.",
)
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
    None,
    "--text",
    help="Make the speech from this text with AKOOL's VoiceLab first (- reads it from stdin).",
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
JSON_JOB = typer.Option(False, "--json", help="Print one JSON object for the job.")


def output_option(saved: str = "<job id>.mp4") -> Any:
    """-o for a command whose result `saved` names (`<job id>.png, .jpg or .webp`)."""
    return typer.Option(
        None,
        "-o",
        "--output",
        metavar="PATH",
        help=f"Download the result here (implies --wait): a file, or DIR/ for {saved} (other "
        "result files go beside it as <job id>.<role>.<ext>).",
    )


@dataclass(frozen=True)
class Common:
    """The options every product command shares (declared once: common_options). A command
    without some of them gets these defaults: no local files to upload, nothing to check."""

    webhook_url: str | None = None
    wait: bool = False
    output: str | None = None
    force: bool = False
    interval: float = 3.0
    timeout: str | None = None
    name: str = ""
    json_out: bool = False
    upload_to: str | None = None
    url_ttl: str = "24h"
    no_check: bool = True
    same_account: bool = False
    new_account: bool = False
    reuse: bool = False
    roles: Mapping[str, Role] | None = None  # media fields whose kind the request decides

    @property
    def account_choice(self) -> str | None:
        """--same-account / --new-account as the library's account_choice."""
        return account_choice(self.same_account, self.new_account)


# Common's options as --help lists them, after the command's own: name, type, declaration
# (output's declaration is each command's: what its result is saved as).
COMMON_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("webhook_url", str | None, WEBHOOK_URL),
    ("wait", bool, WAIT),
    ("output", str | None, None),
    ("force", bool, FORCE),
    ("interval", float, INTERVAL),
    ("timeout", str | None, TIMEOUT),
    ("name", str, NAME),
    ("json_out", bool, JSON_JOB),
    ("upload_to", str | None, inputs_cli.UPLOAD_TO),
    ("url_ttl", str, inputs_cli.URL_TTL),
    ("no_check", bool, inputs_cli.NO_CHECK),
    ("same_account", bool, SAME_ACCOUNT),
    ("new_account", bool, NEW_ACCOUNT),
    ("reuse", bool, REUSE),
)
# The options for local files: a command whose inputs are never files goes without them.
UPLOADS = ("upload_to", "url_ttl", "no_check")


def common_options(
    output: Any = None, *, without: Collection[str] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A product command's common options, declared once: the command takes a keyword-only
    `common: Common` and Typer sees the options in its place, -o declared by `output`.
    `without` names the options the command does not offer (Common's defaults stand in)."""
    if (output is None) != ("output" in without):
        raise TypeError("give common_options an output declaration, or without=('output', ...)")
    chosen = [
        (key, kind, output if key == "output" else declared)
        for key, kind, declared in COMMON_OPTIONS
        if key not in without
    ]
    shared = [
        inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=declared, annotation=kind)
        for key, kind, declared in chosen
    ]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(command)
        def with_common(*args: Any, **kwargs: Any) -> None:
            values = {key: kwargs.pop(key) for key, _, _ in chosen}
            command(*args, common=Common(**values), **kwargs)

        own = list(inspect.signature(command).parameters.values())
        at = [p.name for p in own].index("common")
        params = [*own[:at], *shared, *own[at + 1 :]]
        with_common.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        hints = {k: v for k, v in command.__annotations__.items() if k != "common"}
        with_common.__annotations__ = {**hints, **{p.name: p.annotation for p in shared}}
        return with_common

    return decorate


def text_or_stdin(value: str | None, what: str, example: str) -> str | None:
    """A text argument, with "-" read from standard input (as gh's and curl's "-"): bounded
    (TEXT_CHARS, as every stdin read), and refused when empty, before anything is billed
    (break17f N3: "-" was billed as the text "-")."""
    import sys

    from akool_cli.core.bounded import TEXT_CHARS, read_at_most
    from akool_cli.core.errors import UsageError

    if value != "-":
        return value
    where = f"{what} on standard input"
    hint = "AKOOL speaks and checks at most 50,000 characters (a plan's limit): shorten it"
    text = read_at_most(sys.stdin, TEXT_CHARS, where, hint)
    if not text.strip():
        raise UsageError(f"{where} is empty", hint=f'pipe the text in: echo "Hello" | {example}')
    return str(text)

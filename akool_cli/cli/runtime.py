"""One invocation of the command line: its arguments, global flags and output, and the library.

Made by `akool_cli.cli.main` for each run and handed to the commands as Typer's context object;
the error boundary reads it afterwards (the secrets seen, whether JSON was asked for or printed).
Everything the commands do with AKOOL goes through `library()`, the public `akool_cli.Client`.
"""

from __future__ import annotations

import logging
import os
import shlex
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from akool_cli.cli.output import Output
from akool_cli.core.redact import Redactor

if TYPE_CHECKING:
    from akool_cli.client import Client


MIN_TIMEOUT, MAX_TIMEOUT = 0.1, 3600.0  # AKOOL_TIMEOUT's range, in seconds


class _RedactingFilter(logging.Filter):
    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redactor.text(record.getMessage())
        record.args = None
        return True


ENV_SECRETS = ("AKOOL_API_KEY", "AKOOL_CLIENT_SECRET")


@dataclass(frozen=True)
class Made:
    """The job a create command made: its id, the command that follows it (akool watch ID -o
    TARGET) and whether the command ran with --reuse (then running it again makes none)."""

    job_id: str
    follow: str
    reuse: bool


@dataclass
class Runtime:
    argv: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    profile: str | None = None  # --profile (the library reads AKOOL_PROFILE otherwise)
    base_url_flag: str | None = None
    debug: bool = False
    quiet: bool = False
    # --json among the command's own options (read by the root group with the command's
    # declared options, so a value such as `--name --json` is not mistaken for it).
    json: bool = False
    json_written: bool = False  # a JSON document reached stdout: the boundary prints no second
    sarif: bool = False  # `audit --format sarif`: a failure is one SARIF log on stdout
    # `audit --output FILE`: a failure's document goes to FILE, not stdout (None: stdout, or FILE
    # may not be touched: the disk refused it).
    report_file: str | None = None
    redactor: Redactor = field(default_factory=Redactor)
    used_library: bool = False  # a Client was made: its owner locks are released at exit
    # The job this run's create made (or --reuse picked up), before its id is printed: a
    # failure to write stdout afterwards names it on stderr with `follow` (break17f F24).
    made: Made | None = None

    def __post_init__(self) -> None:
        # The environment's secrets are masked in everything this run prints, also by commands
        # that never read the credential (`history --json` showed a key typed into a prompt:
        # break17j J9).
        env = self.env
        self.redactor.add(*(env[k] for k in ENV_SECRETS if env.get(k)))

    def made_job(self, job_id: str, follow: str, *, reuse: bool) -> None:
        """A create command's job, known before its id goes to stdout."""
        self.made = Made(job_id, follow, reuse)

    def configure(
        self, *, profile: str | None, base_url: str | None, debug: bool, quiet: bool
    ) -> None:
        """The global options, once Typer has read them."""
        self.profile, self.base_url_flag, self.quiet = profile, base_url, quiet
        self.debug = debug or self.env.get("AKOOL_DEBUG", "") not in ("", "0")
        if self.debug:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
            handler.addFilter(_RedactingFilter(self.redactor))
            root = logging.getLogger("akool")
            root.handlers[:] = [handler]
            root.setLevel(logging.DEBUG)
            root.propagate = False

    def output(self, *, json_mode: bool = False, quiet: bool = False) -> Output:
        out = Output(
            json_mode=json_mode, quiet=quiet or self.quiet, env=self.env, on_json=self._json_done
        )
        out.redactor = self.redactor
        return out

    def _json_done(self) -> None:
        self.json_written = True

    def command_line(self) -> str:
        """The command as it was typed, shell-quoted: what a "run this to continue" hint repeats."""
        return shlex.join(["akool", *self.argv])

    def library(self) -> Client:
        """The Python API the commands are built on, with this invocation's settings (one per
        invocation: closing it is the caller's `with`)."""
        from akool_cli.client import Client

        self.used_library = True
        return Client(
            env=self.env,
            base_url=self.base_url_flag,
            profile=self.profile,
            redactor=self.redactor,
        )

"""What one akool invocation works with: environment, profile, paths, output, credential, client.

Built by the CLI from its global options; everything here is created on first use so that a
command pays only for what it touches.
"""

from __future__ import annotations

import logging
import os
import shlex
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from akool_cli.cli.output import Output
from akool_cli.core import redact
from akool_cli.core.clock import Clock, current
from akool_cli.store import config

if TYPE_CHECKING:
    from akool_cli.client import Client
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.credentials import Credential, KeyringStore
    from akool_cli.store.journal import Journal


MIN_TIMEOUT, MAX_TIMEOUT = 0.1, 3600.0  # AKOOL_TIMEOUT's range, in seconds


class _RedactingFilter(logging.Filter):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__()
        self.runtime = runtime

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.runtime.redactor.text(record.getMessage())
        record.args = None
        return True


@dataclass
class Runtime:
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    profile: str = config.DEFAULT_PROFILE
    base_url_flag: str | None = None
    debug: bool = False
    quiet: bool = False
    redactor: redact.Redactor = field(default_factory=redact.Redactor)
    argv: list[str] = field(default_factory=list)
    clock: Clock = field(default_factory=current)
    _paths: config.Paths | None = None
    _store: KeyringStore | None = None

    def __post_init__(self) -> None:
        if self.debug:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
            handler.addFilter(_RedactingFilter(self))
            root = logging.getLogger("akool")
            root.handlers[:] = [handler]
            root.setLevel(logging.DEBUG)
            root.propagate = False

    @property
    def paths(self) -> config.Paths:
        if self._paths is None:
            self._paths = config.paths(self.env)
        return self._paths

    def output(self, *, json_mode: bool = False, quiet: bool = False) -> Output:
        out = Output(json_mode=json_mode, quiet=quiet or self.quiet, env=self.env)
        out.redactor = self.redactor
        return out

    def base_url(self) -> str:
        return config.resolve_base_url(self.base_url_flag, self.env, self.paths, self.profile)

    def store(self) -> KeyringStore:
        if self._store is None:
            from akool_cli.store.credentials import default_store

            self._store = default_store(self.env)
        return self._store

    def remember_secrets(self, credential: Credential) -> None:
        self.redactor.add(*credential.secrets())

    def credential(self) -> Credential:
        from akool_cli.store.credentials import resolve

        found = resolve(self.env, self.store(), self.profile)
        self.remember_secrets(found)
        return found

    def command_line(self) -> str:
        """The command as it was typed, shell-quoted: what a "run this to continue" hint repeats."""
        return shlex.join(["akool", *self.argv])

    def library(self) -> Client:
        """The Python API the commands are built on, with this invocation's settings."""
        from akool_cli.client import Client

        return Client(
            env=self.env,
            base_url=self.base_url_flag,
            profile=self.profile,
            clock=self.clock,
            connect=self._connect,
        )

    def _connect(self, base_url: str, profile: str, credential: Credential) -> AkoolClient:
        """The library's clients, built with this invocation's transport, redaction and token
        keeping; the library chose the credential that may go to this server."""
        self.remember_secrets(credential)
        return self.client(credential, base_url=base_url, profile=profile)

    def client(
        self,
        credential: Credential | None = None,
        *,
        base_url: str | None = None,
        profile: str | None = None,
    ) -> AkoolClient:
        from akool_cli.net.api import AkoolClient
        from akool_cli.net.transport import Transport

        credential = credential or self.credential()
        profile = profile or self.profile

        def keep_token(token: str) -> None:
            self.redactor.add(token)  # output and logs redact it from now on
            if credential.source == "keyring":
                # Remember the new token so the next command does not ask for one again.
                self.store().save(profile, credential.with_token(token), refresh=True)

        return AkoolClient(
            base_url or self.base_url(),
            credential,
            transport=Transport(redactor=self.redactor, read_timeout=self.read_timeout()),
            clock=self.clock,
            on_token=keep_token,
        )

    def read_timeout(self) -> float:
        """AKOOL_TIMEOUT: seconds to wait for an answer before counting the try as failed."""
        from akool_cli.core.errors import UsageError
        from akool_cli.net.transport import READ_TIMEOUT

        raw = self.env.get("AKOOL_TIMEOUT", "").strip()
        if not raw:
            return READ_TIMEOUT
        try:
            value = float(raw)
        except ValueError:
            value = 0.0
        # nan and inf parse as floats, and a socket refuses them only once a request is on its
        # way: checked here, before anything is recorded or sent.
        if not MIN_TIMEOUT <= value <= MAX_TIMEOUT:  # False for nan too
            raise UsageError(
                f"AKOOL_TIMEOUT={raw!r} is not a number of seconds from {MIN_TIMEOUT:g} to "
                f"{MAX_TIMEOUT:g}",
                hint="e.g. AKOOL_TIMEOUT=60",
            )
        return value

    def journal(self) -> Journal:
        from akool_cli.store.journal import Journal

        return Journal(self.paths.journal_file, clock=self.clock)

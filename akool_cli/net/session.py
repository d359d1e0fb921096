"""The one factory for what talks to AKOOL: a caller's environment, profile, paths and base URL,
its keyring, redactor and clock, and the API clients and transports made from them.

The command line, the Python library, the URL checks and `akool doctor` all build their clients
here, so each one honours AKOOL_TIMEOUT, redacts the same secrets and saves a refreshed token to
the keyring. Everything is made on first use: a command pays only for what it touches.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from akool_cli.core import contract
from akool_cli.core.clock import Clock, current
from akool_cli.core.redact import Redactor
from akool_cli.core.validate import check_profile_name, seconds_setting
from akool_cli.net.transport import CONNECT_TIMEOUT, READ_TIMEOUT
from akool_cli.store import config

if TYPE_CHECKING:
    from collections.abc import Mapping

    from akool_cli.net.api import AkoolClient
    from akool_cli.net.transport import Transport
    from akool_cli.store.credentials import Credential, KeyringStore
    from akool_cli.store.journal import Journal

MIN_TIMEOUT, MAX_TIMEOUT = 0.1, 3600.0  # AKOOL_TIMEOUT's range, in seconds


@dataclass
class Session:
    """What one caller (a command, a Client) works with; see Session.create."""

    env: dict[str, str]
    profile: str
    clock: Clock = field(default_factory=current)
    redactor: Redactor = field(default_factory=Redactor)
    base_url_flag: str | None = None
    # A credential given by the caller (Client(api_key=...), `akool login`), for self.profile.
    given: Credential | None = None
    _paths: config.Paths | None = None
    _store: KeyringStore | None = None
    _base_url: str | None = None
    # Each profile's credential once found (the keyring is asked once per run).
    _found: dict[str, Credential] = field(default_factory=dict)
    # The profiles whose credential may go to this caller's base URL (checked once).
    _may_send: set[str] = field(default_factory=set)

    @classmethod
    def create(
        cls,
        *,
        env: Mapping[str, str] | None = None,
        profile: str | None = None,
        base_url: str | None = None,
        home: str | os.PathLike[str] | None = None,
        clock: Clock | None = None,
        credential: Credential | None = None,
        store: KeyringStore | None = None,
        redactor: Redactor | None = None,
    ) -> Session:
        """As the CLI finds them (AKOOL_PROFILE, AKOOL_BASE_URL, AKOOL_HOME…), overridable."""
        environ = dict(os.environ if env is None else env)
        if home is not None:
            environ["AKOOL_HOME"] = os.fspath(home)
        if environ.get("AKOOL_HOME", "").strip():
            # Resolved once: a later os.chdir() must not move the owner locks away from the
            # history (break17g G12).
            environ["AKOOL_HOME"] = config.absolute_home(environ["AKOOL_HOME"])
        chosen = config.DEFAULT_PROFILE
        if profile is not None:
            chosen = check_profile_name(profile, "--profile")
        elif environ.get("AKOOL_PROFILE"):
            chosen = check_profile_name(environ["AKOOL_PROFILE"], "AKOOL_PROFILE")
        session = cls(
            environ, chosen, clock or current(), redactor or Redactor(), base_url, _store=store
        )
        if credential is not None:
            session.given = credential
            session.remember(credential)
        return session

    # -- where things are -----------------------------------------------------------------------

    @property
    def paths(self) -> config.Paths:
        if self._paths is None:
            self._paths = config.paths(self.env)
        return self._paths

    def base_url(self) -> str:
        """--base-url, AKOOL_BASE_URL, the profile's saved one, or AKOOL's (checked once)."""
        if self._base_url is None:
            self._base_url = config.resolve_base_url(
                self.base_url_flag, self.env, self.paths, self.profile
            )
        return self._base_url

    def for_profile(self, profile: str) -> Session:
        """The same caller looking at another profile (its own base URL and credential)."""
        if profile == self.profile:
            return self
        return replace(
            self, profile=profile, given=None, _base_url=None, _found={}, _may_send=set()
        )

    # -- credentials ----------------------------------------------------------------------------

    def store(self) -> KeyringStore:
        if self._store is None:
            from akool_cli.store.credentials import default_store

            self._store = default_store(self.env)
        return self._store

    def remember(self, credential: Credential) -> None:
        """Its secrets are masked in every output, log and error from now on."""
        self.redactor.add(*credential.secrets())

    def credential(self, profile: str | None = None, *, to_send: bool = True) -> Credential:
        """The credential for a profile (this one by default): the caller's, the environment's,
        or the keyring's, in that order. `to_send`: it is for requests to the current base URL,
        where a keyring key goes only when its login verified it there (False: used here only,
        e.g. to open a webhook callback)."""
        from akool_cli.store.credentials import resolve

        profile = profile or self.profile
        if profile == self.profile and self.given is not None:
            return self.given
        if profile not in self._found:
            self._found[profile] = resolve(self.env, self.store(), profile)
            self.remember(self._found[profile])
        found = self._found[profile]
        if to_send and profile not in self._may_send:
            base_url = self.base_url() if profile == self.profile else None
            self.check_keyring_destination(profile, found, base_url)
            self._may_send.add(profile)
        return found

    def check_keyring_destination(
        self, profile: str, credential: Credential, base_url: str | None = None
    ) -> None:
        """A profile's keyring credential goes only to the base URL its login verified it on:
        a leftover AKOOL_BASE_URL or a --base-url never receives it (CredentialScopeError). A
        credential in the environment is the user's choice for the current base URL."""
        if credential.source != "keyring":
            self.check_environment_destination(profile, credential, base_url)
            return
        base_url = base_url or self.for_profile(profile).base_url()
        verified = config.verified_base_url_of(self.paths, profile, credential.account())
        if base_url == verified:
            return
        from akool_cli.core.errors import CredentialScopeError

        flag = "" if profile == config.DEFAULT_PROFILE else f"--profile {profile} "
        if verified is None:
            here = config.has_login(self.paths, profile)
            why = (
                "is not the one this AKOOL_HOME's login verified: another AKOOL_HOME's login "
                "replaced it"
                if here
                else f"is another AKOOL_HOME's: this AKOOL_HOME has no login of profile {profile}"
            )
            if config.unproven_login(self.paths, profile):
                why = (
                    "cannot be shown to be the one this AKOOL_HOME's login verified: an older "
                    "akool made that login and kept no fingerprint of its key, and this "
                    "history holds no job of that key on that server"
                )
                base_url = config.verified_base_url(self.paths, profile)  # the login's server
            raise CredentialScopeError(
                f"the keyring key of profile {profile} {why} (the OS keyring is shared by "
                "every home), and akool sends a keyring key only where its own login verified it",
                hint=f"log in {'again ' if here else ''}here: akool {flag}--base-url {base_url} "
                "login; or give the key in AKOOL_API_KEY",
                profile=profile,
                base_url=base_url,
            )

        origin = config.base_url_origin(self.base_url_flag, self.env, self.paths, profile)
        raise CredentialScopeError(
            f"the keyring key of profile {profile} was verified on {verified}, not on "
            f"{base_url} (from {config.BASE_URL_ORIGINS[origin][0]}); akool sends a keyring key "
            "only to the server it was verified on",
            hint=f"{config.back_to_verified(origin, verified, profile)}; or verify a key for "
            f"that server: akool {flag}--base-url {base_url} login; or give its key in "
            "AKOOL_API_KEY",
            profile=profile,
            base_url=base_url,
            verified_base_url=verified,
            origin=origin,
        )

    def check_environment_destination(
        self, profile: str, credential: Credential, base_url: str | None = None
    ) -> None:
        """A credential in the environment goes to the base URL chosen for it (--base-url,
        AKOOL_BASE_URL, `config set base-url`, AKOOL's host), never to one a keyring login of
        another key saved in the profile (break17j J13: after a sandbox login, an exported
        production key went to the sandbox's old port, which another program may hold)."""
        session = self.for_profile(profile)
        base_url = base_url or session.base_url()
        origin = config.base_url_origin(session.base_url_flag, self.env, self.paths, profile)
        entry = config.read_settings(self.paths).get(profile, {})
        login_account = entry.get(config.VERIFIED_ACCOUNT_KEY)
        if origin != "saved" or not entry.get("login") or not login_account:
            return
        if login_account == credential.account():
            return  # the very key the login verified, given in the environment
        if config.verified_base_url(self.paths, profile) != base_url:
            return  # saved by `akool config set base-url`: the user's choice for any key
        from akool_cli.core.errors import CredentialScopeError

        flag = "" if profile == config.DEFAULT_PROFILE else f"--profile {profile} "
        raise CredentialScopeError(
            f"{credential.source} is not the key profile {profile}'s login verified on "
            f"{base_url}, the base URL that login saved; akool sends a key in the environment "
            "only to a server chosen for it",
            hint=f"name its server: AKOOL_BASE_URL=URL or akool {flag}--base-url URL "
            f"(AKOOL's host is {contract.DEFAULT_BASE_URL}); or forget the saved one: akool "
            f"{flag}config unset base-url",
            profile=profile,
            base_url=base_url,
            origin=origin,
        )

    def found(self, profile: str) -> Credential | None:
        """The credential already in use for a profile (given or found), without looking."""
        if profile == self.profile and self.given is not None:
            return self.given
        return self._found.get(profile)

    # -- what talks to AKOOL --------------------------------------------------------------------

    def read_timeout(self) -> float:
        """AKOOL_TIMEOUT: seconds to wait for an answer before counting the try as failed."""
        return seconds_setting(
            self.env,
            "AKOOL_TIMEOUT",
            READ_TIMEOUT,
            (MIN_TIMEOUT, MAX_TIMEOUT),
            hint="e.g. AKOOL_TIMEOUT=60",
        )

    def transport(
        self, *, connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float | None = None
    ) -> Transport:
        """An HTTP transport that redacts this caller's secrets (URL checks, downloads)."""
        from akool_cli.net.transport import Transport

        return Transport(
            connect_timeout=connect_timeout,
            read_timeout=self.read_timeout() if read_timeout is None else read_timeout,
            redactor=self.redactor,
        )

    def connect(
        self,
        base_url: str | None = None,
        profile: str | None = None,
        credential: Credential | None = None,
    ) -> AkoolClient:
        """An API client for a server and profile (this caller's by default); a token it gets
        is redacted from then on and, for a keyring credential, saved for the next command."""
        from akool_cli.net.api import AkoolClient

        profile = profile or self.profile
        credential = credential or self.credential(profile)
        self.remember(credential)  # the library chose the credential that may go to this server
        store = self.store if credential.source == "keyring" else None

        def keep_token(token: str) -> None:
            self.redactor.add(token)
            if store is not None:
                # The next command (or run) does not have to ask for a token again.
                store().save(profile, credential.with_token(token), refresh=True)

        return AkoolClient(
            base_url or self.base_url(),
            credential,
            transport=self.transport(),
            clock=self.clock,
            on_token=keep_token,
        )

    def journal(self) -> Journal:
        """The local history (a new connection: close it when done)."""
        from akool_cli.store.journal import Journal

        return Journal(self.paths.journal_file, clock=self.clock, secrets=self.redactor)

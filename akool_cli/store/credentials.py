"""Which AKOOL credential akool uses, where it comes from, and how it is kept in the OS keyring.

The only module that imports keyring. Order: AKOOL_API_KEY, then AKOOL_CLIENT_ID +
AKOOL_CLIENT_SECRET, then the keyring; with credentials in the environment the keyring is never
touched (headless CI has none). Every keyring call is bounded in time, as gh does.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from akool_cli.core.errors import AkoolError, AuthError

# The check of a pasted secret is a check of what users type (core); callers find it here too.
from akool_cli.core.validate import check_secret as check_secret
from akool_cli.core.validate import seconds_setting

KEYRING_SERVICE = "akool-cli"
DEFAULT_KEYRING_TIMEOUT = 3.0
# Not "in your shell profile": a plaintext dotfile is what the keyring is there to avoid. Quoted:
# an unquoted NAME=value reads as a secret to the output's masking, which would show "=…".
ENV_HINT = (
    "set AKOOL_API_KEY in the environment instead, from your CI's secret store or a secrets "
    'manager, e.g. AKOOL_API_KEY="$(pass akool)" akool ...'
)

# Opting in to a keyring backend that keeps secrets in a plaintext file (see plaintext_file).
PLAINTEXT_OPT_IN = "AKOOL_ALLOW_PLAINTEXT_KEYRING"
PLAINTEXT_HINT = (
    f"{ENV_HINT}; or remove keyrings.alt (pip uninstall keyrings.alt) or choose another "
    "backend with PYTHON_KEYRING_BACKEND; to store it in that file anyway: "
    f"akool login --allow-plaintext-keyring (or {PLAINTEXT_OPT_IN}=1)"
)

T = TypeVar("T")
Kind = Literal["api_key", "client"]


@dataclass(frozen=True)
class Credential:
    """An API key, or a legacy clientId + clientSecret (with the bearer token obtained for them)."""

    kind: Kind
    source: str  # "AKOOL_API_KEY", "AKOOL_CLIENT_ID/AKOOL_CLIENT_SECRET" or "keyring"
    api_key: str = ""
    client_id: str = ""
    client_secret: str = ""
    token: str = ""

    def masked(self) -> str:
        if self.kind == "api_key":
            return f"API key {mask(self.api_key)}"
        return f"client id {self.client_id} with secret {mask(self.client_secret)}"

    def account(self) -> str:
        """A fingerprint of the account this credential reaches, never enough to use it: the
        history scopes jobs by it, and a job's status is only asked with a matching credential.
        (16 hex digits of SHA-256 over the key, or over the client id: not reversible.)"""
        ident = f"key:{self.api_key}" if self.kind == "api_key" else f"client:{self.client_id}"
        return hashlib.sha256(ident.encode()).hexdigest()[:16]

    def secrets(self) -> list[str]:
        """Every secret value this credential carries, for redaction."""
        return [s for s in (self.api_key, self.client_secret, self.token) if s]

    def with_token(self, token: str) -> Credential:
        return replace(self, token=token)

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind,
                "api_key": self.api_key,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "token": self.token,
            }
        )

    @classmethod
    def from_json(cls, text: str, source: str = "keyring") -> Credential:
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("kind") not in ("api_key", "client"):
            raise ValueError("not an akool credential")
        return cls(
            kind=raw["kind"],
            source=source,
            api_key=str(raw.get("api_key") or ""),
            client_id=str(raw.get("client_id") or ""),
            client_secret=str(raw.get("client_secret") or ""),
            token=str(raw.get("token") or ""),
        )


def sandbox_accounts() -> frozenset[str]:
    """The account fingerprints of the local sandbox's own credentials (its API key, its client
    id): a job recorded with one is a sandbox's, never an AKOOL account's."""
    from akool_cli.core.contract import SANDBOX_API_KEY, SANDBOX_CLIENT_ID

    key = Credential("api_key", "sandbox", api_key=SANDBOX_API_KEY)
    client = Credential("client", "sandbox", client_id=SANDBOX_CLIENT_ID)
    return frozenset({key.account(), client.account()})


def mask(secret: str) -> str:
    """Enough of a secret to recognise it, never enough to use it."""
    if len(secret) < 12:
        return "****"
    return f"{secret[:4]}…{secret[-4:]}"


def from_environment(env: dict[str, str]) -> Credential | None:
    """A credential from the environment, or None when none is set there."""
    if env.get("AKOOL_API_KEY", "") != "":
        return Credential(
            "api_key", "AKOOL_API_KEY", api_key=check_secret(env["AKOOL_API_KEY"], "API key")
        )
    client_id = env.get("AKOOL_CLIENT_ID", "").strip()
    client_secret = env.get("AKOOL_CLIENT_SECRET", "")
    if client_secret:
        if not client_id:
            raise AuthError(
                "AKOOL_CLIENT_SECRET is set, but AKOOL_CLIENT_ID is not",
                hint="set both AKOOL_CLIENT_ID and AKOOL_CLIENT_SECRET, or AKOOL_API_KEY alone",
            )
        return Credential(
            "client",
            "AKOOL_CLIENT_ID/AKOOL_CLIENT_SECRET",
            # Cleaned as the secret is (quotes an env file kept: break17f F14), as login does.
            client_id=check_secret(client_id, "client id"),
            client_secret=check_secret(client_secret, "client secret"),
        )
    # AKOOL_CLIENT_ID alone is not a credential: webhook users set it to verify callbacks while
    # their API key is in the keyring.
    return None


KEYRING_TIMEOUT_RANGE = (0.05, 3600.0)  # AKOOL_KEYRING_TIMEOUT's, in seconds


def keyring_timeout(env: dict[str, str]) -> float:
    """AKOOL_KEYRING_TIMEOUT: seconds to wait for the OS keyring (default 3). Anything but a
    number in range (nan, inf, -1, abc) is one clear UsageError, as AKOOL_TIMEOUT's is (break17i
    I16: inf ended in an OverflowError, the others were taken silently)."""
    return seconds_setting(
        env,
        "AKOOL_KEYRING_TIMEOUT",
        DEFAULT_KEYRING_TIMEOUT,
        KEYRING_TIMEOUT_RANGE,
        hint="e.g. AKOOL_KEYRING_TIMEOUT=10 (or unset it: 3 s)",
        clip=40,
    )


def plaintext_allowed(env: dict[str, str]) -> bool:
    return env.get(PLAINTEXT_OPT_IN, "").strip().lower() not in ("", "0", "false", "no")


def plaintext_file(backend: object) -> str | None:
    """Where `backend` keeps secrets unencrypted (keyrings.alt's PlaintextKeyring, file or pyfs:
    readable by every process running as this user, and copied into backups), or None when it
    does not. A chain of backends stores in its first one."""
    chained = getattr(type(backend), "backends", None)
    if isinstance(chained, (list, tuple)) and chained:
        return plaintext_file(chained[0])
    names = [cls.__name__.lower() for cls in type(backend).__mro__]
    scheme = str(getattr(backend, "scheme", "")).lower()
    if not any("plaintext" in name for name in names) and "no enc" not in scheme:
        return None
    where = getattr(backend, "file_path", None)
    return str(where) if where else "a file"


class KeyringStore:
    """The OS keyring, one entry per profile, each call bounded by a timeout."""

    def __init__(
        self, timeout: float = DEFAULT_KEYRING_TIMEOUT, *, allow_plaintext: bool = False
    ) -> None:
        self.timeout = timeout
        self.allow_plaintext = allow_plaintext

    def _call(self, action: str, fn: Callable[[], T]) -> T:
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["value"] = fn()
            except BaseException as exc:  # surfaced below, in the caller's thread
                outcome["error"] = exc

        # A daemon thread: a keyring that hangs (a locked Secret Service) cannot keep akool alive.
        worker = threading.Thread(target=run, name=f"keyring-{action}", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise AuthError(
                f"the OS keyring did not answer within {self.timeout:g} s ({action})",
                hint=ENV_HINT,
            )
        if "error" in outcome:
            raise _keyring_error(action, outcome["error"])  # type: ignore[arg-type]
        return outcome["value"]  # type: ignore[return-value]

    def load(self, profile: str) -> Credential | None:
        import keyring

        text = self._call("read", lambda: keyring.get_password(KEYRING_SERVICE, profile))
        if text is None:
            return None
        try:
            return Credential.from_json(text)
        except (ValueError, KeyError) as exc:
            raise AuthError(
                f"the keyring entry for profile {profile!r} is not an akool credential",
                hint="log in again: akool login",
            ) from exc

    def save(self, profile: str, credential: Credential, *, refresh: bool = False) -> None:
        """Store the credential; a plaintext backend is refused unless allowed (a refresh of a
        token already kept there is not a new secret, so it goes where the credential is)."""
        import keyring

        if not refresh and not self.allow_plaintext:
            where = self.plaintext()
            if where is not None:
                raise AuthError(
                    f"the keyring backend ({self.backend_name()}) keeps secrets unencrypted in "
                    f"{where}; akool does not store a key there",
                    hint=PLAINTEXT_HINT,
                )
        self._call(
            "write",
            lambda: keyring.set_password(KEYRING_SERVICE, profile, credential.to_json()),
        )
        # Some backends (the null one) drop writes silently: read back before saying "logged in".
        stored = self.load(profile)
        if stored is None or stored.secrets() != credential.secrets():
            raise AuthError(
                "the OS keyring accepted the credential but did not keep it",
                hint=ENV_HINT,
            )

    def restore(self, profile: str, previous: Credential | None) -> None:
        """Put back what the keyring held for `profile` before a login that failed after
        saving (`previous`: None removes the entry); best effort, the failure is reported."""
        try:
            if previous is None:
                self.delete(profile)
            else:
                self.save(profile, previous, refresh=True)
        except AkoolError:
            pass

    def delete(self, profile: str) -> bool:
        import keyring
        from keyring.errors import PasswordDeleteError

        def remove() -> bool:
            try:
                keyring.delete_password(KEYRING_SERVICE, profile)
            except PasswordDeleteError:
                return False
            return True

        return self._call("delete", remove)

    def backend_name(self) -> str:
        import keyring

        backend = self._call("inspect", keyring.get_keyring)
        return f"{type(backend).__module__}.{type(backend).__qualname__}"

    def plaintext(self) -> str | None:
        """Where the backend in use keeps secrets unencrypted, or None (see plaintext_file)."""
        import keyring

        return plaintext_file(self._call("inspect", keyring.get_keyring))


def _keyring_error(action: str, exc: BaseException) -> BaseException:
    if isinstance(exc, AuthError):
        return exc
    if not isinstance(exc, Exception):
        return exc  # KeyboardInterrupt and friends pass through untouched
    from keyring.errors import NoKeyringError

    if isinstance(exc, NoKeyringError):
        return AuthError("no OS keyring is available on this machine", hint=ENV_HINT)
    return AuthError(
        f"the OS keyring failed to {action} the credential ({type(exc).__name__})",
        hint=ENV_HINT,
    )


def resolve(env: dict[str, str], store: KeyringStore, profile: str) -> Credential:
    """The credential to use, by the documented precedence; AuthError when there is none."""
    found = from_environment(env)
    if found is not None:
        return found
    stored = store.load(profile)
    if stored is None:
        lone_id = (
            "; AKOOL_CLIENT_ID alone (for webhooks) is not enough"
            if env.get("AKOOL_CLIENT_ID", "").strip()
            else ""
        )
        raise AuthError(
            "not logged in" + lone_id,
            hint="run: akool login (or set AKOOL_API_KEY, or AKOOL_CLIENT_SECRET with the ID)",
        )
    return stored


def default_store(env: dict[str, str] | None = None) -> KeyringStore:
    env = dict(os.environ) if env is None else env
    return KeyringStore(keyring_timeout(env), allow_plaintext=plaintext_allowed(env))

"""The account from Python as the CLI sees it: login and logout, which credential works, the
credit balance, voices, saved settings, any documented call, and the checks of `akool doctor`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.core.errors import (
    AkoolError,
    AuthError,
    AuthRejectedError,
    LocalStateError,
    UsageError,
)

if TYPE_CHECKING:
    from akool_cli.core.models import Voice
    from akool_cli.core.speech import VoiceFilters
    from akool_cli.doctor import Check
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.credentials import Credential


@dataclass(frozen=True)
class Login:
    """A credential AKOOL accepted and the keyring now holds."""

    base_url: str
    profile: str
    credential: str  # masked
    credit: float
    # AKOOL_API_KEY (or the client pair) is set: it takes precedence over this login.
    overridden: bool


@dataclass(frozen=True)
class Verified:
    """A credential AKOOL accepted (login's first half), not saved yet."""

    base_url: str
    credential: Credential = field(repr=False)
    credit: float

    @property
    def masked(self) -> str:
        return self.credential.masked()


@dataclass
class ProfileCheck:
    """One profile's credential: where it comes from and whether AKOOL accepts it."""

    profile: str
    active: bool
    base_url: str | None = None
    source: str | None = None
    kind: str | None = None
    credential: str | None = None  # masked
    valid: bool = False
    credit: float | None = None
    error: AkoolError | None = None

    def to_json(self) -> dict[str, Any]:
        """As `akool auth status --json` prints each profile."""
        return {
            "profile": self.profile,
            "active": self.active,
            "base_url": self.base_url,
            "source": self.source,
            "kind": self.kind,
            "credential": self.credential,
            "valid": self.valid,
            "credit": self.credit,
            "error": None if self.error is None else self.error.message,
        }


@dataclass(frozen=True)
class Setting:
    """A setting `akool config` knows, with the profile's saved value (None when unset)."""

    name: str
    value: str | None
    meaning: str


class AccountMixin(ClientBase):
    def credit(self) -> float:
        """The account's credit balance."""
        return self.api.credit()

    def voices(
        self, *, own: bool = False, filters: VoiceFilters | None = None, language: str | None = None
    ) -> list[Voice]:
        """AKOOL's VoiceLab voices (or, with `own`, your cloned ones), every page."""
        return self.api.list_voices(own=own, filters=filters, language=language)

    def doctor(self, on_check: Callable[[Check], None] | None = None) -> list[Check]:
        """The checks of `akool doctor`: paths, keyring, credential, network, AKOOL's answers;
        `on_check` is told of each as soon as it is done. AKOOL is asked once per check (no
        retries), each within the exchange's deadline."""
        from akool_cli.doctor import run_checks

        return run_checks(self.session, on_check)

    # -- credentials ----------------------------------------------------------------------------

    def login(
        self,
        api_key: str | None = None,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        allow_plaintext: bool = False,
        rotate: bool = False,
        replace: bool = False,
    ) -> Login:
        """Check a credential against AKOOL's credit endpoint, then keep it in the OS keyring
        for this profile (and the base URL it was checked against in the settings). A keyring
        that keeps secrets in a plaintext file is refused unless `allow_plaintext`. `rotate`:
        it replaces the profile's key of the same account (see save_login), and is checked
        before the new key is sent anywhere. A profile holding a key verified on another server
        is refused (UsageError, before anything is sent) unless `replace`."""
        if not (replace or rotate):
            self.check_replacement()
        checked = self.verify_login(
            api_key, client_id=client_id, client_secret=client_secret, rotate=rotate
        )
        return self.save_login(
            checked, allow_plaintext=allow_plaintext, rotate=rotate, replace=replace
        )

    def verify_login(
        self,
        api_key: str | None = None,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        rotate: bool = False,
    ) -> Verified:
        """login()'s first half: the credential, checked against AKOOL (nothing saved yet).
        With `rotate`, the profile's key it is to replace must be of this server: checked
        first (check_rotation), so a leftover base URL never receives the new key."""
        from akool_cli.core.validate import check_secret
        from akool_cli.store.credentials import Credential

        base_url = self.base_url
        if rotate:
            self.check_rotation()
        if client_id is not None:
            # A malformed id is bad input like a malformed secret (2); a wrong one AKOOL refuses (3).
            cid = check_secret(client_id, "client id")
            secret = check_secret(client_secret or "", "client secret")
            credential = Credential("client", "login", client_id=cid, client_secret=secret)
        else:
            key = check_secret(api_key or "", "API key")
            credential = Credential("api_key", "login", api_key=key)
        self.session.remember(credential)
        with self.session.connect(credential=credential) as client:
            if credential.kind == "client":
                credential = credential.with_token(_get_token(client, credential))
                client.credential = credential
            balance = client.credit()  # verified before anything is saved
        return Verified(base_url, credential, balance)

    def save_login(
        self,
        checked: Verified,
        *,
        allow_plaintext: bool = False,
        rotate: bool = False,
        replace: bool = False,
    ) -> Login:
        """login()'s second half: the verified credential into the keyring (AuthError when the
        keyring cannot keep it), and the profile's bookkeeping into the settings. With `rotate`,
        it replaces the profile's key of the same AKOOL account (a rotated key, or an API key
        after clientId/clientSecret): the jobs the old one made count for the new one. Another
        AKOOL_HOME's key under the profile's name is kept (UsageError) unless `replace`."""
        from akool_cli.core.contract import DEFAULT_BASE_URL
        from akool_cli.store import config
        from akool_cli.store.credentials import from_environment

        store = self.session.store()
        store.allow_plaintext = store.allow_plaintext or allow_plaintext
        replaced = self._rotated_from(checked.base_url) if rotate else None
        previous = store.load(self.profile)
        if not (replace or rotate):
            self._keep_other_homes_key(checked, previous)
        store.save(self.profile, checked.credential)
        if replaced is not None:
            account = self.account_of(replaced, checked.base_url, self.profile)
            fingerprint = checked.credential.account()
            self.journal.decide_account(checked.base_url, self.profile, fingerprint, account)
        # Non-secret bookkeeping: which profiles exist, and the base URL each was verified against.
        paths, profile = self.paths, self.profile
        saved_url = None if checked.base_url == DEFAULT_BASE_URL else checked.base_url
        # One write: VERIFIED_KEY, the one server this keyring key goes to
        # (Session.check_keyring_destination), never lags behind the login it belongs to.
        settings = {
            "login": "keyring",
            "base_url": saved_url,
            config.VERIFIED_KEY: checked.base_url,
            config.VERIFIED_ACCOUNT_KEY: checked.credential.account(),
        }
        try:
            config.write_profile_settings(paths, profile, settings)
        except LocalStateError:  # a full disk: the previous login stays whole (break17j J7)
            store.restore(profile, previous)
            raise
        overridden = from_environment(self.env) is not None
        masked = checked.credential.masked()
        return Login(checked.base_url, profile, masked, checked.credit, overridden)

    def check_replacement(self) -> None:
        """`login`'s check before a key is asked for or sent: this profile holds no keyring key
        verified on another server than the base URL --base-url or AKOOL_BASE_URL gives, which
        the login would replace (UsageError otherwise: log in on a profile of its own, or pass
        `replace`)."""
        from akool_cli.client.elsewhere import check_replacement

        # A base URL the profile's own settings name (`config set base-url`) moved the profile
        # there on purpose; one from --base-url or AKOOL_BASE_URL is this command's only.
        if self.base_url_origin in ("flag", "env"):
            check_replacement(self.paths, self.profile, self.base_url)

    def _keep_other_homes_key(self, checked: Verified, stored: Credential | None) -> None:
        """The OS keyring is shared by every AKOOL_HOME: a key another home's login keeps under
        this profile's name is not this login's to delete (break17k K14: a sandbox login in one
        home wiped the production key another home had verified)."""
        from akool_cli.client.elsewhere import home_holds, new_profile
        from akool_cli.core.errors import UsageError

        if stored is None or stored.account() == checked.credential.account():
            return
        if home_holds(self.paths, self.profile, stored):
            return  # this home's own login: replacing it is what login does
        other = new_profile(self.paths, checked.base_url)
        raise UsageError(
            f"the key works (credit {checked.credit:g}), but it was not saved: the OS keyring, "
            f"shared by every AKOOL_HOME, holds another home's key under profile "
            f"{self.profile}, which this login would delete",
            hint=f"keep both: akool --profile {other} --base-url {checked.base_url} login (then "
            f"--profile {other}); or replace that key: add --replace",
        )

    def check_rotation(self) -> None:
        """`login --rotate`'s check before a new key is asked for or sent: this profile has a
        keyring key verified on this client's base URL (UsageError otherwise)."""
        self._rotated_from(self.base_url)

    def _rotated_from(self, base_url: str) -> Credential:
        """The profile's keyring key that `login --rotate` replaces: one verified on the same
        server (the account's jobs are there), else UsageError before anything is saved."""
        from akool_cli.store import config

        old = self.session.store().load(self.profile)
        if old is None:
            raise UsageError(
                f"profile {self.profile} has no key in the keyring for --rotate to replace; "
                "nothing was saved",
                hint=f"log in without --rotate: akool --profile {self.profile} login",
            )
        verified = config.verified_base_url_of(self.paths, self.profile, old.account())
        if verified is None:
            raise UsageError(
                f"the keyring key of profile {self.profile} is not one this AKOOL_HOME's login "
                "verified (another AKOOL_HOME's login saved it: the OS keyring is shared); "
                "--rotate replaces only a key verified here; nothing was saved",
                hint=f"log in without --rotate: akool --profile {self.profile} --base-url "
                f"{base_url} login",
            )
        if verified != base_url:
            raise UsageError(
                f"the key of profile {self.profile} was verified on {verified}, not on "
                f"{base_url}: --rotate replaces a key of the same server; nothing was "
                "saved",
                hint=f"rotate it there: akool --profile {self.profile} --base-url {verified} "
                "login --rotate",
            )
        return old

    def logout(self) -> bool:
        """Remove this profile's credential from the keyring; False when there was none."""
        from akool_cli.client.elsewhere import home_holds
        from akool_cli.store import config

        store = self.session.store()
        stored = store.load(self.profile)
        # Another home's key under this profile's name stays: only this home's record goes.
        theirs = stored is not None and not home_holds(self.paths, self.profile, stored)
        removed = False if theirs else store.delete(self.profile)
        config.write_profile_settings(
            self.paths, self.profile, {"login": None, config.VERIFIED_ACCOUNT_KEY: None}
        )
        return removed

    def profiles(self) -> list[str]:
        """This profile first, then every other profile with saved settings (a login)."""
        from akool_cli.store import config

        saved = config.read_settings(self.paths)
        return [self.profile] + [p for p in saved if p != self.profile]

    def check_profile(self, name: str | None = None) -> ProfileCheck:
        """What a profile's credential is and whether AKOOL accepts it (the active profile may
        use the environment's; another one only its keyring entry)."""
        name = name or self.profile
        view = self.session.for_profile(name)
        report = ProfileCheck(name, active=name == self.profile)
        try:
            report.base_url = view.base_url()
            if report.active:
                credential = view.credential()
            else:
                stored = view.store().load(name)
                if stored is None:
                    raise AuthError(
                        f"profile {name} is not logged in", hint=f"akool --profile {name} login"
                    )
                credential = stored
                view.remember(credential)
                view.check_keyring_destination(name, credential, report.base_url)
            report.source, report.kind = credential.source, credential.kind
            report.credential = credential.masked()
            with view.connect(credential=credential) as client:
                report.credit = client.credit()
            report.valid = True
        except AkoolError as exc:
            report.error = exc
        return report

    # -- settings -------------------------------------------------------------------------------

    def settings(self) -> list[Setting]:
        """Every setting `akool config` knows, with this profile's values."""
        from akool_cli.store.config import USER_SETTINGS, read_settings

        saved = read_settings(self.paths).get(self.profile, {})
        return [Setting(n, saved.get(k) or None, m) for n, (k, m) in USER_SETTINGS.items()]

    def setting(self, name: str) -> str | None:
        """A setting's saved value for this profile (None when unset)."""
        from akool_cli.store.config import read_settings

        key = _setting_key(name)
        return read_settings(self.paths).get(self.profile, {}).get(key) or None

    def set_setting(self, name: str, value: str) -> str:
        """Save a setting for this profile, checked as the commands that use it check it;
        returns the value as saved."""
        from akool_cli.store.config import write_profile_setting

        key = _setting_key(name)
        if key == "upload_to":
            from akool_cli.inputs.upload import parse_target

            cleaned = str(parse_target(value, origin="upload-to"))
        elif key == "base_url":
            from akool_cli.core.urls import validate_base_url

            cleaned = validate_base_url(value, origin="base-url")
        else:
            cleaned = value.strip()
        write_profile_setting(self.paths, self.profile, key, cleaned)
        return cleaned

    def unset_setting(self, name: str) -> None:
        from akool_cli.store.config import write_profile_setting

        write_profile_setting(self.paths, self.profile, _setting_key(name), None)


def _setting_key(name: str) -> str:
    from akool_cli.core.validate import check_text
    from akool_cli.store.config import USER_SETTINGS

    # base_url is how config.json spells base-url: both are the same setting.
    known = USER_SETTINGS.get(check_text(name, "the setting").strip().lower().replace("_", "-"))
    if known is None:
        raise UsageError(
            f"{name!r} is not a setting akool knows",
            hint=f"known settings: {', '.join(USER_SETTINGS)}",
        )
    return known[0]


def _get_token(client: AkoolClient, credential: Credential) -> str:
    try:
        return client.get_token(credential.client_id, credential.client_secret)
    except AuthRejectedError as exc:
        # AKOOL's code names an API key; here the clientId or the clientSecret is wrong.
        raise AuthRejectedError(
            "AKOOL did not accept this clientId and clientSecret"
            + (f" (code {exc.code})" if exc.code is not None else ""),
            hint="copy both from akool.com → API Credentials, then: "
            "akool login --client-id YOUR_CLIENT_ID",
            code=exc.code,
        ) from exc


def envelope_error(payload: Any, what: str) -> AkoolError | None:
    """The error AKOOL's answer stands for (its envelope's code), or None for success."""
    from akool_cli.core import contract
    from akool_cli.net.api import error_for_code

    code = payload.get("code") if isinstance(payload, dict) else None
    if isinstance(code, int) and code != contract.SUCCESS_CODE:
        return error_for_code(code, str(payload.get("msg") or ""), what)
    return None

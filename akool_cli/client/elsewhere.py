"""Where a key for another server goes: hints and a login check that never replace a key.

A profile holds one keyring key, verified on one server. Telling a user to log in to another
server on a profile that holds a key replaces that key (and the profile's base URL), so the
next plain command goes to the other server (break17h H1). So a job made where no credential
here may go is pointed at its own sandbox's key, or at a profile of its own; and `akool login`
over a profile whose key was verified on another server refuses until told to replace it.
"""

from __future__ import annotations

import re

from akool_cli.core.errors import UsageError
from akool_cli.core.urls import is_akool_host, is_loopback_host, parts_or_none
from akool_cli.store import config
from akool_cli.store.credentials import Credential, sandbox_accounts


def holds_key(paths: config.Paths, profile: str) -> bool:
    """Whether `akool login` stored a keyring key for this profile (read from the settings'
    bookkeeping: the keyring itself is never touched for it)."""
    return config.has_login(paths, profile)


def home_holds(paths: config.Paths, profile: str, stored: Credential) -> bool:
    """Whether the profile's keyring key is this AKOOL_HOME's own: its login stored it, of this
    very account when the login recorded one. The OS keyring is shared by every home, so a key
    under the profile's name may be another home's, which neither `login` nor `logout` here
    may delete (break17h H22, break17k K14)."""
    mine = config.read_settings(paths).get(profile, {})
    recorded = mine.get(config.VERIFIED_ACCOUNT_KEY)
    return bool(mine.get("login")) and recorded in (None, stored.account())


def new_profile(paths: config.Paths, base_url: str) -> str:
    """A profile name for `base_url` that holds no key of another server: `sandbox` for this
    machine, `akool` for AKOOL's hosts, else the host's first label (numbered when taken)."""
    host = (parts_or_none(base_url).hostname or "").lower()
    if is_loopback_host(host):
        stem = "sandbox"
    elif is_akool_host(host):
        stem = "akool"
    else:
        stem = re.sub(r"[^a-z0-9_-]+", "-", host.split(".")[0]).strip("-") or "other"
    name, n = stem, 1
    while holds_key(paths, name) and config.verified_base_url(paths, name) != base_url:
        n += 1
        name = f"{stem}-{n}"
    return name


def shadowing(
    paths: config.Paths, profile: str, account: str, base_url: str, environment: Credential | None
) -> str:
    """The environment variables whose credential hides the keyring key that made a job ("" when
    none does): the job's profile holds a login verified on the job's server, with the job's
    account (read from the settings' bookkeeping, never from the keyring: break17k K3)."""
    if environment is None or not holds_key(paths, profile):
        return ""
    recorded = config.read_settings(paths).get(profile, {}).get(config.VERIFIED_ACCOUNT_KEY)
    if account and recorded != account:
        return ""
    return environment.source if config.verified_base_url(paths, profile) == base_url else ""


def job_elsewhere_hint(
    paths: config.Paths,
    job_id: str,
    profile: str,
    account: str,
    base_url: str,
    shadowed: str = "",
) -> str:
    """The hint for a job made on `base_url` with a credential akool may not send there; with
    `shadowed` (the environment variables hiding the profile's own key), no login: unset them."""
    if shadowed:
        unset = " ".join(f"-u {name}" for name in shadowed.split("/"))
        chosen = "" if profile == config.DEFAULT_PROFILE else f" --profile {profile}"
        return (
            f"no login needed: run the command again without {shadowed.replace('/', ' and ')} "
            f"in the environment, e.g. env {unset} akool{chosen} status {job_id}"
        )
    if account and account in sandbox_accounts():
        return (
            f"it is the sandbox's job: ask that sandbox with its own key, for this command only "
            f"(no login, no profile changed): AKOOL_BASE_URL={base_url} "
            f"AKOOL_API_KEY=<that sandbox's key> akool status {job_id}"
        )
    if holds_key(paths, profile):  # logging in on it would replace that key
        other = new_profile(paths, base_url)
        return (
            f"use the credential that made it, never this one, on a profile of its own (profile "
            f"{profile}'s key stays): akool --profile {other} --base-url {base_url} login with "
            f"AKOOL_API_KEY unset, then run the command again with --profile {other}"
        )
    return (
        f"use the credential that made it, never this one: log in to {base_url} with "
        f"AKOOL_API_KEY unset (akool --profile {profile} --base-url {base_url} login), "
        f"then run the command again with --profile {profile}"
    )


def check_replacement(paths: config.Paths, profile: str, base_url: str) -> None:
    """`akool login`'s check before a key is asked for: the profile holds no keyring key
    verified on another server than `base_url` (UsageError otherwise; --replace allows it)."""
    if not holds_key(paths, profile):
        return
    verified = config.verified_base_url(paths, profile)
    if verified == base_url:
        return
    other = new_profile(paths, base_url)
    raise UsageError(
        f"profile {profile} holds a key verified on {verified}: logging in to {base_url} on it "
        f"would replace that key, and send the next akool command without --profile to "
        f"{base_url}; nothing was asked or sent",
        hint=f"keep both: log in there on a profile of its own: akool --profile {other} "
        f"--base-url {base_url} login (then --profile {other}); or replace it: add --replace",
    )

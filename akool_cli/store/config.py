"""Where akool keeps its state (AKOOL_HOME or the platform's directories) and which base URL it uses.

The only module that imports platformdirs. Reading never creates directories; writing does.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from akool_cli.core import bounded
from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.core.errors import LocalStateError, UsageError
from akool_cli.core.urls import BASE_URL_ORIGINS as BASE_URL_ORIGINS
from akool_cli.core.urls import validate_base_url

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one writer at a time is not enforced
    fcntl = None  # type: ignore[assignment]

APP_NAME = "akool"
CONFIG_FILE = "config.json"
JOURNAL_FILE = "jobs.sqlite3"
DEFAULT_PROFILE = "default"
# Whoever can edit config.json can point the base URL at their own host and receive the key,
# and the history lists every job: akool's state is for its user alone, whatever the umask.
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
# Held while config.json is read, changed and replaced (two akool processes writing at once).
CONFIG_LOCK = "config.json.lock"
CONFIG_LOCK_SECONDS = 10.0


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE

    @property
    def journal_file(self) -> Path:
        return self.data_dir / JOURNAL_FILE


def paths(env: dict[str, str] | None = None) -> Paths:
    """AKOOL_HOME moves all user state (tests use it); otherwise the platform's user directories."""
    env = dict(os.environ) if env is None else env
    home = env.get("AKOOL_HOME", "").strip()
    if home:
        root = Path(absolute_home(home))
        return Paths(config_dir=root, data_dir=root)
    import platformdirs  # deferred: only commands that touch state pay for it

    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
    )


def absolute_home(home: str) -> str:
    """AKOOL_HOME as an absolute path (~ expanded, relative to the current folder)."""
    return str(Path(home.strip()).expanduser().absolute())


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents as 0700 (umask or not); existing ones are left alone."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            if not folder.is_dir():  # "make that folder writable" would not help (break17f F17)
                there = "there" if folder == path else f"at {path}"
                raise LocalStateError(
                    f"{folder} is a file, not a folder: akool keeps its files in a folder {there}",
                    hint="set AKOOL_HOME to a folder (an existing one, or one akool may create), "
                    "or move that file away",
                    path=str(folder),
                )
            break
        missing.append(folder)
    for folder in reversed(missing):
        with suppress(FileExistsError):  # another akool process made it first
            folder.mkdir(mode=PRIVATE_DIR)
            os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is filtered by the umask


def read_settings(p: Paths) -> dict[str, dict[str, str]]:
    """Non-secret settings per profile, e.g. the base URL a profile logged in to."""
    hint = f"fix or delete {p.config_file}"
    try:
        what = f"the settings file {p.config_file}"
        data = bounded.read_regular_file(p.config_file, bounded.STATE_FILE_BYTES, what, hint)
        raw = json.loads(data.decode("utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"cannot read the settings file {p.config_file}: {exc}", hint=hint
        ) from exc
    profiles = raw.get("profiles", {}) if isinstance(raw, dict) else {}
    return {str(k): dict(v) for k, v in profiles.items() if isinstance(v, dict)}


def write_profile_setting(p: Paths, profile: str, key: str, value: str | None) -> None:
    """Set (or with None, remove) one profile setting, replacing the file atomically."""
    write_profile_settings(p, profile, {key: value})


def write_profile_settings(p: Paths, profile: str, values: dict[str, str | None]) -> None:
    """Set (None: remove) profile settings in one atomic replacement of the file, read and
    written under CONFIG_LOCK, so two akool processes writing at once both keep their change.
    A legacy login's verified base URL is frozen first (legacy_verified), so no change of the
    settable base_url ever moves its keyring key."""
    try:
        with _config_lock(p):
            settings = read_settings(p)
            entry = settings.setdefault(profile, {})
            frozen = legacy_verified(entry)
            if frozen is not None:
                entry[VERIFIED_KEY] = frozen
            for key, value in values.items():
                if value is None:
                    entry.pop(key, None)
                else:
                    entry[key] = value
            if not entry:
                settings.pop(profile, None)
            text = json.dumps({"profiles": settings}, indent=2)
            _replace_privately(p.config_dir, p.config_file, text)
    except OSError as exc:
        raise LocalStateError(
            f"cannot write the settings file {p.config_file}: {exc.strerror or exc}",
            hint="make that folder writable (and free some space), or set AKOOL_HOME elsewhere",
            path=str(p.config_file),
        ) from None


@contextmanager
def _config_lock(p: Paths) -> Iterator[None]:
    """The settings file's writers one at a time: an exclusive lock on CONFIG_LOCK beside it
    (the kernel drops it when a process dies), waited for CONFIG_LOCK_SECONDS at most."""
    make_private_dir(p.config_dir)
    fd = os.open(p.config_dir / CONFIG_LOCK, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        deadline = time.monotonic() + CONFIG_LOCK_SECONDS
        while fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LocalStateError(
                        f"another akool process has been writing {p.config_file} for "
                        f"{CONFIG_LOCK_SECONDS:g} s",
                        hint="try again once it is done (akool processes: ps)",
                        path=str(p.config_file),
                    ) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # and the lock with it


def write_private_file(target: Path, text: str) -> None:
    """Replace target atomically with text, readable by this user alone (0600, umask or not);
    missing parent folders are made 0700. For files holding credentials (a sandbox's ready file)."""
    _replace_privately(target.parent, target, text)


def _replace_privately(folder: Path, target: Path, text: str) -> None:
    make_private_dir(folder)
    # mkstemp creates the file 0600 whatever the umask, under a name no other process uses.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def resolve_base_url(
    flag: str | None, env: dict[str, str], p: Paths, profile: str = DEFAULT_PROFILE
) -> str:
    """--base-url, then AKOOL_BASE_URL, then the URL saved at login, then AKOOL's documented host."""
    if flag:
        return validate_base_url(flag)
    from_env = env.get("AKOOL_BASE_URL", "").strip()
    if from_env:
        return validate_base_url(from_env, origin="AKOOL_BASE_URL")
    saved = read_settings(p).get(profile, {}).get("base_url")
    if saved:
        return validate_base_url(saved, origin=f"the saved base URL in {p.config_file}")
    return DEFAULT_BASE_URL


def back_to_verified(origin: str, verified: str, profile: str) -> str:
    """What to do to use the verified base URL again, for a base URL from `origin`."""
    flag = "" if profile == DEFAULT_PROFILE else f"--profile {profile} "
    change = "unset base-url" if verified == DEFAULT_BASE_URL else f"set base-url {verified}"
    action = BASE_URL_ORIGINS[origin][1].format(config=f"akool {flag}config {change}")
    return f"{action} to use {verified}"


def base_url_origin(flag: str | None, env: dict[str, str], p: Paths, profile: str) -> str:
    """Where resolve_base_url found the base URL: a key of BASE_URL_ORIGINS."""
    if flag:
        return "flag"
    if env.get("AKOOL_BASE_URL", "").strip():
        return "env"
    return "saved" if read_settings(p).get(profile, {}).get("base_url") else "default"


def verified_base_url(p: Paths, profile: str = DEFAULT_PROFILE) -> str:
    """The base URL a profile's keyring credential was verified on (`akool login` records it):
    the only server that credential is sent to. Never the settable base_url read now: a login
    of an older akool, which recorded none, has it frozen on first read (legacy_verified)."""
    entry = read_settings(p).get(profile, {})
    url = entry.get(VERIFIED_KEY) or legacy_verified(entry)
    if url is None:
        url = DEFAULT_BASE_URL  # no login recorded: a keyring key goes to AKOOL's host only
    elif not entry.get(VERIFIED_KEY):
        # Recorded now, so a later `config set base-url` (or an older akool's) cannot move it;
        # a read-only settings file keeps it unrecorded (any write fails there too).
        with suppress(LocalStateError):
            write_profile_settings(p, profile, {VERIFIED_KEY: url})
    return validate_base_url(url, origin=f"the verified base URL in {p.config_file}")


def has_login(p: Paths, profile: str) -> bool:
    """Whether this home's `akool login` stored the profile's keyring key (its settings say so:
    the keyring, shared by every home, is never asked)."""
    return bool(read_settings(p).get(profile, {}).get("login"))


def verified_base_url_of(p: Paths, profile: str, account: str) -> str | None:
    """The base URL this home's login verified the keyring key with this account fingerprint
    (Credential.account()) on; None when this home has no login of the profile (none yet, or
    logged out: break17h H22) or the keyring holds another key under the profile's name. The OS
    keyring is shared by every AKOOL_HOME while each home records its own login: another home's
    login replaces the key this home verified, and that key was never verified here (break17h
    H19: a production login in one home sent its key to another home's sandbox). A login of an
    older akool, which recorded no fingerprint, has it frozen on first read, as its base URL is
    (legacy_verified)."""
    entry = read_settings(p).get(profile, {})
    if not entry.get("login"):
        return None  # the keyring key under that name is another home's login
    recorded = entry.get(VERIFIED_ACCOUNT_KEY)
    if recorded is None:
        # An older akool's login recorded no fingerprint, and the shared keyring may hold
        # another home's key by now (break17k K13): adopt it only when this home's history
        # shows jobs its profile made on that server with this very account, and none other.
        made = accounts_made(p, verified_base_url(p, profile), profile)
        if made != {account}:
            return None
        with suppress(LocalStateError):
            write_profile_settings(p, profile, {VERIFIED_ACCOUNT_KEY: account})
    elif recorded != account:
        return None
    return verified_base_url(p, profile)


def unproven_login(p: Paths, profile: str) -> bool:
    """Whether the profile's login was made by an older akool, which recorded no fingerprint of
    its key: the keyring key is sent only once the history shows it (verified_base_url_of)."""
    entry = read_settings(p).get(profile, {})
    return bool(entry.get("login")) and entry.get(VERIFIED_ACCOUNT_KEY) is None


def accounts_made(p: Paths, base_url: str, profile: str) -> set[str] | None:
    """The account fingerprints of the jobs and creates this home's history holds for a profile
    on a server (read-only; None when the history cannot be read)."""
    import sqlite3

    path = p.journal_file
    if not path.exists():
        return set()
    query = (
        "SELECT account FROM jobs WHERE base_url = ? AND profile = ? AND account != '' UNION "
        "SELECT account FROM attempts WHERE base_url = ? AND profile = ? AND account != ''"
    )
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            rows = db.execute(query, (base_url, profile, base_url, profile)).fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return {str(row[0]) for row in rows}


def legacy_verified(entry: dict[str, str]) -> str | None:
    """For a login made before akool recorded `verified_base_url` (a profile with `login` and
    none): what that login verified, which is what must be frozen before anything changes. Such
    a login saved the base URL it verified as `base_url` (none for AKOOL's documented host), so
    the saved base_url at the moment of migration is it, unless `config set base-url` changed it
    since; then it is still where that akool was sending the key by default, so freezing it
    hands the key to no new host (AKOOL's host, the other choice, might be one). None when there
    is nothing to freeze (a verified URL is recorded, or no login)."""
    if entry.get(VERIFIED_KEY) or not entry.get("login"):
        return None
    return entry.get("base_url") or DEFAULT_BASE_URL


# The settings key of the base URL a login verified its key on (not a user setting: only
# `akool login` writes it, and a legacy login's is frozen once, legacy_verified).
VERIFIED_KEY = "verified_base_url"
# The settings key of the account fingerprint of the key that login verified (not a secret:
# 16 hex digits of SHA-256, as the history keeps for every job): verified_base_url_of.
VERIFIED_ACCOUNT_KEY = "verified_account"

# Settings users set with `akool config set NAME VALUE`: name → (key in config.json, meaning).
USER_SETTINGS: dict[str, tuple[str, str]] = {
    "base-url": (
        "base_url",
        "the AKOOL API base URL of the profile (--base-url and AKOOL_BASE_URL come first; "
        "login saves the one it verified)",
    ),
    "upload-to": (
        "upload_to",
        "where `talk` and `batch` upload local files (s3://BUCKET/PREFIX/)",
    ),
}


def resolve_upload_to(
    flag: str | None,
    env: dict[str, str],
    p: Paths,
    profile: str = DEFAULT_PROFILE,
    option: str = "--upload-to",
) -> tuple[str, str] | None:
    """--upload-to (`option`: upload_to from Python), then AKOOL_UPLOAD_TO, then the profile's
    saved upload-to: (value, origin)."""
    if flag is not None and flag.strip():
        return flag.strip(), option
    from_env = env.get("AKOOL_UPLOAD_TO", "").strip()
    if from_env:
        return from_env, "AKOOL_UPLOAD_TO"
    saved = read_settings(p).get(profile, {}).get(USER_SETTINGS["upload-to"][0])
    if saved:
        return saved, f"the saved upload-to of profile {profile!r}"
    return None

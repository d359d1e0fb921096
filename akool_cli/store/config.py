"""Where akool keeps its state (AKOOL_HOME or the platform's directories) and which base URL it uses.

The only module that imports platformdirs. Reading never creates directories; writing does.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.core.errors import LocalStateError, UsageError
from akool_cli.core.urls import validate_base_url

APP_NAME = "akool"
CONFIG_FILE = "config.json"
JOURNAL_FILE = "jobs.sqlite3"
DEFAULT_PROFILE = "default"
# Whoever can edit config.json can point the base URL at their own host and receive the key,
# and the history lists every job: akool's state is for its user alone, whatever the umask.
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


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
        root = Path(home).expanduser()
        return Paths(config_dir=root, data_dir=root)
    import platformdirs  # deferred: only commands that touch state pay for it

    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
    )


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents as 0700 (umask or not); existing ones are left alone."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        with suppress(FileExistsError):  # another akool process made it first
            folder.mkdir(mode=PRIVATE_DIR)
            os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is filtered by the umask


def read_settings(p: Paths) -> dict[str, dict[str, str]]:
    """Non-secret settings per profile, e.g. the base URL a profile logged in to."""
    try:
        raw = json.loads(p.config_file.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"cannot read the settings file {p.config_file}: {exc}",
            hint=f"fix or delete {p.config_file}",
        ) from exc
    profiles = raw.get("profiles", {}) if isinstance(raw, dict) else {}
    return {str(k): dict(v) for k, v in profiles.items() if isinstance(v, dict)}


def write_profile_setting(p: Paths, profile: str, key: str, value: str | None) -> None:
    """Set (or with None, remove) one profile setting, replacing the file atomically."""
    settings = read_settings(p)
    entry = settings.setdefault(profile, {})
    if value is None:
        entry.pop(key, None)
    else:
        entry[key] = value
    if not entry:
        settings.pop(profile, None)
    try:
        _replace_privately(
            p.config_dir, p.config_file, json.dumps({"profiles": settings}, indent=2)
        )
    except OSError as exc:
        raise LocalStateError(
            f"cannot write the settings file {p.config_file}: {exc.strerror or exc}",
            hint="make that folder writable (and free some space), or set AKOOL_HOME elsewhere",
            path=str(p.config_file),
        ) from None


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


def base_url_origin(flag: str | None, env: dict[str, str]) -> str:
    """Where resolve_base_url found the base URL, as a message names it."""
    if flag:
        return "--base-url"
    if env.get("AKOOL_BASE_URL", "").strip():
        return "AKOOL_BASE_URL"
    return "the profile's saved base-url"


def verified_base_url(p: Paths, profile: str = DEFAULT_PROFILE) -> str:
    """The base URL a profile's keyring credential was verified on (`akool login` records it):
    the only server that credential is sent to. A login of an older akool recorded none: its
    saved base URL (the one it logged in to) or AKOOL's documented host."""
    saved = read_settings(p).get(profile, {})
    url = saved.get(VERIFIED_KEY) or saved.get("base_url")
    if not url:
        return DEFAULT_BASE_URL
    return validate_base_url(url, origin=f"the verified base URL in {p.config_file}")


# The settings key of the base URL a login verified its key on (not a user setting: only
# `akool login` writes it).
VERIFIED_KEY = "verified_base_url"

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
    flag: str | None, env: dict[str, str], p: Paths, profile: str = DEFAULT_PROFILE
) -> tuple[str, str] | None:
    """--upload-to, then AKOOL_UPLOAD_TO, then the profile's saved upload-to: (value, origin)."""
    if flag is not None and flag.strip():
        return flag.strip(), "--upload-to"
    from_env = env.get("AKOOL_UPLOAD_TO", "").strip()
    if from_env:
        return from_env, "AKOOL_UPLOAD_TO"
    saved = read_settings(p).get(profile, {}).get(USER_SETTINGS["upload-to"][0])
    if saved:
        return saved, f"the saved upload-to of profile {profile!r}"
    return None

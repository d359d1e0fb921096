"""Where akool keeps its state (AKOOL_HOME or the platform's directories) and which base URL it uses.

The only module that imports platformdirs. Reading never creates directories; writing does.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from akool_cli.contract import DEFAULT_BASE_URL
from akool_cli.errors import UsageError

APP_NAME = "akool"
CONFIG_FILE = "config.json"
JOURNAL_FILE = "jobs.sqlite3"
DEFAULT_PROFILE = "default"


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


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str, *, origin: str = "--base-url") -> str:
    """A usable base URL without a trailing slash; plain http only to this machine."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"{origin} {url!r} is not an http(s) URL",
            hint=f"use the documented host, e.g. {origin} {DEFAULT_BASE_URL}",
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise UsageError(
            f"{origin} {url!r} uses plain http to a host that is not this machine; "
            "the API key would cross the network unencrypted",
            hint=f"use https (e.g. {DEFAULT_BASE_URL}), or http only for 127.0.0.1/localhost",
        )
    if parts.query or parts.fragment:
        raise UsageError(f"{origin} {url!r} must not have a query or fragment")
    return text.rstrip("/")


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
    p.config_dir.mkdir(parents=True, exist_ok=True)
    tmp = p.config_file.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"profiles": settings}, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, p.config_file)


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


# Settings users set with `akool config set NAME VALUE`: name → (key in config.json, meaning).
USER_SETTINGS: dict[str, tuple[str, str]] = {
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

"""Application config files read as bases beside Spring's and Laravel's: ASP.NET's
`appsettings.json` (`"Akool": {"BaseUrl": "https://openapi.akool.com/api/open/v3/"}` is what
`config["Akool:BaseUrl"]` gives), and a config read joined to a path in place
(`viper.GetString("akool.base_url") + "/content/video/lipsync"`, `env.getProperty("akool.url") +
"/x"`, `config["Akool:BaseUrl"] + "content/x"`), each path a site (`bases.named`, by line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Base, Bases, Site

# ASP.NET's settings files: appsettings.json and its environments' (appsettings.Development.json).
APPSETTINGS = rx.compile(r"^appsettings(?:\.[\w-]+)?\.json$", flags=0)
SETTINGS_CHARS = 200_000  # (a settings file larger than this is data, not an app's settings)

# A config read joined to a path literal in place: the read (see sites.CONFIG_READ: a config,
# settings, env or viper object's getter or index given a key), its closing brackets, `+` (`.`
# in PHP) and the path.
CONFIG_READ = (
    r"(?i:[\w.$>]*(?:config|settings|env|environment|viper|props|properties|cfg|conf)\w*)"
    r"\s*(?:\.\s*(?:get|getProperty|getString|getValue|GetValue|GetString|Get|value|required)"
    r"(?:<[^<>()]*>)?\s*\(|\[)\s*[\"'](?P<key>[\w.:\-]+)[\"']\s*[)\]]!?"
)
CONFIG_JOIN = rx.compile(CONFIG_READ + r"\s*(?:\+|\.(?=\s*[\"']))\s*[\"'`]" + sites.PATH_TEXT)
# The read interpolated first in a template the path follows: `${config.get("akool.baseUrl")}/x`.
CONFIG_TEMPLATE = rx.compile(r"\$\{\s*" + CONFIG_READ + r"\s*\}" + sites.PATH_TEXT)


def appsettings_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases an appsettings file sets, by its configuration key (`Akool:BaseUrl`, the
    sections joined by `:` as IConfiguration names them)."""
    if APPSETTINGS.match(PurePath(name).name) is None or "akool" not in text.lower():
        return {}
    return json_bases(name, text, ":")


def json_bases(name: str, text: str, joined: str) -> dict[str, Base]:
    """The AKOOL bases a JSON settings file sets, by the keys of their sections joined with
    `joined` (`:` for IConfiguration, `.` for node-config)."""
    if len(text) > SETTINGS_CHARS:
        return {}
    try:
        tree = json.loads(text)
    except ValueError:
        return {}
    found: dict[str, Base] = {}
    for key, value in _leaves(tree, ""):
        if "akool" not in value.lower():
            continue
        base = sites._literal_base(f'"{value}"', Bases())
        if base is not None and base.host is not None:
            line = _line_of(text, value)
            found[key.replace(":", joined)] = Base(
                base.host, base.prefix, name, line, slash=base.slash
            )
    return found


# Viper's default for a key (`viper.SetDefault("akool.base_url", "https://...")`, on a Viper
# instance too: `v.SetDefault(...)`): what `viper.GetString("akool.base_url")` gives when no
# config file or environment sets the key.
VIPER_DEFAULT = rx.compile(
    r"\.SetDefault\(\s*\"(?P<key>[\w.:\-]+)\"\s*,\s*(?P<value>\"[^\"\n]*\"|`[^`\n]*`)\s*\)"
)


def _viper_defaults(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a Go file gives viper's keys as defaults, by key (see VIPER_DEFAULT)."""
    if "SetDefault(" not in text:
        return {}
    found: dict[str, Base] = {}
    for m in VIPER_DEFAULT.finditer(text):
        base = sites._literal_base('"' + m["value"][1:-1] + '"', Bases())
        if base is not None and base.host is not None:
            line = text.count("\n", 0, m.start())
            found[m["key"]] = Base(base.host, base.prefix, name, line, slash=base.slash)
    return found


def _leaves(tree: Any, prefix: str) -> Iterator[tuple[str, str]]:
    """(key, value) for each string of a JSON settings tree, the keys of its sections joined."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _leaves(v, f"{prefix}:{k}" if prefix else str(k))
    elif isinstance(tree, str) and prefix:
        yield prefix, tree


def _line_of(text: str, value: str) -> int:
    at = text.find(json.dumps(value)[1:-1])
    return text.count("\n", 0, at) if at >= 0 else 0


def config_join_sites(text: str, lines: list[str], bases: Bases) -> None:
    """The paths a file joins in place to a config read of a key a config file of the folder
    sets to an AKOOL base (see CONFIG_JOIN), as sites (`bases.named`)."""
    for key, base in _viper_defaults("", text).items():  # (the file's own viper defaults)
        bases.imported.setdefault("${" + key + "}", base)
    keys = [k[2:-1] for k in bases.imported if k.startswith("${")]
    if not keys or not any(k in text for k in keys):
        return  # (no config file of the folder sets a base this file names: most files)
    for site in _joins(lines, bases):
        bases.named.setdefault(site.line, []).append(site)


def _joins(lines: list[str], bases: Bases) -> Iterator[Site]:
    for i, line in enumerate(lines):
        if len(line) > 2000 or ('"' not in line and "'" not in line):
            continue
        templated = CONFIG_TEMPLATE.finditer(line) if "${" in line else ()
        for m in (*CONFIG_JOIN.finditer(line), *templated):
            base = bases.imported.get("${" + m.group("key") + "}")
            if base is not None:
                yield from sites._joined_to(i, line, m.start("path"), m.group("path"), base)

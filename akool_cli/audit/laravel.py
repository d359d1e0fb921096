"""Laravel's config files as bases: `config/services.php`'s `'akool' => ['base' => env('AKOOL_BASE',
'https://openapi.akool.com/api/open/v3')]` is the base `config('services.akool.base')` reads, in a
join (`config('services.akool.base') . '/content/x'`) or given to the HTTP client
(`Http::baseUrl(config('services.akool.base'))->get('/content/x')`, or `->baseUrl(...)` later
in the chain)."""

from __future__ import annotations

from collections.abc import Iterator

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Base, Bases, Site

CONFIG_FILE = rx.compile(r"(?:^|/)config/(?P<stem>[\w-]+)\.php$")
# A config array's entry: `'key' => [` opens a nested array, `'key' => value` is a leaf; `],` closes.
ENTRY = rx.compile(r"^\s*[\"'](?P<k>[\w.-]+)[\"']\s*=>\s*(?P<v>.*?),?\s*$")
ARRAY_END = rx.compile(r"^\s*[\])]\s*[,;]?\s*$")
# `config('key')` joined to a path, and Laravel's `Http::baseUrl(config('key'))`.
CONFIG_CALL = r"config\(\s*[\"'](?P<key>[\w.-]+)[\"']\s*\)"
CONFIG_JOIN = rx.compile(CONFIG_CALL + r"\s*\.\s*[\"'](?P<path>/?[A-Za-z_][^\s\"'?#]*)[\"']")
# (first in the chain, `Http::baseUrl(...)`, or after other settings, `Http::withHeaders([...])
# ->baseUrl(...)`: the order Laravel's docs write)
CLIENT_BASE = rx.compile(r"(?:::|->)baseUrl\(\s*" + CONFIG_CALL + r"\s*\)")
VERB_PATH = rx.compile(
    r"->(?:get|post|put|patch|delete)\(\s*[\"'](?P<path>/?[A-Za-z_][^\s\"'?#]*)[\"']"
)
CHAIN_LINES = 6  # (how far a client's chain runs past its baseUrl)


def config_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a Laravel config file sets, by its dotted key (`services.akool.base`)."""
    file = CONFIG_FILE.search(name.replace("\\", "/"))
    if file is None or "akool" not in text.lower():
        return {}
    found: dict[str, Base] = {}
    keys: list[str] = []
    for i, line in enumerate(text.splitlines()):
        m = ENTRY.match(line)
        if m is not None and m.group("v").startswith(("[", "array(")):
            if not m.group("v").rstrip(",").endswith(("]", ")")):
                keys.append(m.group("k"))
            continue
        if m is None:
            if ARRAY_END.match(line) and keys:
                keys.pop()
            continue
        base = sites._literal_base(m.group("v"), Bases()) if "akool" in line.lower() else None
        if base is not None and base.host is not None:
            key = ".".join([file.group("stem"), *keys, m.group("k")])
            found[key] = Base(base.host, base.prefix, name, i, slash=base.slash)
    return found


def config_sites(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The paths a PHP file joins to a base its Laravel config sets, as sites (`bases.named`)."""
    if not name.endswith(".php") or "config(" not in text:
        return
    for site in _sites(lines, bases):
        bases.named.setdefault(site.line, []).append(site)


def _sites(lines: list[str], bases: Bases) -> Iterator[Site]:
    for i, line in enumerate(lines):
        if "config(" not in line:
            continue
        for m in CONFIG_JOIN.finditer(line):
            base = bases.imported.get("${" + m.group("key") + "}")
            if base is not None:
                yield from sites._joined_to(i, line, m.start("path"), m.group("path"), base)
        for m in CLIENT_BASE.finditer(line):
            base = bases.imported.get("${" + m.group("key") + "}")
            if base is not None:
                yield from _chain_paths(lines, i, m.end(), base)


def _chain_paths(lines: list[str], i: int, start: int, base: Base) -> Iterator[Site]:
    """The verbs' paths of the client chain that starts on line i (up to the statement's `;`)."""
    for k in range(i, min(len(lines), i + CHAIN_LINES)):
        line = lines[k]
        for m in VERB_PATH.finditer(line, start if k == i else 0):
            yield from sites._joined_to(k, line, m.start("path"), m.group("path"), base)
        if ";" in line[start if k == i else 0 :]:
            return

"""Plain PHP's config files that `return [...]` an array holding an AKOOL base (`return
['akool_base' => 'https://openapi.akool.com/api/open/v3'];`, CodeIgniter's and Slim's settings
files too), and the name another file of the folder binds to what one gives (`$cfg = require
__DIR__ . '/cfg.php';`): that name holds the base, as the array written in place would
(`$cfg['akool_base'] . '/content/x'`)."""

from __future__ import annotations

import re

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Base, Bases

# The file's array given back at its top level: `return [` or `return array(` opening a line.
RETURNED_ARRAY = rx.compile(r"^\s*return\s*(?:\[|array\s*\()", re.MULTILINE)
# An AKOOL URL written as a string of it (a value, or an env() read's default).
AKOOL_URL = rx.compile(r"[\"'](https?://[\w.-]*akool\.com[^\"'\s]*)[\"']")
# `$cfg = require __DIR__ . '/cfg.php';`, `require_once`, `include`, `(require 'config.php')`.
REQUIRED = rx.compile(
    r"^\s*\$(?P<name>[A-Za-z_]\w*)\s*=\s*\(?\s*(?:require|include)(?:_once)?\b[^;\"']{0,60}"
    r"[\"'](?:[^\"';]*/)?(?P<file>[\w.-]+\.php)[\"']"
)


def key(file: str) -> str:
    """The folder's key for the base the file of that name gives back (the name itself: a
    file that does not write it is given no such base; see scan.Folder.configured_in)."""
    return "${" + file + "}"


def returned_values(name: str, text: str) -> dict[str, Base]:
    """The base a PHP config file's returned array holds (one AKOOL base, however many
    entries), by key(file name), for the folder's bases."""
    if not name.endswith(".php") or RETURNED_ARRAY.search(text) is None:
        return {}
    found: dict[tuple[str | None, str], Base] = {}
    for m in AKOOL_URL.finditer(text):
        line = text.count("\n", 0, m.start())
        base = sites._literal_base(f'"{m.group(1)}"', Bases())
        if base is not None and base.host is not None:
            found.setdefault((base.host, base.prefix), Base(base.host, base.prefix, name, line))
    if len(found) != 1:
        return {}  # (none, or bases of several hosts/versions: which one a read takes is not seen)
    file = name.replace("\\", "/").rsplit("/", 1)[-1]
    return {key(file)[2:-1]: next(iter(found.values()))}


def required_bases(lines: list[str], bases: Bases) -> None:
    """The names a PHP file binds to a config file's returned array that holds a base."""
    if not bases.imported:
        return
    for line in lines:
        if "require" not in line and "include" not in line:
            continue
        m = REQUIRED.match(line)
        base = bases.imported.get(key(m.group("file"))) if m is not None else None
        if m is not None and base is not None:
            bases.names.setdefault(m.group("name"), base)

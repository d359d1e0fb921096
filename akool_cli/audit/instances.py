"""Objects of a client class that a file of the folder makes at its top level and exports
(`export const akool = new AkoolClient()`, `module.exports = new AkoolClient()`, Python's `akool =
AkoolClient()` in a module): another file that imports the object calls the class's methods on
it, so `akool.post("/x", body)` there is a call of the path the method joins."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# A top-level name bound to a new object of a class (`{cls}` is filled in): JavaScript's and
# TypeScript's `export const x = new C(`, `const x = new C(` (exported by a later line), Python's
# `x = C(`; and a module's default, `module.exports = new C(`, `export default new C(`.
NAMED = r"^(?:export\s+)?(?:(?:const|let|var)\s+)?(?P<n>[A-Za-z_$][\w$]*)\s*(?::\s*{cls}\s*)?=\s*(?:new\s+)?{cls}\s*\("
DEFAULT = r"^(?:module\.exports\s*=|export\s+default)\s*new\s+{cls}\s*\("

# The name a file binds a module's default to: `const akool = require("./client")`, `import akool
# from "./client"`; the caller resolves the import line's module.
DEFAULT_IMPORT = rx.compile(
    r"^\s*(?:(?:const|let|var)\s+(?P<a>[A-Za-z_$][\w$]*)\s*=\s*require\(\s*['\"](?P<m>[^'\"]+)['\"]"
    r"|import\s+(?P<b>[A-Za-z_$][\w$]*)\s+from\s+['\"](?P<n>[^'\"]+)['\"])",
    re.M,
)


def exported(text: str, cls: str) -> tuple[list[str], bool]:
    """The names this file binds at its top level to an object of `cls`, and whether its module's
    default is one."""
    if cls not in text:
        return [], False
    name = re.escape(cls)
    named = [m.group("n") for m in re.finditer(NAMED.format(cls=name), text, re.M)]
    return named, re.search(DEFAULT.format(cls=name), text, re.M) is not None


def default_names(text: str) -> list[tuple[str, str]]:
    """(name, import line) for each module default this file binds to a name."""
    return [(m.group("a") or m.group("b"), m.group(0)) for m in DEFAULT_IMPORT.finditer(text)]

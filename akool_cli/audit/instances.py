"""Objects of a client class that a file of the folder makes at its top level and exports
(`export const akool = new AkoolClient()`, `module.exports = new AkoolClient()`, Python's `akool =
AkoolClient()` in a module): another file that imports the object calls the class's methods on
it, so `akool.post("/x", body)` there is a call of the path the method joins."""

from __future__ import annotations

import re

from akool_cli.audit import brackets, rx

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
    named = [
        m.group("n")
        for m in re.finditer(NAMED.format(cls=name), text, re.M)
        if not given_another_base(text, m.end())  # (`heygen = ApiClient(base=HEYGEN_BASE)`)
    ]
    return named, re.search(DEFAULT.format(cls=name), text, re.M) is not None


def default_names(text: str) -> list[tuple[str, str]]:
    """(name, import line) for each module default this file binds to a name."""
    return [(m.group("a") or m.group("b"), m.group(0)) for m in DEFAULT_IMPORT.finditer(text)]


# A constructor's argument that gives the object its base: `base=`, `base_url=`, `baseURL:`,
# `url=`, `host=` (the class's default base is then not the object's).
BASE_ARGUMENT = rx.compile(
    r"(?i)(?:^|[(,{\s])(?:base\w*|\w*_?url|host|endpoint)\s*[:=](?!=)\s*(?P<v>[^,)}]+)"
)


def given_another_base(text: str, opened: int) -> bool:
    """Whether the constructor call whose arguments open at `opened` (just past its bracket)
    gives the object a base named or written for another service (no `akool` in it)."""
    close = brackets.matching(text, opened - 1, 1, min(len(text), opened + 400))
    args = text[opened : close if close > 0 else min(len(text), opened + 200)]
    return any("akool" not in m["v"].lower() for m in BASE_ARGUMENT.finditer(args))

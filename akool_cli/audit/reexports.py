"""The scanned files that re-export what other scanned files define (a Python package's
`__init__.py` with `from .client import AkoolClient`, a JavaScript barrel with `export { V3 } from
"./config"`, `export * from "./config"`, or `import { V3 } from "./config"; export { V3 };`), so a
file importing a name from the barrel takes it from the file that defines it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from akool_cli.audit import modules, rx

# `export { a, b as c } from "./x"`, `export * from "./x"`, `export * as ns from "./x"`.
JS_REEXPORT = rx.compile(
    r"^\s*export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{(?P<names>[^{}]*)\})\s*from\s*"
    r"[\"'](?P<m>[^\"'\n]+)[\"']",
    re.M,
)
# `export { a, b };` with no module: names the file imported (or defined) itself.
JS_EXPORT_LIST = rx.compile(r"^\s*export\s*\{(?P<names>[^{}]*)\}\s*;?\s*$", re.M)
PY_FROM = rx.compile(r"^\s*from\s+(?P<m>\.*[\w.]*)\s+import\b", re.M)
MOST_FILES = 2000  # (a folder of more files than this is not searched for barrels)
HOPS = 3  # barrels of barrels followed at most this deep


def barrels(texts: Iterable[tuple[Path, str]]) -> dict[Path, set[Path]]:
    """For each scanned file that others re-export, the barrels that do (those re-exporting a
    barrel's names included, HOPS deep)."""
    given = list(texts)
    if len(given) > MOST_FILES:
        return {}
    by_stem: dict[str, list[Path]] = {}  # (a specifier's last segment picks its candidates)
    for p, _ in given:
        by_stem.setdefault(p.parent.name if p.stem in modules.INDEX_STEMS else p.stem, []).append(p)
    direct: dict[Path, set[Path]] = {}
    for path, text in given:
        for owner in _sources(path, text, by_stem):
            if owner != path:
                direct.setdefault(owner, set()).add(path)
    found = {owner: set(via) for owner, via in direct.items()}
    for _ in range(HOPS - 1):
        for owner, via in found.items():
            via.update(b for v in list(via) for b in direct.get(v, ()) if b != owner)
    return found


def _sources(path: Path, text: str, by_stem: dict[str, list[Path]]) -> Iterator[Path]:
    """The scanned files whose names a file re-exports (`by_stem`: the files by module stem)."""
    family = modules.family(path)
    if family == "py" and path.name == "__init__.py":
        specs = [("py", m.group("m")) for m in PY_FROM.finditer(text)]
    elif family == "js" and "export" in text:
        specs = [_kind(m.group("m")) for m in JS_REEXPORT.finditer(text)]
        specs += _exported_imports(text)
    else:
        return
    for kind, spec in specs:
        last = spec.rsplit(".", 1)[-1] if kind == "py" else _stem(spec)
        for owner in by_stem.get(last, ()):
            if modules.family(owner) == family and modules.resolves(kind, spec, path, owner):
                yield owner


def _stem(spec: str) -> str:
    """The module stem a JavaScript specifier names (`../lib/config.js`: config; `../lib`: lib)."""
    last = spec.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\.(?:[cm]?[jt]sx?|vue|svelte)$", "", last)


def _kind(spec: str) -> tuple[str, str]:
    return ("rel" if spec.startswith(("./", "../")) else "path"), spec


def _exported_imports(text: str) -> list[tuple[str, str]]:
    """The modules of the imports whose names an `export { ... };` list gives on."""
    exported = {
        n.strip().split(" as ")[0].strip()
        for m in JS_EXPORT_LIST.finditer(text)
        for n in m.group("names").split(",")
    }
    exported.discard("")
    if not exported:
        return []
    found = []
    for m in modules.JS_IMPORT.finditer(text):
        names = set(re.findall(r"[\w$]+", m.group("names") or m.group("req") or ""))
        spec = m.group("m") or m.group("rm")
        if spec and names & exported:
            found.append(_kind(spec))
    return found

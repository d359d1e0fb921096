"""Which file of a scanned folder an import line names: `from .akool_api import list_voices`,
`from app.services.akool import akool_get`, `import { getAvatars } from './akool'`, `'@/lib/akool'`,
`require_once __DIR__ . '/akool.php'`, resolved against the importing file's folder (relative
specifiers) or matched by their trailing segments (package paths and aliases), in the same
family of languages: a TypeScript file imports no PHP file of the same stem."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath

from akool_cli.audit import rx

# The module an import line names, in the languages whose imports name files.
SPECIFIERS = rx.compile(
    r"^\s*from\s+(?P<py>\.*[A-Za-z_][\w.]*|\.+)\s+import\b"
    r"|^\s*import\s+(?P<pyi>[A-Za-z_][\w.]*)(?:\s+as\s+\w+)?\s*$"
    r"|\bfrom\s+[\"'](?P<js>[^\"'\n]+)[\"']"
    r"|^\s*import\s+[\"'](?P<jsi>[^\"'\n]+)[\"']"
    r"|\b(?:require|import)\(\s*[\"'](?P<req>[^\"'\n]+)[\"']\s*\)"
    r"|\b(?:require|include)(?:_once)?\s*\(?\s*(?P<dir>__DIR__\s*\.\s*|dirname\(__FILE__\)\s*\.\s*)?"
    r"[\"'](?P<php>[^\"'\n]+)[\"']"
    r"|\brequire_relative\s*\(?\s*[\"'](?P<rb>[^\"'\n]+)[\"']",
    re.M,
)
FAMILIES = {
    **dict.fromkeys((".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"), "js"),
    **dict.fromkeys((".vue", ".svelte", ".astro"), "js"),
    ".py": "py",
    ".php": "php",
    ".rb": "rb",
    **dict.fromkeys((".sh", ".bash", ".zsh"), "sh"),
}
INDEX_STEMS = ("__init__", "index", "mod")


def family(path: PurePath) -> str:
    """The family of languages whose files may import each other ("" when not known: data
    files, a script without a suffix)."""
    return FAMILIES.get(path.suffix.lower(), "")


# Compiled languages whose files share names only among their own (a package, an assembly, a
# module): not families whose imports name files (FAMILIES), but no family's names are theirs.
SHARED_WITHIN = {
    **dict.fromkeys((".java", ".kt", ".kts", ".groovy", ".scala"), "jvm"),
    **dict.fromkeys((".cs", ".vb", ".fs"), "dotnet"),
    ".go": "go",
    ".rs": "rs",
    ".dart": "dart",
    ".swift": "swift",
}


def may_import(importer: PurePath, owner: PurePath) -> bool:
    """Whether a file may take a name from another: not from a file of another family of
    languages (a Python script's `os.environ["AKOOL_HOST"]` is no TypeScript constant), while a
    shell script, a data file or a file of a language not listed may give any its names; a file
    of a language not listed takes any, but a compiled language's (SHARED_WITHIN) only its own
    and those (a PHP method `create` is not Java's `URI.create`, nor a C# constant a Go struct's
    member)."""
    theirs, mine = family(owner), family(importer)
    shared = SHARED_WITHIN.get(importer.suffix.lower())
    if shared is not None:
        return theirs == "sh" or (
            theirs == "" and SHARED_WITHIN.get(owner.suffix.lower()) in (None, shared)
        )
    return theirs in ("", "sh") or theirs == mine or mine == ""


def imports_of(text: str, stem: str) -> tuple[tuple[str, str], ...]:
    """(kind, specifier) of each import line of a file whose module's last segment is `stem`:
    kind "py" (dotted), "rel" (a path from the importing file's folder) or "path" (a package
    path or an alias: `@/lib/akool`). The file's import lines are read once (see _specifiers):
    a folder of N files asks this for N owners each (break21e #24: quadratic re-reading)."""
    by_stem, dots = _specifiers(text)
    found = by_stem.get(stem, ())
    return found + dots if dots and stem in text else found


Specifiers = tuple[dict[str, tuple[tuple[str, str], ...]], tuple[tuple[str, str], ...]]


@lru_cache(maxsize=4096)
def _specifiers(text: str) -> Specifiers:
    """The file's import specifiers by their module's last segment, and Python's `from .
    import x` lines (which may name any module of the package)."""
    by_stem: dict[str, list[tuple[str, str]]] = {}
    dots: list[tuple[str, str]] = []
    for m in SPECIFIERS.finditer(text):
        kind, spec = next((k, v) for k, v in m.groupdict().items() if v and k != "dir")
        if kind in ("py", "pyi"):
            if spec.strip(".") == "":
                dots.append(("py", spec))
            else:
                by_stem.setdefault(_last(spec.replace(".", "/")), []).append(("py", spec))
            continue
        if kind == "php" and m.group("dir"):
            spec = "./" + spec.lstrip("/")
        kind = "rel" if spec.startswith(("./", "../")) else "path"
        by_stem.setdefault(_last(spec), []).append((kind, spec))
    return {k: tuple(v) for k, v in by_stem.items()}, tuple(dots)


# The looser reading of a file's imports (see mentions_module): a line that opens with an import
# keyword, and the quoted module of a require/import/include call; the words of each, read once.
IMPORT_LINE = rx.compile(
    r"^[^\S\n]*(?:from|import|export|use|using|include|require|source|\.)\s(?P<rest>[^\n]*)",
    re.M,
)
QUOTED_MODULE = rx.compile(
    r"(?=(?:require_once|include_once|require|import|include)\s*(?:\(\s*)?[\"'](?P<m>[^\"'\n]*))"
)
WORD = rx.compile(r"[\w]+")


@dataclass(frozen=True)
class _Mentions:
    lines: str  # the import lines' text after their keyword, one per line
    quoted: str  # the quoted modules, one per line
    line_words: frozenset[str]  # their words, as `(?<![\w-])stem(?![\w-])` reads them
    quoted_words: frozenset[str]  # as `\bstem\b` reads them


@lru_cache(maxsize=4096)
def _mentions(text: str) -> _Mentions:
    lines = "\n".join(m.group("rest") for m in IMPORT_LINE.finditer(text))
    quoted = "\n".join(m.group("m") for m in QUOTED_MODULE.finditer(text))
    return _Mentions(
        lines,
        quoted,
        frozenset(re.findall(r"[\w-]+", lines)),
        frozenset(WORD.findall(quoted)),
    )


def mentions_module(text: str, stem: str) -> bool:
    """Whether an import, require, include or source line names a module `stem` as a word
    (`from app.config import X`, `require_once 'lib/akool.php'`), whatever folder it is in."""
    seen = _mentions(text)
    if WORD.fullmatch(stem):
        return stem in seen.line_words or stem in seen.quoted_words
    return bool(
        named(r"(?<![\w-]){word}(?![\w-])", stem).search(seen.lines)
        or named(r"\b{word}\b", stem).search(seen.quoted)
    )


def _last(spec: str) -> str:
    last = spec.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\.(?:[cm]?[jt]sx?|py|php|rb|sh|vue|svelte)$", "", last)


def resolves(kind: str, spec: str, importer: PurePath, owner: PurePath) -> bool:
    """Whether an import's specifier (see imports_of) names the owner's file, imported from
    `importer`."""
    target = owner.parent if owner.stem in INDEX_STEMS else owner.with_suffix("")
    if kind == "py":
        dots = len(spec) - len(spec.lstrip("."))
        parts = [p for p in spec.lstrip(".").split(".") if p]
        if dots:
            base = importer.parent
            for _ in range(dots - 1):
                base = base.parent
            if not parts:  # `from . import BASE_URL`: the package's own __init__.py
                return owner.stem == "__init__" and _same(base, target)
            return _same(base.joinpath(*parts), target)
        return _ends_with(target, parts)
    if kind == "rel":
        resolved = PurePath(os.path.normpath(importer.parent / spec))
        return _same(resolved.with_suffix("") if _has_code_suffix(resolved) else resolved, target)
    if kind == "path" and spec == workspace_package(owner):
        return True  # (`from "@acme/akool-client"`: the package whose entry file the owner is)
    parts = [p for p in spec.split("/") if p]
    while parts and (parts[0] in ("@", "~", "#") or parts[0].startswith(("$", "@", "~", "#"))):
        parts = parts[1:]  # an alias or a scope (`@/lib/akool`, `$lib/akool`, `~/lib/akool`)
    if parts and _has_code_suffix(PurePath(parts[-1])):
        parts[-1] = PurePath(parts[-1]).stem
    return bool(parts) and _ends_with(target, parts)


def _has_code_suffix(path: PurePath) -> bool:
    return path.suffix.lower() in FAMILIES


@lru_cache(maxsize=4096)
def _norm(path: PurePath) -> PurePath:
    return PurePath(os.path.normpath(path))


def _same(a: PurePath, b: PurePath) -> bool:
    return _norm(a) == _norm(b)


def _ends_with(target: PurePath, parts: list[str]) -> bool:
    have = _norm(target).parts
    return len(have) >= len(parts) and list(have[len(have) - len(parts) :]) == parts


def names_file(text: str, importer: Path, owner: Path) -> bool | None:
    """Whether the file's import lines name the owner's module: True or False when an import
    line names a module of the owner's stem (resolved as above), None when none does (the
    caller's looser reading decides). A file of another family of languages is never named."""
    mine, theirs = family(importer), family(owner)
    if mine and theirs and mine != theirs:
        return False
    stem = owner.stem if owner.stem not in INDEX_STEMS else owner.parent.name
    found = imports_of(text, stem)
    package = workspace_package(owner) if theirs == "js" else ""
    if package and package != stem:  # (imported by its package's name: `@acme/akool-client`)
        found += imports_of(text, _last(package))
    if not found:
        return None
    return any(resolves(kind, spec, importer, owner) for kind, spec in found)


PACKAGE_LEVELS = 4  # how far above a file its package's package.json is looked for
ENTRY_FIELDS = ("main", "module", "types", "source", "browser")


@lru_cache(maxsize=8192)
def workspace_package(owner: PurePath) -> str:
    """The name of the JavaScript package (a monorepo's workspace package) whose entry file the
    owner is: the nearest package.json above it names it (`"name": "@acme/akool-client"`) and
    gives it as its `main` (or `module`, `types`, `source`), or it is the package's `index` or
    `src/index`; "" for any other file."""
    folder = owner.parent
    for _ in range(PACKAGE_LEVELS):
        found = _package_json(str(folder))
        if found is not None:
            name, entries = found
            within = _norm(owner.with_suffix("")).relative_to(_norm(folder)) if name else None
            return name if within is not None and within.as_posix() in entries else ""
        if folder.parent == folder:
            break
        folder = folder.parent
    return ""


@lru_cache(maxsize=1024)
def _package_json(folder: str) -> tuple[str, frozenset[str]] | None:
    """(the package's name, its entry files without their suffixes) of a folder's package.json;
    None when the folder has none."""
    path = Path(folder) / "package.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, ValueError):
        return ("", frozenset())
    if not isinstance(data, dict):
        return None if data is None else ("", frozenset())
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    entries = {"index", "src/index"}
    for key in ENTRY_FIELDS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            entries.add(PurePath(os.path.normpath(value)).with_suffix("").as_posix())
    return str(name), frozenset(entries)


# A line naming a name, or an `import { ... }` over several lines naming it (see named).
IMPORT_LINE_OF = (
    r"^[^\n]*(?<![\w$]){word}(?![\w$])[^\n]*$"
    r"|^\s*import\s*\{[^}]*(?<![\w$]){word}(?![\w$])[^}]*\}[^\n]*$"
)


@lru_cache(maxsize=4096)
def named(template: str, name: str, flags: int = 0) -> re.Pattern[str]:
    """The template's pattern with `{word}` standing for the name (escaped), compiled once a
    run for each name: re's own cache holds 512 patterns, and a folder of 300 names shared by
    300 files asked it for thousands (11,160 compiles, each file and name again)."""
    return re.compile(template.replace("{word}", re.escape(name)), flags)


@lru_cache(maxsize=8192)
def import_line_module(text: str, name: str) -> list[tuple[str, str]]:
    """(kind, specifier) of the import lines that import a name (`from X import a, name`,
    `import { name } from "X"`, `const { name } = require("X")`); empty when none says."""
    if name not in text:
        return []
    found = []
    for m in named(IMPORT_LINE_OF, name, re.M).finditer(text):
        line = m.group(0)
        if not re.match(r"\s*(?:from|import|const|let|var|export)\b", line):
            continue
        for s in SPECIFIERS.finditer(line):
            kind, spec = next((k, v) for k, v in s.groupdict().items() if v and k != "dir")
            if kind in ("py", "pyi"):
                found.append(("py", spec))
            elif kind in ("js", "jsi", "req"):
                found.append(("rel" if spec.startswith(("./", "../")) else "path", spec))
    return found


# An import statement with the names it binds: Python's `from X import a, b as c` and `from .
# import akool`, `import X as Y`; JavaScript's `import d, { a, b as c } from "X"`, `import * as m
# from "X"`, `const { a } = require("X")`, `const m = require("X")`.
PY_FROM = rx.compile(
    r"^\s*from\s+(?P<m>\.*[\w.]*)\s+import\s+\(?(?P<names>[^)\n]*(?:\n[^)\n]*)*?)\)?\s*$", re.M
)
PY_IMPORT = rx.compile(r"^\s*import\s+(?P<m>[\w.]+)(?:\s+as\s+(?P<a>\w+))?\s*$", re.M)
JS_IMPORT = rx.compile(  # (`names` opens and ends on no blank: see unseen.JS_IMPORT)
    r"\bimport\s+(?:type\s+)?(?P<names>(?=[\w$*{},])(?:(?!(?<![\w$])import\b)[\w$*{}\s,])*?)"
    r"(?<!\s)\s+from\s+"
    r"[\"'](?P<m>[^\"'\n]+)[\"']"
    r"|\b(?:const|let|var)\s+(?P<req>\{[^}]*\}|[\w$]+)\s*=\s*require\(\s*[\"'](?P<rm>[^\"'\n]+)[\"']"
)


def imported_names(text: str, importer: PurePath, owner: PurePath) -> frozenset[str]:
    """The local names a file binds by importing from the owner's module (a function, an
    object, a module: `from .akool import akool_client`, `from . import akool`, `import {
    akool } from "./akool"`, `import * as akool from "./akool"`, `const akool =
    require("./akool")`)."""
    stem = owner.stem if owner.stem not in INDEX_STEMS else owner.parent.name
    if stem not in text:
        return frozenset()
    return _imported_names(text, str(importer), str(owner), stem)


@lru_cache(maxsize=8192)
def _imported_names(text: str, importer: str, owner: str, stem: str) -> frozenset[str]:
    found: set[str] = set()
    mine, theirs = PurePath(importer), PurePath(owner)
    for m in PY_FROM.finditer(text):
        names = [_bound_name(n) for n in m.group("names").split(",")]
        if stem in m.group("m") and resolves("py", m.group("m"), mine, theirs):
            found.update(n for n in names if n and n != "*")
        elif m.group("m").strip(".") == "" or resolves(
            "py", m.group("m") + "." + stem, mine, theirs
        ):
            # from . import akool, from app import akool: the module itself
            for raw in m.group("names").split(","):
                if raw.split(" as ")[0].strip() == stem:
                    found.add(_bound_name(raw))
    for m in PY_IMPORT.finditer(text):
        if resolves("py", m.group("m"), mine, theirs):
            found.add(m.group("a") or m.group("m").split(".")[0])
    for m in JS_IMPORT.finditer(text):
        spec = m.group("m") or m.group("rm")
        kind = "rel" if spec.startswith(("./", "../")) else "path"
        if _last(spec) != stem or not resolves(kind, spec, mine, theirs):
            continue
        listed = str(m.group("names") or m.group("req")).replace("{", ",").replace("}", ",")
        found.update(_bound_name(n.replace("* as", "")) for n in listed.split(","))
    found.discard("")
    return frozenset(found)


def _bound_name(raw: str) -> str:
    """The local name an import binds: `b as c` (Python, JavaScript) or `b: c` binds c."""
    part = re.split(r"\s+as\s+|:", raw.strip())[-1].strip()
    return part if re.fullmatch(r"[A-Za-z_$][\w$]*", part) else ""

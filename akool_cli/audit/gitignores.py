"""What git ignores, read by the audit itself when git cannot be asked: a work tree git refuses
("detected dubious ownership": another uid owns it, as in a CI container or a bind mount), or one
where a file git reads its ignore rules from is no regular file (a FIFO would block git forever).
The .gitignore files, .git/info/exclude and the repository's core.excludesFile are read as git
reads them (regular files only); what is said about it is kept for the run's report."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from akool_cli.audit import rx, treewalk

SKIPPED = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})
# What a run said about reading the ignore rules itself (one line each; the scan takes them).
NOTES: list[str] = []
REFUSED = (
    "git refuses the work tree {top} (detected dubious ownership: another user owns it); the "
    "audit read its .gitignore files itself (a tracked file that they name is left out too); "
    "`git config --global --add safe.directory {top}` lets git answer"
)
SPECIAL = (
    "{name} is not a regular file (a FIFO or a device), so git was not asked what it ignores "
    "(it would wait on it forever); the audit read the ignore files itself, without that one"
)
SLOW = "git did not say what it ignores within {seconds} s; the audit read the ignore files itself"
MOST_BYTES = 1024 * 1024  # an ignore file longer than this is not read


@dataclass(frozen=True)
class Rule:
    """One line of an ignore file: a pattern, matched against paths from `base`."""

    base: str  # the folder of its file, from the top of the work tree ("" or "a/b/")
    pattern: re.Pattern[str]
    negated: bool
    folders_only: bool


def top_of(root: Path) -> Path | None:
    """The top of the git work tree that holds a folder (where `.git` is), found without git."""
    here = Path(os.path.abspath(root))
    for folder in (here, *here.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return None


def note(text: str) -> None:
    if text not in NOTES:
        NOTES.append(text)


def special_source(root: Path, top: Path) -> str | None:
    """A file git reads before it answers about `root` that is no regular file (a FIFO named
    .gitignore in root's folders or above it, in the repository's .git (its index, HEAD,
    info/exclude), a core.excludesFile or an include.path of the repository's config): its
    name."""
    for name in _git_files(top):
        with contextlib.suppress(OSError):  # (absent, a link loop: nothing git would wait on)
            if not stat.S_ISREG(mode := os.stat(name).st_mode) and not stat.S_ISDIR(mode):
                return str(name)
    names = [top / ".git" / "config", top / ".git" / "info" / "exclude", *_named_by_configs(top)]
    start = Path(os.path.abspath(root))
    names += [f / ".gitignore" for f in (start, *start.parents) if f.is_relative_to(top)]
    for folder, dirs, files in treewalk.walk(str(start)):
        dirs[:] = [d for d in dirs if d not in SKIPPED]
        if ".gitignore" in files or ".gitignore" in dirs:
            names.append(Path(folder) / ".gitignore")
    for name in names:
        try:
            mode = os.stat(name).st_mode
        except OSError:
            continue  # (absent: no rules)
        if not stat.S_ISREG(mode):
            return str(name)
    return None


# The folders of a repository's .git that git never opens a file of to list a work tree's files
# (objects: many files, read only for contents; lfs; the submodules' own repositories).
GIT_UNREAD = frozenset({"objects", "lfs", "modules"})


def _git_files(top: Path) -> list[Path]:
    """The files git may open in the repository of a work tree before it answers (its index, HEAD,
    commondir, config.worktree, refs, and those of the common folder a `gitdir:` or commondir
    names): every entry of them, so that one that is not a regular file is never handed to git
    (a FIFO at .git/index or .git/HEAD blocked git, and the audit, forever: break21h #7)."""
    git = top / ".git"
    folders = [git]
    pointed = _text(git)  # (a worktree's or submodule's .git file: `gitdir: PATH`)
    if pointed.startswith("gitdir:"):
        folders = [top / pointed[len("gitdir:") :].strip()]
    common = _text(folders[0] / "commondir").strip()
    folders += [folders[0] / common] if common else []
    found = [git, *folders]
    for folder in folders:
        for inside, dirs, files in treewalk.walk(str(folder)):
            dirs[:] = [d for d in dirs if inside != str(folder) or d not in GIT_UNREAD]
            found += [Path(inside) / name for name in (*files, *dirs)]
            if len(found) > 20_000:  # (a repository of that many refs: git is asked as usual)
                return found
    return found


CONFIG_PATH = rx.compile(r"^\s*(?:excludesfile|path)\s*=\s*(?P<v>.+?)\s*$", re.I | re.M)


def _config_paths(top: Path) -> list[str]:
    """The files the repository's config names for git to read (excludesFile, include.path)."""
    return _values(_text(top / ".git" / "config"))


INCLUDE_DEPTH = 10  # (git's own limit: a deeper chain, or a cycle, is an error to git)


def _named_by_configs(top: Path) -> list[Path]:
    """Every file the repository's config names, and those its included configs name in turn
    (an include's own `[include] path = fifo.cfg`, relative to the including file's folder, as
    git reads it; a cycle a -> b -> a taken once): a FIFO at any depth blocked git, and the
    audit, forever (fixD28 git-include-nested-fifo). Only regular files are read for more."""
    found: list[Path] = []
    seen: set[str] = set()
    configs = [(top / ".git" / "config", _config_paths(top))]
    for _ in range(INCLUDE_DEPTH):
        deeper: list[tuple[Path, list[str]]] = []
        for config, values in configs:
            for value in values:
                named = Path(os.path.expanduser(value))
                own = [] if named.is_absolute() else [config.parent / named]
                for place in [*own, *_config_places(top, value)]:
                    found.append(place)
                    real = os.path.realpath(place)
                    text = "" if real in seen else _text(place)
                    seen.add(real)
                    deeper += [(place, _values(text))] if text else []
        configs = deeper
    return found


def _values(text: str) -> list[str]:
    return [m.group("v").strip('"') for m in CONFIG_PATH.finditer(text)]


def _config_places(top: Path, value: str) -> list[Path]:
    """Where git may read a file the config names: an include.path relative to the config's
    folder (.git: `../inc.cfg` is the work tree's, break21i), an excludesFile relative to where
    git runs (the work tree, or the audit's folder): each is looked at."""
    named = Path(os.path.expanduser(value))
    return [named] if named.is_absolute() else [top / ".git" / named, top / named, named]


def _text(path: Path) -> str:
    """A regular file's text ("" for anything else: absent, a FIFO, a folder, too long)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # (a folder: fdopen would refuse it)
        os.close(fd)
        return ""
    with os.fdopen(fd, "rb") as handle:
        return handle.read(MOST_BYTES).decode("utf-8", "replace")


def ignored(root: Path, top: Path) -> frozenset[str]:
    """What git would list as ignored under `root` (a folder of the work tree at `top`), as
    `git ls-files --others --ignored --exclude-standard --directory` lists it: paths from
    `root`, an ignored folder once, ending in `/`."""
    rules: list[Rule] = []
    for value in _config_paths(top)[:1]:
        rules += _rules(_text(Path(os.path.expanduser(value))), "")
    rules += _rules(_text(top / ".git" / "info" / "exclude"), "")
    start = Path(os.path.abspath(root))
    chain = [start, *start.parents]
    for folder in reversed(chain[: chain.index(top) + 1] if top in chain else [start]):
        if folder != start:
            rules += _rules(_text(folder / ".gitignore"), _from(top, folder))
    found: set[str] = set()
    _walk(start, top, rules, found)
    prefix = _from(top, start)
    return frozenset(name[len(prefix) :] for name in found)


def _from(top: Path, folder: Path) -> str:
    relative = os.path.relpath(folder, top).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


@dataclass
class _Folder:
    """A folder being walked: its path from the top (ending in `/`), the rules that hold in it,
    its entries not yet looked at, whether it holds any file and whether only ignored ones."""

    base: str
    rules: list[Rule]
    entries: Iterator[os.DirEntry[str]]
    held: bool = False
    only_ignored: bool = True


def _walk(start: Path, top: Path, rules: list[Rule], found: set[str]) -> None:
    """The ignored paths under a folder (from the top) into `found`, each folder's own
    .gitignore's rules added to its parents'; a folder that holds files, only ignored ones, is
    listed itself too (as git lists it). A stack of folders, not a call a level: a tree 1,000
    folders deep ended the run in a RecursionError (repro32b)."""
    first = _opened(start, top, rules)
    stack = [first] if first is not None else []
    while stack:
        here = stack[-1]
        entry = next(here.entries, None)
        if entry is None:  # (done: what it held counts for the folder it is in)
            stack.pop()
            if stack:  # (the folder walked itself is not listed)
                if here.held and here.only_ignored:
                    found.add(here.base)
                stack[-1].held = stack[-1].held or here.held
                stack[-1].only_ignored = stack[-1].only_ignored and here.only_ignored
            continue
        if entry.name == ".git":
            continue
        is_dir = entry.is_dir(follow_symlinks=False)
        path = here.base + entry.name
        if _ignores(here.rules, path, is_dir):
            found.add(path + "/" if is_dir else path)
            here.held = True
        elif is_dir and entry.name not in SKIPPED:
            inner = _opened(Path(entry.path), top, here.rules)
            if inner is not None:
                stack.append(inner)
            else:  # (a folder that cannot be listed holds nothing known, so not only ignored)
                here.only_ignored = False
        else:
            here.held, here.only_ignored = True, False


def _opened(folder: Path, top: Path, rules: list[Rule]) -> _Folder | None:
    base = _from(top, folder)
    rules = rules + _rules(_text(folder / ".gitignore"), base)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return None
    return _Folder(base, rules, iter(entries))


def _ignores(rules: list[Rule], path: str, is_dir: bool) -> bool:
    """Whether the last rule that matches the path ignores it (a later file's rule, or a later
    line's, outranks an earlier one; `!` takes a path back)."""
    for rule in reversed(rules):
        if rule.folders_only and not is_dir:
            continue
        if path.startswith(rule.base) and rule.pattern.fullmatch(path[len(rule.base) :]):
            return not rule.negated
    return False


def _rules(text: str, base: str) -> list[Rule]:
    """The rules of an ignore file's text, its paths from `base`."""
    rules = []
    for raw in text.splitlines():
        line = re.sub(r"(?<!\\)[ \t]+$", "", raw)
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        line = line[1:] if line.startswith(("\\#", "\\!")) else line
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _glob(line.lstrip("/"))
        pattern = body if anchored else f"(?:.*/)?{body}"
        rules.append(Rule(base, re.compile(pattern, re.S), negated, folders_only))
    return rules


GLOB = rx.compile(r"\*\*/|/\*\*$|\*\*|\*|\?|\[(?:\\.|[^\]\\])+\]|\\.|.", re.S)


def _glob(pattern: str) -> str:
    """A gitignore pattern as a regular expression of the whole path (from its base)."""
    out = []
    for m in GLOB.finditer(pattern):
        token = m.group()
        if token == "**/":
            out.append("(?:.*/)?")
        elif token == "/**":
            out.append("/.*")
        elif token == "**":
            out.append(".*")
        elif token == "*":
            out.append("[^/]*")
        elif token == "?":
            out.append("[^/]")
        elif token.startswith("[") and len(token) > 2:
            body = token[1:-1]
            negated = body.startswith(("!", "^"))
            body = body[1:] if negated else body
            out.append("[" + ("^/" if negated else "") + body.replace("\\", "\\\\") + "]")
        else:
            out.append(re.escape(token[-1]))
    return "".join(out)

"""Which files an audit reads: the walk over the folders named (links, special files, .git and
what git ignores left out), the --include/--exclude globs (matched in linear time), and each
file read as text, with what was not read and why (a gate must not pass over it)."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import subprocess
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from akool_cli.audit import gitignores, source, treewalk

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})
MIB = 1024 * 1024
MAX_FILE_BYTES = 5 * MIB  # 5 MiB, as the messages and docs say (not 5 MB)

Unread = list[tuple[str, str]]  # (name shown, why it was not read)
# `--output FILE` is written into `.FILE.akool-audit-XXXX.part` first: another audit of the same
# folder at that moment leaves such a half-written report out, as it is no script.
PART_MARK, PART_SUFFIX = ".akool-audit-", ".part"


def iter_files(
    paths: Iterable[Path], include: list[str], exclude: list[str], unread: Unread | None = None
) -> Iterator[tuple[Path, str]]:
    """(path, name to report) for every regular file under paths, .git and friends skipped;
    each file once, by its real path, under the name it is first given (`akool audit . a.py`
    reads a.py once: break-it D21 printed its findings twice and counted it twice). A folder
    that cannot be listed and a file that cannot be looked at go to `unread` with why (unless
    --exclude leaves them out): a gate must not pass over what it never saw."""
    seen: set[str] = set()
    problems: Unread = [] if unread is None else unread
    roots = list(paths)
    folders = [os.path.realpath(r) for r in roots if r.is_dir()]
    for root in roots:
        folder = root.is_dir()
        walked: Unread = []
        candidates: Iterable[Path] = _walk(root, git_ignored(root), walked) if folder else [root]
        real_root = os.path.realpath(root)
        for path in candidates:
            shown = str(path)
            relative = str(path.relative_to(root)) if folder else path.name
            if include and not any(_matches(relative, shown, g) for g in include):
                continue
            if any(_matches(relative, shown, g) for g in exclude):
                continue
            if folder and os.path.islink(path):
                outside = _outside(path, folders)
                if outside is None:
                    continue
                real = outside
            else:
                why = _not_regular(path)
                if why is not None:  # FIFOs, sockets and devices would block or never end
                    if why:
                        problems.append((shown, why))
                    continue
                # (a walk follows no link: a file under a folder is where the folder really is)
                real = os.path.join(real_root, relative) if folder else real_root
            if real not in seen:
                seen.add(real)
                yield path, shown
        for shown, why in walked:  # (a folder: excluded as its files would be)
            inside = os.path.relpath(shown, root) + "/"
            if not any(_matches(inside, shown, g) for g in exclude):
                problems.append((shown, why))


def _outside(link: Path, folders: list[str]) -> str | None:
    """The real path of the file a link in a folder stands for, when that file is outside every
    folder scanned (`common.py -> ../../lib/common.py`): read under the link's name, or no one
    would read it. None for a link into a folder scanned (the file is read where it lives, never
    twice), a broken link, a loop, or a link to anything but a file."""
    real = os.path.realpath(link)
    try:
        if not stat.S_ISREG(os.stat(real).st_mode):
            return None
    except OSError:
        return None
    inside = any(real == f or real.startswith(f.rstrip(os.sep) + os.sep) for f in folders)
    return None if inside else real


def _not_regular(path: Path) -> str | None:
    """None for a regular file; "" for one skipped on purpose (a FIFO, a socket, a device); why
    for one that could not be looked at (its folder can be listed but not entered, or it went
    away since the folder was listed)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _unreadable(exc)
    return None if stat.S_ISREG(mode) else ""


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "gone before it could be read"
    return f"unreadable ({exc.strerror or type(exc).__name__})"


def _walk(root: Path, ignored: frozenset[str], unread: Unread) -> Iterator[Path]:
    """The files under a folder, sorted; a folder that cannot be listed (or whose path is too
    long to open) is said in `unread` (break21d #2: `chmod 000 locked` passed a gate over
    locked/bad.py, never read; repro32b: a tree 1,000 deep ended the run, see treewalk)."""

    def failed(exc: OSError) -> None:
        name = str(Path(exc.filename if isinstance(exc.filename, str) else root))
        unread.append(
            (name.rstrip(os.sep) + os.sep, f"a folder that cannot be listed: {exc.strerror or exc}")
        )

    for directory, dirs, files in treewalk.walk(os.fspath(root), onerror=failed):
        here = os.path.relpath(directory, root)
        inner = "" if here == "." else here.replace(os.sep, "/") + "/"
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and f"{inner}{d}/" not in ignored)
        for name in sorted(files):
            if f"{inner}{name}" in ignored or _a_part(name):
                continue
            # (a link too: iter_files reads a file it stands for outside the folders scanned)
            yield Path(directory) / name


def _a_part(name: str) -> bool:
    return name.startswith(".") and name.endswith(PART_SUFFIX) and PART_MARK in name


def _matches(relative: str, shown: str, glob: str) -> bool:
    """Whether an --include/--exclude GLOB takes a file. A glob without `/` is a name: the
    file's, or one of its folders' (`--exclude tests`, `--exclude '*.min.js'`); one with `/` is
    a path under the scanned folder (or as shown), of the file or one of its folders (`--exclude
    src/`, `--exclude 'src/gen/*.py'`). `*` and `?` stay within a name, `**` crosses folders
    (`**/` may be none: `**/*.py` takes top.py), a trailing `/` means a folder, `./` is dropped
    (break21b L3: a folder excluded nothing and `*` crossed `/`)."""
    pattern = glob[2:] if glob.startswith("./") else glob
    folder = pattern.endswith("/") and pattern.strip("/") != ""
    pattern = pattern.rstrip("/") or pattern
    matcher = _glob(pattern)
    for path in (relative, shown) if "/" in pattern else (relative,):
        parts = path.replace(os.sep, "/").split("/")
        if "/" not in pattern:  # a name: of the file or of a folder on its way
            names = parts[:-1] if folder else parts
            if any(matcher.matches(name) for name in names):
                return True
            continue
        if matcher.matches_a_start("/".join(parts), whole=not folder):
            return True
    return False


@lru_cache(maxsize=256)
def _glob(pattern: str) -> Glob:
    return Glob(pattern)


LITERAL, ONE, CLASS, STAR, ANY, ENTRY = range(6)


class Glob:
    """A glob over `/`-separated paths, matched by running all its states at once over the
    text (a bit per state): time linear in the text for any number of `*` and `**` (as a
    regular expression, `**/d/**/d/**/d/**/*.zz` on a 200-deep path or 30 `*a` on a 200-letter
    name backtracked for minutes: break21d #20). `*` and `?` take no `/`, `**` takes anything,
    `**/` is nothing or anything that ends in `/`, `[...]` (`[!...]`: none of, nor `/`) one."""

    def __init__(self, glob: str) -> None:
        self.tokens: list[tuple[int, Any]] = _tokens(glob)
        self.skip1 = self.skip3 = 0  # the states a step of no letter leaves, by 1 and by 3
        for i, (kind, _) in enumerate(self.tokens):
            if kind in (STAR, ANY, ENTRY):
                self.skip1 |= 1 << i
            if kind == ENTRY:
                self.skip3 |= 1 << i
        self.accept = 1 << len(self.tokens)
        self.steps: dict[str, tuple[int, int]] = {}

    def matches(self, text: str) -> bool:
        """Whether the glob takes the whole text."""
        return self.matches_a_start(text, whole=True, folders=False)

    def matches_a_start(self, text: str, whole: bool = True, folders: bool = True) -> bool:
        """Whether the glob takes the text up to one of its `/` (`folders`) or the whole text."""
        states = self._closed(1)
        for c in text:
            if folders and c == "/" and states & self.accept:
                return True
            forward, stay = self.steps.get(c) or self._step(c)
            states = self._closed(((states & forward) << 1) | (states & stay))
            if not states:
                return False
        return whole and bool(states & self.accept)

    def _closed(self, states: int) -> int:
        while True:
            more = states | ((states & self.skip1) << 1) | ((states & self.skip3) << 3)
            if more == states:
                return states
            states = more

    def _step(self, c: str) -> tuple[int, int]:
        forward = stay = 0
        for i, (kind, value) in enumerate(self.tokens):
            bit = 1 << i
            if (
                (kind == LITERAL and c == value)
                or (kind == ONE and c != "/")
                or (kind == CLASS and value.fullmatch(c))
            ):
                forward |= bit
            elif (kind == STAR and c != "/") or kind == ANY:
                stay |= bit
        if len(self.steps) < 4096:
            self.steps[c] = (forward, stay)
        return forward, stay


def _tokens(glob: str) -> list[tuple[int, Any]]:
    """The glob's states: `**/` is three (an entry that may skip all three, any letters, `/`)."""
    out: list[tuple[int, Any]] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out += [(ENTRY, None), (ANY, None), (LITERAL, "/")]
            i += 3
        elif glob.startswith("**", i):
            out.append((ANY, None))
            i += 2
        elif glob[i] == "[" and glob.find("]", i + 2) > 0:
            close = glob.find("]", i + 2)
            out.append((CLASS, _char_class(glob[i + 1 : close])))
            i = close + 1
        else:
            c = glob[i]
            out.append((STAR, None) if c == "*" else (ONE, None) if c == "?" else (LITERAL, c))
            i += 1
    return out


def _char_class(body: str) -> re.Pattern[str]:
    negated = body.startswith("!")
    body = body[1:] if negated else body
    escaped = body.replace("\\", "\\\\").replace("[", "\\[")
    return re.compile("[" + ("^/" if negated else "") + escaped + "]", re.S)


def git_ignored(root: Path) -> frozenset[str]:
    """What git ignores under a folder of a git work tree (`.next/`, `dist/`, `coverage/`: build
    output, which the next build overwrites), relative to the folder, folders ending in `/`;
    nothing outside a work tree or without git. A folder named on the command line is read even
    when git ignores it: it is asked for."""
    top = gitignores.top_of(root)
    special = gitignores.special_source(root, top) if top is not None else None
    if top is not None and special is not None:  # (git would wait on it forever: not asked)
        gitignores.note(gitignores.SPECIAL.format(name=special))
        return gitignores.ignored(root, top)
    try:
        run = subprocess.run(
            ["git", "-C", str(root), *GIT_IGNORED],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=GIT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:  # (a lock, a network file system: read them ourselves)
        if top is None:
            return frozenset()
        gitignores.note(gitignores.SLOW.format(seconds=GIT_SECONDS))
        return gitignores.ignored(root, top)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if run.returncode != 0 and top is not None and b"dubious ownership" in run.stderr:
        gitignores.note(gitignores.REFUSED.format(top=top))
        return gitignores.ignored(root, top)
    if run.returncode != 0:
        return frozenset()
    listed = run.stdout.decode("utf-8", "surrogateescape").split("\0")
    return frozenset(entry for entry in listed if entry and entry != "./")


# (The scanned folder is not trusted: its own .git/config may name a command for git to run, as
# core.fsmonitor does on ls-files (break21d #18), so that is switched off on the command line,
# which outranks the repository's config.)
GIT_IGNORED = (
    "-c",
    "core.fsmonitor=false",
    "ls-files",
    "--others",
    "--ignored",
    "--exclude-standard",
    "--directory",
    "-z",
)
GIT_SECONDS = 120  # a git that hangs (a lock, a network file system) is not waited on forever


# The endings of scripts' names: such a file holding a NUL byte but otherwise UTF-8 text is one
# an interpreter still runs (a NUL in a comment), so it is said as not scanned, never skipped as
# an image is (a gate would pass on it).
SCRIPT_SUFFIXES = frozenset(
    [
        ".py",
        ".js",
        ".mjs",
        ".cjs",
        ".ts",
        ".tsx",
        ".jsx",
        ".sh",
        ".bash",
        ".zsh",
        ".php",
        ".rb",
        ".go",
        ".java",
        ".kt",
        ".kts",
        ".cs",
        ".swift",
        ".rs",
        ".pl",
        ".pm",
        ".ps1",
        ".lua",
        ".dart",
        ".scala",
        ".groovy",
        ".ex",
        ".exs",
    ]
)


def _binary(path: Path, data: bytes) -> str:
    """Why a file holding a NUL byte is not read: "binary" (skipped silently), or, for a
    script's text, a reason said as not scanned."""
    if path.suffix.lower() not in SCRIPT_SUFFIXES:
        return "binary"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "binary"
    return "a script holding a NUL byte"


def read_text(path: Path) -> str | None:
    """The file as text, or None for binary, huge or unreadable files."""
    return read(path)[0]


def read(path: Path) -> tuple[str | None, str]:
    """(text, "") or (None, why it was not read)."""
    try:
        # At most the limit, even for a file that grows; never waiting on a FIFO put in the
        # file's place since the walk looked at it (O_NONBLOCK: its open returns at once).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None, "no longer a regular file"
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, _unreadable(exc)
    if len(data) > MAX_FILE_BYTES:
        return None, f"larger than {MAX_FILE_BYTES // MIB} MiB"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), ""  # (Windows editors' "Unicode")
    if b"\x00" in data[:8192]:
        return None, _binary(path, data)
    # (a UTF-8 byte-order mark is no character to editors, git or code scanning: line 1's
    # columns are counted without it; --diff puts it back, see fixes.file_diff)
    return data.decode("utf-8", "replace").removeprefix("\ufeff"), ""


# -- the files that hold code in another form ---------------------------------------------------
# The endings of the names of files that hold code in another form (a notebook's cells, a
# workflow's run blocks, a request file's requests), per reader: each reader tests a name by its
# own table here, and scan's early skip lets through their union, so a script's audit (`akool
# audit x.py`) loads none of the readers (embedreaders) to learn that none of them takes it.
NOTEBOOK_SUFFIX = ".ipynb"
WORKFLOW_SUFFIXES = (".yml", ".yaml")  # (CI configurations, Ansible playbooks)
BATCH_SUFFIXES = (".bat", ".cmd")
THUNDER_SUFFIX = ".json"  # (Thunder Client's collections)
INSOMNIA_SUFFIXES = (".yaml", ".yml")  # (Insomnia 5's)
TF_SUFFIX = ".tf"
TASKFILE_NAMES = ("taskfile.yml", "taskfile.yaml", "taskfile.dist.yml", "taskfile.dist.yaml")
MAKEFILE_NAMES = ("makefile", "gnumakefile")  # (whole names, in lower case)
MAKEFILE_SUFFIXES = (".mk", ".make")
LUA_SUFFIXES = (".lua",)
ELIXIR_SUFFIXES = (".ex", ".exs")
R_SUFFIXES = (".r",)
N8N_SUFFIXES = (".json",)
NODERED_SUFFIXES = (".json",)
BLUEPRINT_SUFFIXES = (".json",)
HOPPSCOTCH_SUFFIXES = (".json",)
HTTP_SUFFIX = ".http"
REST_SUFFIX = ".rest"  # (a request file only with a request line: reStructuredText has none)
REQUEST_SUFFIXES = (HTTP_SUFFIX, REST_SUFFIX)
HURL_SUFFIX = ".hurl"
BRUNO_SUFFIX = ".bru"
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
SKETCH_SUFFIXES = tuple(sorted(source.MARKDOWN))

# Each reader's module (akool_cli.audit.<module>) and the name endings it may take, in lower case.
READS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("notebooks", (NOTEBOOK_SUFFIX,)),
    ("taskfiles", (*TASKFILE_NAMES, ".yml", ".yaml")),  # (a YAML file that holds go-task's tasks)
    ("workflows", WORKFLOW_SUFFIXES),
    ("batch", BATCH_SUFFIXES),
    ("apiclients", (THUNDER_SUFFIX, *INSOMNIA_SUFFIXES)),
    ("terraform", (TF_SUFFIX,)),
    ("makefiles", (*MAKEFILE_NAMES, *MAKEFILE_SUFFIXES)),  # (`gnumakefile` ends in `makefile`)
    ("lua", LUA_SUFFIXES),
    ("elixir", ELIXIR_SUFFIXES),
    ("rpipes", R_SUFFIXES),
    ("nodered", NODERED_SUFFIXES),
    ("makeblueprints", BLUEPRINT_SUFFIXES),
    ("hoppscotch", HOPPSCOTCH_SUFFIXES),
    ("n8nflows", N8N_SUFFIXES),
    ("restfiles", (*REQUEST_SUFFIXES, HURL_SUFFIX)),
    ("brunofiles", (BRUNO_SUFFIX,)),
    ("specs", SPEC_SUFFIXES),
    ("sketches", SKETCH_SUFFIXES),
)

# What a file's name (in lower case) ends with for any reader to take it: the early skip.
EMBEDDING_SUFFIXES = tuple(dict.fromkeys(s for _, endings in READS for s in endings))

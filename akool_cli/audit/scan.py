"""Finds AKOOL calls in existing scripts that differ from AKOOL's documentation, and says what the
documented call is. Each call is judged by its own endpoint in the catalogue of AKOOL's docs
(`catalogue.py`); the rules are data (`rules.RULES`), and the docs' rule table is made from
them. This module runs them over files: bases shared across a folder's files first, then
findings, ignore comments, rule choice, file walking.
"""

from __future__ import annotations

import bisect
import gc
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from akool_cli.audit import (
    appconfig,
    credentials,
    datafiles,
    foreignmodels,
    gitignores,
    hosttests,
    httpfactory,
    importedclients,
    instances,
    keyedpaths,
    laravel,
    modules,
    multiline,
    nodeconfig,
    nullforgiving,
    outputs,
    pathnames,
    phprequires,
    psscopes,
    railsconfig,
    reexports,
    restresponses,
    returns,
    rx,
    sharedclients,
    sites,
    source,
    structbases,
    superbases,
    typedmaps,
    unseen,
    urlbuilders,
    vbnet,
    walking,
    webhookpayloads,
    wrappers,
)
from akool_cli.audit.calls import FileContext, Served, find_mentions
from akool_cli.audit.credentials import abridged
from akool_cli.audit.rules import (
    ALIASES,
    RULES,
    Fix,
    Hit,
    Rule,
    Severity,
    rules_table,
    website_note,
)
from akool_cli.audit.scopes import Scopes
from akool_cli.audit.walking import MAX_FILE_BYTES, iter_files, read_text

if TYPE_CHECKING:  # (loaded only for a folder of several files: see _inherited_bases)
    from akool_cli.audit import inherited

LOG = logging.getLogger("akool.audit")

__all__ = [
    "MAX_FILE_BYTES",
    "RULES",
    "RULE_NAMES",
    "AuditResult",
    "Finding",
    "audit",
    "audit_text",
    "iter_files",
    "read_text",
    "rules_table",
]

RULE_NAMES = tuple(rule.name for rule in RULES)
NOT_SCANNED = "not-scanned"  # a file named or found that was not read (too large, unreadable)
NOTE = "audit-note"  # what the run says about how it read the tree (git refused it)
# (in any letter case, as ruff reads its no-qa marker: `# AKOOL-AUDIT: IGNORE[WRONG-HOST]`)
IGNORE_COMMENT = rx.compile(r"(?i)akool-audit:\s*ignore(?:\[(?P<rules>[^\]]*)\])?")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    found: str
    documented: str
    message: str
    help: str = field(default="", compare=False)  # the docs page that says what is right
    fix: Fix | None = field(default=None, compare=False)  # the change the docs justify, if any
    # The keys its file writes as a key's literal, whatever their shape (`API_KEY = "..."`):
    # cut short where it quotes them, as abridged cuts what looks like a key (see _keys_cut).
    keys: frozenset[str] = field(default=frozenset(), compare=False)

    def shown(self, text: str) -> str:
        """The text (its message, what it found) as printed: no key in it in full."""
        text = abridged(text)
        return credentials.hidden(text, self.keys) if self.keys else text

    def render(self) -> str:
        # (a name starting with `:` is shown as ./name: a CI log takes a line that starts with
        # `::` for a workflow command, `::warning file=...::` or `::stop-commands::`)
        name = f"./{self.file}" if self.file.startswith(":") else self.file
        return (
            f"{name}:{self.line}:{self.column}: {self.severity}: {self.shown(self.message)} "
            f"(documented: {self.documented}) [{self.rule}]"
        )

    def to_json(self) -> dict[str, Any]:
        """Its fields but help and fix, by hand: asdict deep-copied each fix's edits only to drop
        them (a third of --json's time for 7,000 findings)."""
        return json_safe(
            {
                "file": self.file,
                "line": self.line,
                "column": self.column,
                "rule": self.rule,
                "severity": self.severity,
                "found": self.shown(self.found),  # (a credential in a wrong field: cut short)
                "documented": self.documented,
                "message": self.shown(self.message),
            }
        )


def json_safe(entry: dict[str, Any]) -> dict[str, Any]:
    """A --json entry every JSON parser takes: a file name that is not UTF-8 (a Latin-1
    checkout's `caf\xe9.py`, held as lone surrogates, which strict parsers such as serde_json
    refuse) as its text with U+FFFD for each byte that is not UTF-8, and its bytes
    percent-encoded in `file_bytes` (as SARIF's uri: `caf%E9.py`) to find the file by."""
    safe: dict[str, Any] = {}
    for key, value in entry.items():
        if isinstance(value, str) and not value.isascii() and not _utf8(value):
            raw = value.encode("utf-8", "surrogateescape")
            safe[key] = raw.decode("utf-8", "replace")
            if key == "file":
                safe["file_bytes"] = quote(raw, safe="/")
        else:
            safe[key] = value
    return safe


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class AuditResult:
    findings: list[Finding]
    files_scanned: int
    # Files named or found that were not read (too large, binary, unreadable), with the reason:
    # a gate must not pass silently over a file it never looked at.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # The audit's own reports found in the tree (a SARIF log, a --json array, a diff), with what
    # they are: left out and said, but no reason to fail a gate (see outputs.py).
    reports: list[tuple[str, str]] = field(default_factory=list)
    # What the run says about how it read the tree (git refused it: its ignore files were read
    # by the audit itself), one line each: said on stderr, in --json and in SARIF.
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """No error found and every file read: what a gate lets through (exit 0)."""
        return not self.count("error") and not self.skipped

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def summary(self) -> str:
        files = len({f.file for f in self.findings})
        folders = sum(1 for name, _ in self.skipped if name.endswith(("/", os.sep)))
        unread = len(self.skipped) - folders
        skipped = f"; {unread} file(s) not scanned" if unread else ""
        skipped += f"; {folders} folder(s) not listed" if folders else ""
        reports = f"; {len(self.reports)} report(s) left out" if self.reports else ""
        return (
            f"{self.count('error')} error(s), {self.count('warning')} warning(s), "
            f"{self.count('info')} info: {self.files_scanned} file(s) scanned, {files} with findings"
            + skipped
            + reports
        )

    def skipped_json(self) -> list[dict[str, Any]]:
        """The files not scanned, as --json entries of their own (rule "not-scanned"): a gate
        must not pass over a file it never read without saying so."""
        return [json_safe(entry) for entry in self._skipped_entries()]

    def _skipped_entries(self) -> list[dict[str, Any]]:
        return (
            [
                {
                    "file": name,
                    "line": 0,
                    "column": 0,
                    "rule": NOT_SCANNED,
                    "severity": "error",
                    "found": "",
                    "documented": "",
                    "message": f"not scanned ({why}); --exclude it to leave it out on purpose",
                }
                for name, why in self.skipped
            ]
            + [
                {
                    "file": name,
                    "line": 0,
                    "column": 0,
                    "rule": NOT_SCANNED,
                    "severity": "info",
                    "found": "",
                    "documented": "",
                    "message": f"not scanned ({what})",
                }
                for name, what in self.reports
            ]
            + [
                {
                    "file": "",
                    "line": 0,
                    "column": 0,
                    "rule": NOTE,
                    "severity": "warning",
                    "found": "",
                    "documented": "",
                    "message": text,
                }
                for text in self.notes
            ]
        )


# -- running the rules on a file --------------------------------------------------------------------


def ignored_rules(line: str) -> frozenset[str] | None:
    """What an `akool-audit: ignore[rule, ...]` comment silences on its line (empty: every rule)."""
    m = IGNORE_COMMENT.search(line)
    if m is None:
        return None
    names = m.group("rules")
    if not names:
        return frozenset()
    named = (n.strip().lower() for n in names.split(","))
    return frozenset(ALIASES.get(n, n) for n in named if n)


COMMENT_OPENER = rx.compile(r"(?:#|//|<!--|/\*|--|;)\s*$")


def _comment_text(ctx: FileContext, line: int) -> str:
    """The part of a line that is a comment, where an ignore marker counts (a marker inside a
    string literal is data, not an instruction to the audit)."""
    text = ctx.lines[line]
    if PurePath(ctx.name).suffix.lower() in source.COMMENTS:
        comment = ctx.comments.get(line)
        return text[comment.column :] if comment is not None else ""
    marker = IGNORE_COMMENT.search(text)  # other files: the marker right after a comment opener
    if marker is None or not COMMENT_OPENER.search(text[: marker.start()]):
        return ""
    return text[marker.start() :]


def _silenced(ctx: FileContext, hit: Hit, rule: str, markers: Markers) -> bool:
    ignored = markers.ignored(hit.line)
    return ignored is not None and (not ignored or rule in ignored)


# A line that the statement goes on from: an open bracket, a comma, an operator, a backslash.
GOES_ON = rx.compile(r"(?:[(\[{,=+|.\\]|&&|:=)\s*$")
STATEMENT_LINES = 5


class Markers:
    """What the ignore markers of a file silence on each line of a hit, worked out once per
    line (a minified line can hold thousands of hits). A hit inside a string that spans lines (a
    triple-quoted curl command, a template literal, a heredoc, a shell body `-d '{...}'`) is
    silenced by a marker outside the string: on the line before its statement, on the
    statement's lines before the string opens (a heredoc's `<<EOF  # ...` line), or after the
    string closes on its last line."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.by_line: dict[int, frozenset[str] | None] = {}
        self._strings: list[multiline.Spanning] | None = None
        self._starts: list[int] = []  # the lines they open on, for bisection
        self._marked: bool | None = None
        self._ignores: bool | None = None

    def ignored(self, line: int) -> frozenset[str] | None:
        if not self._any_ignore():  # (no marker in the file: no line's comment to read)
            return None
        if line not in self.by_line:
            own = ignored_rules(_comment_text(self.ctx, line))
            if own is None and self._any_marker():
                own = self._outside_string(line)
            self.by_line[line] = own
        return self.by_line[line]

    def _any_ignore(self) -> bool:
        """Whether IGNORE_COMMENT is anywhere in the file (each line's own search finds one
        only where this one does)."""
        if self._ignores is None:
            self._ignores = IGNORE_COMMENT.search("\n".join(self.ctx.lines)) is not None
        return self._ignores

    def _any_marker(self) -> bool:
        if self._marked is None:
            self._marked = any("akool-audit" in text.lower() for text in self.ctx.lines)
        return self._marked

    def _outside_string(self, line: int) -> frozenset[str] | None:
        if self._strings is None:
            shell = self.ctx.language == "shell"
            self._strings = multiline.spanning(self.ctx.name, self.ctx.lines, shell)
            self._starts = [s.line for s in self._strings]
        k = bisect.bisect_right(self._starts, line) - 1
        if k < 0 or self._strings[k].end_line < line:
            return None
        span = self._strings[k]
        texts = [self._comment_after(span.end_line, span.end_column)]
        first = self._statement_start(span.line)
        for i in range(first, span.line + 1):
            comment = self.ctx.comments.get(i)
            if comment is not None and (i < span.line or comment.column < span.column):
                texts.append(self.ctx.lines[i][comment.column :])
        above = self.ctx.comments.get(first - 1)
        text = self.ctx.lines[first - 1] if first > 0 else ""
        if above is not None and not text[: above.column].strip():
            texts.append(text[above.column :])
        elif text.lstrip().startswith(("#", "//")):
            texts.append(text)  # (a code block's comment line in Markdown, where `#` is no comment)
        return _union(ignored_rules(t) for t in texts)

    def _statement_start(self, line: int) -> int:
        first = line
        while first > max(0, line - STATEMENT_LINES) and GOES_ON.search(self._code(first - 1)):
            first -= 1
        return first

    def _code(self, line: int) -> str:
        comment = self.ctx.comments.get(line)
        text = self.ctx.lines[line]
        return text[: comment.column] if comment is not None else text

    def _comment_after(self, line: int, column: int) -> str:
        """The comment on a line after a string closes at `column`, where a marker counts."""
        rest = self.ctx.lines[line][column:]
        style = source.COMMENTS.get(PurePath(self.ctx.name).suffix.lower())
        if style is None and self.ctx.language == "shell":
            style = (source.HASH, False)
        if style is None:
            marker = IGNORE_COMMENT.search(rest)
            opened = marker is not None and COMMENT_OPENER.search(rest[: marker.start()])
            return rest[marker.start() :] if marker is not None and opened else ""
        start = source.comment_start(rest, *style)
        return rest[start:] if start is not None else ""


def _union(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Rules silenced by several markers (an empty set: every rule; None: no marker)."""
    found: frozenset[str] | None = None
    for rules in sets:
        if rules is None:
            continue
        if not rules:
            return frozenset()
        found = rules if found is None else found | rules
    return found


def audit_text(
    text: str,
    name: str,
    rules: Iterable[Rule] = RULES,
    imported: dict[str, sites.Base] | None = None,
    helpers: dict[str, sites.Base] | None = None,
    methods: dict[tuple[str, str], sites.Base] | None = None,
    paths: dict[str, pathnames.Held] | None = None,
    scanned: frozenset[str] = frozenset(),
    returning: list[returns.Returner] | None = None,
    returners: list[returns.Returner] | None = None,
    akool_modules: frozenset[str] = frozenset(),
    served: Served | None = None,
    models: list[foreignmodels.Block] | None = None,
    reached: tuple[tuple[str, str, sites.Base], ...] = (),
    parents: dict[str, list[str]] | None = None,
    state: dict[str, sites.Base | None] | None = None,
) -> list[Finding]:
    """The findings of the rules in one file's text, one per place (line, rule, what was found).
    `imported`: bases that other files of the folder define and this one imports; `helpers`:
    their helpers that join a path to a base; `methods`: their client classes' verb-named
    methods, by the name an object of the class is held in and the method's name; `paths`: their
    path constants that this file imports; `scanned`: what imports name the scanned files by
    (unseen.module_paths; a helper imported from any other module has a base not in view);
    `returning`: their functions that return an AKOOL answer, called here; `returners`, when
    given, receives this file's own such functions; `akool_modules`: what imports name the
    scanned files that name AKOOL by (importing one ties the file to AKOOL); `served`, when
    given, gathers what the bases of the folder's files serve (see shared_bases); `models`: the
    request model classes it imports from other files (foreignmodels.py); `reached`: the
    keys of this file's maps of maps that other files read and give to a wrapper (see
    folder_bases)."""
    folder = Imports(
        imported or {},
        helpers or {},
        methods or {},
        paths or {},
        scanned,
        returning or [],
        akool_modules,
        models or [],
        reached,
        parents or {},
        state or {},
    )
    with _no_gc():
        held = _embedded(text, name)
        if held is not None:
            return _audit_embedded(held, name, tuple(rules), folder, returners, served)
        return _audit_text(text, name, rules, folder, returners, served)


@dataclass(frozen=True)
class Embedded:
    """A file that holds code in another form (a notebook's cells, a workflow's run blocks):
    the code texts to audit by the suffix they are read under, and how a finding and a fix
    in one of them map back to the file."""

    codes: list[tuple[Any, str, str]]  # (code, its text, its suffix)
    map_back: Callable[[Any, int, int], tuple[int, int]]
    map_fix: Callable[[Any, Fix], Fix | None]
    dropped: frozenset[str] = frozenset()  # rules that do not apply to such a file
    lines: list[str] = field(default_factory=list)  # a request file's own (see _request_silenced)


# The names' endings of the files whose code a reader of embedreaders may take (the union of
# the readers' own tables, walking.READS): a file with none of them is read as it is, and its
# audit imports none of the readers (a script's audit, `akool audit x.py`: fewer modules and
# classes to load at start-up).
EMBEDDING_SUFFIXES = walking.EMBEDDING_SUFFIXES


def _embedded(text: str, name: str) -> Embedded | None:
    """How a notebook, a workflow, a batch file, a file of HTTP requests (`.http`, Bruno's
    `.bru`), an OpenAPI document for AKOOL and the like is read: by the first reader of
    embedreaders.READERS that takes it (None: any other file, read as it is)."""
    if not name.lower().endswith(EMBEDDING_SUFFIXES):
        return None
    from akool_cli.audit import embedreaders

    for reader in embedreaders.READERS:
        if not reader.takes(name, text):
            continue
        read = reader.read(text, name)
        if read is None:  # (not one after all: a notebook that is no JSON, a spec with no call)
            continue
        codes = [(c, "\n".join(c.lines) + reader.line_end, c.suffix) for c in read]
        lines = source.split_lines(text) if reader.own_lines else []
        return Embedded(codes, reader.map_back, reader.map_fix, reader.dropped, lines)
    return None


def _audit_embedded(
    held: Embedded,
    name: str,
    rules: tuple[Rule, ...],
    folder: Imports,
    returners: list[returns.Returner] | None,
    served: Served | None,
) -> list[Finding]:
    """Each code text read as the code it is, its findings at the file's own lines; a fix only
    where the file's text can be edited exactly. One finding per place, as in any file."""
    found: dict[Spot, Finding] = {}
    for code, text, suffix in held.codes:
        for finding in _audit_text(text, name + suffix, rules, folder, returners, served):
            if finding.rule in held.dropped:
                continue
            line, column = held.map_back(code, finding.line - 1, finding.column - 1)
            fix = held.map_fix(code, finding.fix) if finding.fix is not None else None
            moved = replace(finding, file=name, line=line + 1, column=column + 1, fix=fix)
            if held.lines and _request_silenced(held.lines, line, moved.rule):
                continue
            found.setdefault(_spot(moved), moved)
    return sorted(found.values(), key=lambda f: (f.line, f.column, f.rule))


# A request line of a `.http` or `.hurl` file: its comment lines just above it hold the markers
# of its findings (its JSON body can hold no comment: it would be sent; break21i #28).
REQUEST_LINE = rx.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\S")
REQUEST_COMMENT = rx.compile(r"^\s*(?:#|//)")


def _request_silenced(lines: list[str], line: int, rule: str) -> bool:
    """Whether an ignore marker in the comments just above the request that holds a line of a
    request file silences the rule there."""
    k = line
    while k >= 0 and not REQUEST_LINE.match(lines[k]):
        k -= 1
    texts = []
    while k > 0 and REQUEST_COMMENT.match(lines[k - 1]):
        k -= 1
        texts.append(lines[k])
    ignored = _union(ignored_rules(t) for t in texts)
    return ignored is not None and (not ignored or rule in ignored)


@dataclass(frozen=True)
class Imports:
    """What a file takes from the other files of the scanned folder (see audit_text)."""

    bases: dict[str, sites.Base]
    helpers: dict[str, sites.Base]
    methods: dict[tuple[str, str], sites.Base]
    paths: dict[str, pathnames.Held]
    scanned: frozenset[str]
    returning: list[returns.Returner] = field(default_factory=list)
    akool_modules: frozenset[str] = frozenset()
    models: list[foreignmodels.Block] = field(default_factory=list)  # (foreignmodels.py)
    reached: tuple[tuple[str, str, sites.Base], ...] = ()  # (key, read, base): see folder_bases
    parents: dict[str, list[str]] = field(default_factory=dict)  # (inherited.py)
    # The clients the folder's files keep on the app's state (sharedclients.state_clients).
    state: dict[str, sites.Base | None] = field(default_factory=dict)


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while one file is read: the audit makes objects by
    the hundred thousand (a minified file's brackets) and no cycles, and the collector's passes
    over them would grow faster than the file."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _inherited_bases(lines: list[str], bases: sites.Bases, parents: dict[str, list[str]]) -> None:
    """The helpers of parent classes another file defines (inherited.take), inherited loaded
    only for a file that imports one (a script's audit loads none)."""
    if parents:
        from akool_cli.audit import inherited

        inherited.take(lines, bases, parents)


# A step of reading a file before its calls are found: given the file's context (its name,
# lines and the bases found so far), its text and what the folder's other files give.
Step = Callable[[FileContext, str, Imports], object]
# The steps that find the bases a file joins paths to, in the order each builds on the last.
BASE_STEPS: tuple[Step, ...] = (
    lambda ctx, text, folder: sites.definitions(ctx.name, ctx.lines, ctx.bases),
    # (PHP's `$cfg = require __DIR__ . '/cfg.php';` of a config file returning an array)
    lambda ctx, text, folder: (
        phprequires.required_bases(ctx.lines, ctx.bases) if ctx.name.endswith(".php") else None
    ),
    # (`super().__init__(key, BASE)`)
    lambda ctx, text, folder: superbases.given_up(text, ctx.lines, ctx.bases),
    # (Go's `&Client{\n baseURL: "...",`)
    lambda ctx, text, folder: structbases.struct_fields(ctx.language, ctx.lines, ctx.bases),
    # (a parent class of another file's helpers)
    lambda ctx, text, folder: _inherited_bases(ctx.lines, ctx.bases, folder.parents),
    lambda ctx, text, folder: sites.find_clients(ctx.lines, ctx.bases),
    # (another file's `api` or `createClient()`)
    lambda ctx, text, folder: sharedclients.take(ctx.lines, ctx.bases),
    # (`request.app.state.akool`)
    lambda ctx, text, folder: sharedclients.take_state(ctx.lines, ctx.bases, folder.state),
)


def _named_sites(ctx: FileContext, text: str, folder: Imports) -> None:
    """The sites of the paths the file (or the folder) holds in names."""
    held = pathnames.path_names(ctx.lines, folder.paths)
    held.reached = folder.reached
    pathnames.named_sites(ctx.lines, ctx.bases, held)


# The steps that find the sites of paths joined to those bases, once its helpers are known.
SITE_STEPS: tuple[Step, ...] = (
    lambda ctx, text, folder: own_methods(text, ctx.bases),
    lambda ctx, text, folder: wrappers_of_imported(ctx.lines, ctx.bases, folder.helpers),
    _named_sites,
    # (OkHttp's, yarl's `BASE / "x"`)
    lambda ctx, text, folder: urlbuilders.url_builder_sites(ctx.name, text, ctx.lines, ctx.bases),
    # (`config('services.akool.base')`)
    lambda ctx, text, folder: laravel.config_sites(ctx.name, text, ctx.lines, ctx.bases),
    # (`viper.GetString("k") + "/x"`)
    lambda ctx, text, folder: appconfig.config_join_sites(text, ctx.lines, ctx.bases),
)


def _audit_text(
    text: str,
    name: str,
    rules: Iterable[Rule],
    folder: Imports,
    returners: list[returns.Returner] | None = None,
    served: Served | None = None,
) -> list[Finding]:
    text = vbnet.as_csharp(name, text)  # (VB.NET read as the C# it amounts to)
    text = nullforgiving.blanked(name, text)  # (`json["data"]!["x"]!` reads `json["data"]["x"]`)
    text = psscopes.unscoped(name, text)  # (PowerShell's `$script:Base` reads `$script_Base`)
    text = restresponses.unwrapped(name, text)  # (RestSharp's `r.Data.data.x` reads `r.data.x`)
    lines = source.split_lines(text)
    ctx = FileContext(name, lines, served=served or Served())
    ctx.appended = foreignmodels.lines_of(folder.models)
    ctx.imports_akool = lambda: unseen.imports_named(name, text, folder.akool_modules)
    ctx.bases.methods = dict(folder.methods)
    arrows = ctx.language != "perl"
    ctx.bases.lines, ctx.bases.scopes = lines, Scopes(lines, ctx.language == "shell", arrows)
    ctx.bases.take_imported(folder.bases)
    for step in BASE_STEPS:
        step(ctx, text, folder)
    ctx.comments = source.comments(name, lines)
    ctx.comments_read = True
    known = frozenset(folder.helpers)  # (a helper of the folder, its base in view)
    unseen.find(name, text, lines, ctx.bases, ctx.in_prose, folder.scanned, objects_of, known)
    if (
        ctx.bases.names
        or ctx.bases.imported
        or ctx.bases.clients
        or ctx.bases.helpers
        or wrappers.joins_literal_base(text)  # (`curl "https://.../v3$path"` in a function)
    ):
        wrappers.find_helpers(lines, ctx.bases)
    for step in SITE_STEPS:
        step(ctx, text, folder)
    find_mentions(ctx)
    own = returns.returners(ctx)
    if returners is not None:
        returners.extend(own)
    ctx.returned = returns.calls_of(ctx, [*own, *folder.returning], objects_of)
    if not (rules := _rules_to_run(ctx, text, rules)):
        return []
    found: dict[Spot, Finding] = {}
    silenced = Markers(ctx)
    docs = PurePath(name).suffix.lower() in source.DOCS
    every = [*lines, *ctx.appended] if ctx.appended else lines  # (another file's callers too)
    for rule in rules:
        for hit in rule.check(ctx):
            if hit.line < len(lines) and _silenced(ctx, hit, rule.name, silenced):
                continue
            if rule.name in GUARDED_VALUES and _tests_a_guard(every, hit):
                continue  # (`with pytest.raises(ValueError): talk(p, a, "4k")`: meant to fail)
            kept = _outside_prose(ctx, hit) if docs else hit
            kept = None if kept is None else typedmaps.keep_types(lines, kept)
            placed = None if kept is None else _placed(name, len(lines), folder, rule, kept)
            if placed is not None:
                found.setdefault(_spot(placed, _in_comment(ctx, kept)), placed)
    kept_ones = _keys_cut(text, name, _renamed_with_value(lines, name, _code_first(found)))
    return sorted(kept_ones, key=lambda f: (f.file != name, f.file, f.line, f.column, f.rule))


def _keys_cut(text: str, name: str, found: list[Finding]) -> list[Finding]:
    """The findings, each knowing the keys the file writes as a key's literal (`API_KEY =
    "..."`, whatever its shape), to cut them short where it quotes them (sent as `resolution:
    API_KEY`, cross35): credentials.abridged alone cuts only what looks like a key."""
    cut: list[Finding] = []
    known: dict[str, bool] = {}
    for f in found:
        keys = credentials.quoted_keys(text, f.found, known) if f.file == name else frozenset()
        cut.append(replace(f, keys=keys) if keys else f)
    return cut


def _rules_to_run(ctx: FileContext, text: str, rules: Iterable[Rule]) -> list[Rule]:
    """The rules a file is judged by: all of them where it makes an AKOOL call; else none, but a
    webhook handler's (it makes no call: only its decrypted payload's reads are judged)."""
    if ctx.call_lines or ctx.returned:
        return list(rules)
    if not webhookpayloads.may_hold(text):
        return []
    return [r for r in rules if r.name in webhookpayloads.RULES]


# Value rules whose finding a test of the script's own guard writes on purpose, inside a block or an
# assertion that expects the call to fail.
GUARDED_VALUES = frozenset({"bad-value"})


def _tests_a_guard(lines: list[str], hit: Hit) -> bool:
    """Whether a value finding's line gives the value where a test expects an exception."""
    # (expects_failure reads no minified line: its calls' findings each searched it, quadratic)
    if hit.line >= len(lines) or len(lines[hit.line]) > hosttests.LONGEST:
        return False
    near = lines[max(0, hit.line - hosttests.RAISES_SCAN) : hit.line + 1]
    if not any(w in text for text in near for w in hosttests.THROW_WORDS):
        return False  # (most findings: no test of a failure in sight)
    return hosttests.expects_failure(lines, hit.line, hit.column)


# Between a key and its value in one entry: `": "`, `: `, `" => `, `=`, `"] = `, `", `, ` to `.
ENTRY_GAP = rx.compile(r"[\\\"'`\]]*\s*(?::|=>|=|->|,|\bto\b)\s*")


def _renamed_with_value(lines: list[str], name: str, found: list[Finding]) -> list[Finding]:
    """A misnamed key whose value is wrong too (`"Resolution": "720p"`) is renamed in the value's
    fix: the docs' name alone would send a value they do not list (so the key has no fix of its
    own), the value's fix alone left the key misnamed, a second --diff needed (break21e #17).
    One fix, shared by both findings, makes the entry right in one apply."""
    values = {
        (f.line, f.column): f
        for f in found
        if f.rule == "bad-value" and f.fix is not None and f.file == name
    }
    joined: dict[int, Fix] = {}
    for k, key in enumerate(found):
        if key.rule != "misnamed-field" or key.fix is not None or key.file != name:
            continue
        text = lines[key.line - 1] if key.line <= len(lines) else ""
        start = key.column - 1
        if text[start : start + len(key.found)] != key.found:
            continue
        gap = ENTRY_GAP.match(text, start + len(key.found))
        value = values.get((key.line, gap.end() + 1)) if gap else None
        if value is None or value.fix is None or not value.message.startswith(key.documented + " "):
            continue
        rename = Fix(key.line - 1, start, start + len(key.found), key.found, key.documented)
        joined[k] = replace(value.fix, also=(*value.fix.also, rename))
        joined[found.index(value)] = joined[k]
    return [replace(f, fix=joined[k]) if k in joined else f for k, f in enumerate(found)]


Spot = tuple[str, int, int, str, str]


def _spot(finding: Finding, comment: bool = False) -> Spot:
    """One finding per place: its file, line and column, its rule and what it found (two equal
    wrong calls on one minified line are two findings, each with its fix). In a line's comment
    the place is the comment (column -1): a comment that repeats the line's mistake, or repeats
    it twice, is no finding of its own."""
    column = -1 if comment else finding.column
    return finding.file, finding.line, column, finding.rule, finding.found


def _in_comment(ctx: FileContext, hit: Hit | None) -> bool:
    comment = ctx.comments.get(hit.line) if hit is not None else None
    return comment is not None and hit is not None and hit.column >= comment.column


def _code_first(found: dict[Spot, Finding]) -> list[Finding]:
    """The findings, less those in a comment that a finding in the line's code repeats."""
    in_code = {(f, n, r, w) for f, n, c, r, w in found if c >= 0}
    return [x for (f, n, c, r, w), x in found.items() if c >= 0 or (f, n, r, w) not in in_code]


def _placed(name: str, own: int, folder: Imports, rule: Rule, hit: Hit) -> Finding | None:
    """The finding of a hit, in the file it is in: a hit on a line after the file's own is on a
    request model class another file declares (foreignmodels.py), reported there, unpatched."""
    if hit.line < own:
        return _finding(name, rule, hit)
    elsewhere = foreignmodels.origin(folder.models, own, hit.line)
    if elsewhere is None:
        return None
    return _finding(elsewhere[0], rule, replace(hit, line=elsewhere[1], fix=None))


def _outside_prose(ctx: FileContext, hit: Hit) -> Hit | None:
    """A documentation file's hit, unless it is in prose (a sentence that names a path or a
    field is a mention, whatever a rule read around it: break21b M14 found a body's keys in the
    sentences after a code block); its fix dropped if any edit of it would land in prose."""
    if ctx.in_prose(hit.line, hit.column):
        return None
    fix = hit.fix
    if fix is not None and any(ctx.in_prose(e.line, e.start) for e in (fix, *fix.also)):
        return replace(hit, fix=None)
    return hit


def _finding(name: str, rule: Rule, hit: Hit) -> Finding:
    return Finding(
        name,
        hit.line + 1,
        hit.column + 1,
        rule.name,
        hit.severity or rule.severity,
        hit.found,
        hit.documented,
        hit.message,
        hit.help,
        hit.fix,
    )


def choose_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules --select keeps (all when empty) minus those --ignore drops; unknown names raise."""
    chosen = {ALIASES.get(n, n) for n in select}
    dropped = {ALIASES.get(n, n) for n in ignore}
    unknown = sorted((chosen | dropped) - set(RULE_NAMES))
    if unknown:
        raise KeyError(", ".join(unknown))
    return tuple(r for r in RULES if (not chosen or r.name in chosen) and r.name not in dropped)


# -- scanning ---------------------------------------------------------------------------------------


def audit(
    paths: Iterable[Path],
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    rules: Iterable[Rule] = RULES,
) -> AuditResult:
    """The findings of the rules in the files under paths, with what was not read and why."""
    gitignores.NOTES.clear()
    texts, skipped, reports = _gathered(paths, include or [], exclude or [])
    notes = list(gitignores.NOTES)
    run = _Run(texts, tuple(rules))
    findings = run.findings()
    skipped += run.failed.items()
    return AuditResult(findings, len(texts) - len(run.failed), skipped, reports, notes)


Texts = list[tuple[Path, str, str]]  # (path, name shown, text)


def _gathered(
    paths: Iterable[Path], include: list[str], exclude: list[str]
) -> tuple[Texts, list[tuple[str, str]], list[tuple[str, str]]]:
    """The texts to audit; what was not read, with why; the audit's own reports found."""
    skipped: list[tuple[str, str]] = []
    reports: list[tuple[str, str]] = []
    texts: Texts = []
    for path, shown in iter_files(paths, include, exclude, skipped):
        text, why = walking.read(path)
        if text is None:
            if why != "binary":  # images and archives in a tree are expected; say the rest
                skipped.append((shown, why))
            continue
        report = outputs.own_output(text)
        if report is not None:  # (`akool audit --json . > akool-audit.json` then `akool audit .`)
            reports.append((shown, report))
            continue
        texts.append((path, shown, text))
    return texts, skipped, reports


class _Run:
    """One audit of a folder's texts: what the files share, read first, then each file's
    findings (twice for a file that calls another's functions returning an AKOOL answer)."""

    def __init__(self, texts: Texts, rules: tuple[Rule, ...]) -> None:
        self.texts, self.rules = texts, rules
        several = len(texts) > 1  # (one file: nothing shared)
        self.folder = folder_bases(texts) if several else Folder()
        self.models = foreignmodels.folder_models(texts) if several else {}
        self.scanned = unseen.module_paths(texts) if several else frozenset()
        if self.folder.defaults:  # (a module exporting a client made from an imported base shows
            # no URL, yet its client's base is known: importedclients.py)
            clients = [t for t in texts if t[0] in self.folder.defaults]
            self.scanned |= unseen.module_paths(clients, akool=True)
        self.akool_modules = unseen.module_paths(texts, akool=True) if several else frozenset()
        self.shared: dict[Path, list[returns.Returner]] = {}
        self.index: ReturnersByName | None = None  # (self.shared's, by name, once read)
        self.served = Served()
        self.failed: dict[str, str] = {}  # files whose reading raised: not scanned, with why

    def findings(self) -> list[Finding]:
        by_file = [self.one(path, shown, text, []) for path, shown, text in self.texts]
        self.index = ReturnersByName(self.shared)
        for k, (path, shown, text) in enumerate(self.texts if self.shared else []):
            given = returners_imported(path, text, self.shared, self.index, self.folder.barrels)
            if given:
                by_file[k] = self.one(path, shown, text, given)
        by_file.append(datafiles.findings(self.texts, lambda p, s, t: self.one(p, s, t, [])))
        findings = shared_bases([f for found in by_file for f in found], self.served)
        findings = list({_spot(f): f for f in reversed(findings)}.values())  # (a shared class's)
        findings.sort(key=lambda f: (f.file, f.line, f.column))
        return [f for f in findings if f.file not in self.failed]

    def one(
        self, path: Path, shown: str, text: str, given: list[returns.Returner]
    ) -> list[Finding]:
        try:
            return self.reading(path, shown, text, given)
        except Exception as exc:  # one hostile file must not take the others' findings with it
            self.failed.setdefault(shown, f"could not be read: {type(exc).__name__}")
            # (AKOOL_DEBUG=1 shows where, for a report: the run goes on either way)
            LOG.debug("%s: not scanned (%s)", shown, type(exc).__name__, exc_info=True)
            return []

    def reading(
        self, path: Path, shown: str, text: str, given: list[returns.Returner]
    ) -> list[Finding]:
        out: list[returns.Returner] = []
        folder = self.folder
        found = audit_text(
            text,
            shown,
            self.rules,
            {
                **folder.configured_in(text),
                **imported_by(path, text, folder.shared),
                **sharedclients.default_clients_imported(path, text, folder.defaults),
            },
            imported_by(path, text, folder.helpers, functions=True),
            {
                **client_methods(path, text, folder.methods),
                **instance_methods(path, text, folder),
            },
            imported_paths(path, text, folder.paths),
            self.scanned,
            given,
            out,
            self.akool_modules,
            self.served,
            foreignmodels.imported_models(path, text, self.models),
            folder.reached.get(path, ()),
            _imported_parents(path, text, folder.parents),
            folder.state,
        )
        if out and len(self.texts) > 1:
            self.shared[path] = out
            if self.index is not None:
                self.index.put(path, out)
        return found


def shared_bases(findings: list[Finding], served: Served) -> list[Finding]:
    """A wrong host on a base that another file of the folder joins a path of AKOOL's website to
    (`from settings import BASE`, then `BASE + "/api/v1/public/login"`), as the rule does within
    one file: no finding for a base of the website only, no fix for one the open API shares."""
    kept = []
    for f in findings:
        key = (f.file, f.line - 1)
        website = served.website.get(key) if f.rule == "wrong-host" else None
        if website is None or f.fix is None:
            kept.append(f)
        elif key in served.api:
            kept.append(replace(f, fix=None, message=f.message + website_note(website)))
    return kept


STAR_IMPORT = rx.compile(r"^\s*from\s+\S+\s+import\s+\*", re.M)


def returners_imported(
    path: Path,
    text: str,
    shared: dict[Path, list[returns.Returner]],
    index: ReturnersByName | None = None,
    barrels: dict[Path, set[Path]] | None = None,
) -> list[returns.Returner]:
    """The functions of other files of the folder that return an AKOOL answer and that this
    file imports (their module) and calls: `client.getVideo(id)` after `import { AkoolClient }
    from "./client"`; called by name alone only when imported by name. Only the functions the
    file calls are looked at (a folder of N files that each return an answer: N, not N*N)."""
    found = []
    called = _called_names(text)
    for owner, r in (index or ReturnersByName(shared)).called(called):
        if owner == path or not (
            _refers_to(text, owner, path)
            or _same_package(path, [owner])
            or _via_barrel(text, path, owner, barrels)
        ):
            continue
        if r.name in called or modules.named(r"(?<![\w$]){word}\s*\(", r.name).search(text):
            # (PHP's require and the shell's source bring every function in by its name)
            bare = (
                _imported_by_name(text, r.name)
                or modules.family(owner) in ("php", "sh")
                or STAR_IMPORT.search(text) is not None  # (from .akool_api import *)
            )
            receivers = modules.imported_names(text, path, owner)
            found += returns.as_imported(r, text, bare, receivers)  # (by its name, its aliases)
    return found


def _via_barrel(text: str, path: Path, owner: Path, barrels: dict[Path, set[Path]] | None) -> bool:
    """Whether the file imports the owner's names through a barrel that re-exports them (`from
    app.akool import AkoolClient`, app/akool/__init__.py importing it from .client)."""
    via = barrels.get(owner, ()) if barrels else ()
    return any(b != path and _refers_to(text, b, path) for b in via)


CALLED = rx.compile(r"(?<![\w$])([\w$]+)\s*\(")  # a name called: `get_video(`, `$fetch (`
PLAIN_NAME = rx.compile(r"[\w$]+")


@lru_cache(maxsize=1024)
def _called_names(text: str) -> frozenset[str]:
    return frozenset(CALLED.findall(text))


class ReturnersByName:
    """The folder's returners by name, in the folder's order (the files', then each file's), kept
    up to date as files are read again: a file's own calls pick its candidates."""

    def __init__(self, shared: dict[Path, list[returns.Returner]]) -> None:
        self.by_name: dict[str, dict[tuple[int, int], tuple[Path, returns.Returner]]] = {}
        self.odd: dict[tuple[int, int], tuple[Path, returns.Returner]] = {}  # (no plain word)
        self.order: dict[Path, int] = {}
        self.held: dict[Path, list[returns.Returner]] = {}
        for owner, made in shared.items():
            self.put(owner, made)

    def put(self, owner: Path, made: list[returns.Returner]) -> None:
        """Set (or set again) a file's returners."""
        k = self.order.setdefault(owner, len(self.order))
        for j, r in enumerate(self.held.get(owner, ())):
            self._place(r.name).pop((k, j), None)
        self.held[owner] = made
        for j, r in enumerate(made):
            self._place(r.name)[(k, j)] = (owner, r)

    def _place(self, name: str) -> dict[tuple[int, int], tuple[Path, returns.Returner]]:
        return self.by_name.setdefault(name, {}) if PLAIN_NAME.fullmatch(name) else self.odd

    def called(self, names: frozenset[str]) -> list[tuple[Path, returns.Returner]]:
        picked = [e for n in names & self.by_name.keys() for e in self.by_name[n].items()]
        picked += self.odd.items()
        return [found for _, found in sorted(picked, key=lambda e: e[0])]


# -- bases shared across the files of a folder ----------------------------------------------------


Shared = dict[str, list[tuple[Path, sites.Base]]]


@dataclass
class Folder:
    """What the files of a scanned folder share: names bound to bases, helper functions, and the
    verb-named methods of client classes (class: method: [(file, base)])."""

    shared: Shared = field(default_factory=dict)
    helpers: Shared = field(default_factory=dict)
    methods: dict[str, Shared] = field(default_factory=dict)
    paths: dict[str, list[tuple[Path, pathnames.Held]]] = field(default_factory=dict)
    # The keys of a file's maps of maps that other files importing it read and give to a
    # wrapper of the folder (`akoolGet(config.getPath)`): (key, read, the wrapper's base), by the
    # map's file.
    reached: dict[Path, tuple[tuple[str, str, sites.Base], ...]] = field(default_factory=dict)
    # The AKOOL bases the folder's config files set, by `${key}` (see sites.config_values).
    configured: dict[str, sites.Base] = field(default_factory=dict)
    # The files that re-export each file's names (see reexports.barrels).
    barrels: dict[Path, set[Path]] = field(default_factory=dict)
    parents: inherited.Parents = field(default_factory=dict)  # (classes other files may extend)
    state: dict[str, sites.Base | None] = field(default_factory=dict)  # (clients on an app's state)
    defaults: dict[Path, sites.Base] = field(
        default_factory=dict
    )  # (`module.exports = axios.create()`)
    # The objects of client classes files export (instances.py): (file, class, names, default).
    instances: list[tuple[Path, str, list[str], bool]] = field(default_factory=list)

    def configured_in(self, text: str) -> dict[str, sites.Base]:
        """The config bases whose key a file's text names (`@Value("${akool.api.url}")`)."""
        return {k: b for k, b in self.configured.items() if k[2:-1] in text}


def _imported_parents(path: Path, text: str, parents: inherited.Parents) -> dict[str, list[str]]:
    """The classes of other files this file imports (inherited.imported_parents); none, and
    inherited not loaded, where the folder has none."""
    if not parents:
        return {}
    from akool_cli.audit import inherited

    return inherited.imported_parents(path, text, parents)


def folder_bases(texts: list[tuple[Path, str, str]]) -> Folder:
    """Every name a scanned file binds to an AKOOL base, and every helper it defines that joins
    its argument to one (`export async function akoolPost(path, body)`), with their files; and
    the path constants of every file (a module of endpoints need not name AKOOL)."""
    folder = Folder()
    maps: list[tuple[Path, keyedpaths.Rows[pathnames.Held]]] = []
    for path, shown, text in texts:
        lines = source.split_lines(text)
        scopes = Scopes(lines, arrows=path.suffix.lower() not in (".pl", ".pm"))
        names = pathnames.path_names(lines)
        for name, spots in names.bindings.items():
            for line, held in spots:
                if scopes.at(line) < 0:  # (a function's local is not another file's)
                    folder.paths.setdefault(name, []).append((path, held))
        if names.rows.by_key:
            maps.append((path, names.rows))
        if "akool" in text.lower() or "/api/open" in text:
            _share_bases(folder, path, shown, lines, scopes)
            config = {**sites.config_values(shown, text), **laravel.config_values(shown, text)}
            config.update(appconfig.appsettings_values(shown, text))  # (ASP.NET's appsettings)
            config.update(railsconfig.config_values(shown, text))  # (Rails' config.x.akool...)
            config.update(phprequires.returned_values(shown, text))  # (`return [...]`)
            config.update(nodeconfig.config_values(shown, text))  # (config/default.json)
            for key, base in config.items():
                folder.configured["${" + key + "}"] = base
    if (
        len(texts) > 1
    ):  # (a client made from another file's base: `axios.create({ baseURL: config.x })`)
        _clients_from_imports(folder, texts)
    if maps:
        _reached_rows(folder, maps, texts)
    if len(texts) > 1:
        _helpers_of_imported_bases(folder, texts)
        folder.barrels = reexports.barrels((p, t) for p, _, t in texts)
        from akool_cli.audit import inherited  # (only a folder's classes extend another file's)

        folder.parents = inherited.folder_parents(texts)
        _through_barrels(folder.shared, folder.barrels)
        _through_barrels(folder.helpers, folder.barrels)
        for _ in range(WRAPPER_DEPTH):
            if not _imported_wrappers(folder, texts):
                break
        _exported_instances(folder, texts)
    return folder


def _exported_instances(folder: Folder, texts: list[tuple[Path, str, str]]) -> None:
    """The objects of the folder's client classes that their files export (instances.py)."""
    owners = {p for by_method in folder.methods.values() for e in by_method.values() for p, _ in e}
    for path, _, text in texts:
        if path not in owners:
            continue
        for cls, by_method in folder.methods.items():
            if any(p == path for e in by_method.values() for p, _ in e):
                names, default = instances.exported(text, cls)
                if names or default:
                    folder.instances.append((path, cls, names, default))


def instance_methods(path: Path, text: str, folder: Folder) -> dict[tuple[str, str], sites.Base]:
    """The methods of client objects other files export that this file imports by name
    (`import { akool } from "./client"`, `from client import akool`) or as a module's default
    (`const akool = require("./client")`): `akool.post("/x", body)` is a call of the path the
    class's `post` joins."""
    found: dict[tuple[str, str], sites.Base] = {}
    for owner, cls, names, default in folder.instances:
        if owner == path or not _refers_to(text, owner, path):
            continue
        held = [n for n in names if n in text and _imported_by_name(text, n)]
        if default:
            held += [
                n
                for n, line in instances.default_names(text)
                if modules.names_file(line, path, owner)
            ]
        for method, entries in folder.methods[cls].items():
            for base in [b for p, b in entries if p == owner][:1]:
                found.update({(name, method): base for name in held})
    return found


def _clients_from_imports(folder: Folder, texts: list[tuple[Path, str, str]]) -> None:
    """The clients files make from a base they import (importedclients.py), shared as others."""
    for path, shown, text in texts:
        if not folder.shared or not importedclients.wants_second_reading(
            path, text, folder.defaults
        ):
            continue
        imported = imported_by(path, text, folder.shared)
        if not imported:
            continue
        default, named = importedclients.clients_from_imports(path, shown, text, imported)
        if default is not None:
            folder.defaults[path] = default
        for name, client in named.items():
            folder.shared.setdefault(name, []).append((path, client))


def _helpers_of_imported_bases(folder: Folder, texts: list[tuple[Path, str, str]]) -> None:
    """The helpers a file defines around a base it imports from another file (`const {
    AKOOL_BASE } = require("./config")`, then `fetch(AKOOL_BASE + path, ...)` in `akoolPost(path,
    body)`; `from config import AKOOL_BASE` in a client class's `post(self, path, body)`): the
    first reading saw each file's own bases only, so these are shared here, for a third file
    that imports the helper or makes an object of the class."""
    for path, shown, text in texts:
        imported = imported_by(path, text, folder.shared) if folder.shared else {}
        if not imported:
            continue
        lines = source.split_lines(text)
        bases = sites.Bases()
        bases.lines, bases.scopes = lines, Scopes(lines)
        bases.take_imported(imported)
        sites.definitions(shown, lines, bases)  # (`self.base = AKOOL_BASE`, a default parameter)
        sites.find_clients(lines, bases)
        wrappers.find_helpers(lines, bases)
        for name, helper in bases.helpers.items():
            owners = folder.helpers.setdefault(name, [])
            if helper is None or any(p == path for p, _ in owners):
                continue  # (the file's own bases found it in the first reading)
            owners.append((path, helper))
            owner = bases.owners.get(name, "")
            if owner and name.lower() in sites.HTTP_METHODS:
                folder.methods.setdefault(owner, {}).setdefault(name, []).append((path, helper))


WRAPPER_DEPTH = 2  # wrappers of wrappers of another file's helper, across files, followed so deep


def _imported_wrappers(folder: Folder, texts: list[tuple[Path, str, str]]) -> bool:
    """The functions of each file that give their path on to a helper they import from another
    file (`createJob(kind, postPath, body)` calling an imported `apiPost(postPath, body)`), added
    to the folder's helpers, so a third file's `createJob("x", "/v3/...", {...})` is a call.
    Whether any was added."""
    added = False
    known = {(n, p) for n, owners in folder.helpers.items() for p, _ in owners}
    for path, _, text in texts:
        if not folder.helpers or not any(n in text for n in folder.helpers):
            continue
        imported = imported_by(path, text, folder.helpers, functions=True)
        if not imported:
            continue
        for name, base in _own_wrappers(source.split_lines(text), imported).items():
            if (name, path) not in known:
                folder.helpers.setdefault(name, []).append((path, base))
                known.add((name, path))
                added = True
    return added


def _through_barrels(shared: Shared, barrels: dict[Path, set[Path]]) -> None:
    """Each shared name also as the barrels re-exporting its file give it (`export { V3 } from
    "./config"` in lib/index.ts: a file importing V3 from "../lib" takes config.ts's)."""
    if not barrels:
        return
    for owners in shared.values():
        held = {p for p, _ in owners}
        owners += [
            (f, b) for p, b in list(owners) for f in sorted(barrels.get(p, ())) if f not in held
        ]


def _reached_rows(
    folder: Folder,
    maps: list[tuple[Path, keyedpaths.Rows[pathnames.Held]]],
    texts: list[tuple[Path, str, str]],
) -> None:
    """The keys of each file's maps of maps that another file importing it reads off a row and
    gives to a call (`akoolGet(config.getPath)`): judged in the map's file, at each row."""
    keys = {k for _, rows in maps for k in rows.by_key if rows.several(k)}
    for reader, _, text in texts:
        if not keys or not any(k in text for k in keys):
            continue
        helpers = {n: b for n, owners in folder.helpers.items() for p, b in owners if p == reader}
        imported = imported_by(reader, text, folder.helpers, functions=True)
        helpers.update(imported)
        if imported:  # (`pollViaGet(getPath)` giving its path to an imported `akoolGet`)
            helpers.update(_own_wrappers(source.split_lines(text), imported))
        names = {n for _, rows in maps for n in rows.maps}
        found = [
            (key, ref, helpers[fn])
            for key, ref, fn in keyedpaths.given_reads(text, keys, set(helpers), names)
        ]
        for owner, rows in maps:
            mine = tuple(f for f in found if rows.several(f[0]))
            if mine and owner != reader and _refers_to(text, owner, reader):
                folder.reached[owner] = folder.reached.get(owner, ()) + mine


def wrappers_of_imported(
    lines: list[str], bases: sites.Bases, imported: dict[str, sites.Base]
) -> None:
    """The helpers of the folder a file imports, added to its own (its own definition wins), and
    the file's functions that give their path on to one of them (`pollViaGet(getPath, id)`
    calling an imported `akoolGet<T>(getPath, ...)`): wrappers too."""
    new = [n for n in imported if n not in bases.helpers]
    for helper, base in imported.items():
        bases.helpers.setdefault(helper, base)
    if new and any(n in line for line in lines for n in new):
        wrappers.find_helpers(lines, bases)


def _own_wrappers(lines: list[str], imported: dict[str, sites.Base]) -> dict[str, sites.Base]:
    """A file's functions that give their path on to a helper it imports (see
    wrappers_of_imported), with their bases."""
    bases = sites.Bases()
    bases.lines, bases.scopes = lines, Scopes(lines)
    bases.helpers.update(imported)
    wrappers.find_helpers(lines, bases)
    return {n: b for n, b in bases.helpers.items() if n not in imported and b is not None}


def _share_bases(folder: Folder, path: Path, shown: str, lines: list[str], scopes: Scopes) -> None:
    bases = sites.Bases()
    bases.lines, bases.scopes = lines, scopes
    for name, base in sites.definitions(shown, lines, bases).items():
        folder.shared.setdefault(name, []).append((path, base))
    sites.find_clients(lines, bases)  # (a helper that gives its path to a client of the file)
    for name, client in sharedclients.exported(bases, scopes).items():  # (`export const api`)
        folder.shared.setdefault(name, []).append((path, client))
    for key, client in httpfactory.registered(shown, lines, bases).items():  # (AddHttpClient)
        folder.configured["${" + key + "}"] = client
    sharedclients.keep_state(folder.state, lines, bases)  # (`app.state.akool = ...`)
    exported_default = sharedclients.default_client(lines, bases) if bases.clients else None
    if exported_default is not None and modules.family(path) == "js":
        folder.defaults[path] = exported_default
    wrappers.find_helpers(lines, bases)
    for name, helper in bases.helpers.items():
        if helper is None:
            continue
        folder.helpers.setdefault(name, []).append((path, helper))
        owner = bases.owners.get(name, "")
        if owner and name.lower() in sites.HTTP_METHODS:  # AkoolClient.post(path, body)
            by_method = folder.methods.setdefault(owner, {})
            by_method.setdefault(name, []).append((path, helper))


def imported_paths(
    path: Path, text: str, paths: dict[str, list[tuple[Path, pathnames.Held]]]
) -> dict[str, pathnames.Held]:
    """The path constants of other files that this file imports (`from endpoints import TALK`,
    `const { PATHS } = require("./paths")`, a package's other file): one path per name."""
    found: dict[str, pathnames.Held] = {}
    for name, owners in paths.items():
        if name not in text or any(p == path for p, _ in owners) or _binds(text, name):
            continue
        mine = {
            h.text: h for p, h in owners if _refers_to(text, p, path) or _same_package(path, [p])
        }
        if len(mine) == 1:
            found[name] = next(iter(mine.values()))
    return found


def client_methods(
    path: Path, text: str, methods: dict[str, Shared]
) -> dict[tuple[str, str], sites.Base]:
    """The verb-named methods of client classes of other files that this file imports and makes
    an object of (`client = new AkoolClient()`, `self.api = AkoolClient(key)`, Go's `c :=
    NewClient()`), by the name that holds the object: `client.post("/x", body)` is a call of the
    path the method joins."""
    found: dict[tuple[str, str], sites.Base] = {}
    for cls, by_method in methods.items():
        owners = [p for entries in by_method.values() for p, _ in entries]
        if cls not in text or path in owners:
            continue  # (the file's own class: see own_methods)
        if not (any(_refers_to(text, p, path) for p in owners) or _same_package(path, owners)):
            continue
        for method, entries in by_method.items():
            mine = [b for p, b in entries if _refers_to(text, p, path) or _same_package(path, [p])]
            for held in objects_of(text, cls) if mine else ():
                found[(held, method)] = mine[0]
    return found


def own_methods(text: str, bases: sites.Bases) -> None:
    """The verb-named methods of the file's own client classes, on the objects it makes of them
    (`client = AkoolClient()` then `client.get("/avatars")`)."""
    for fn, base in bases.helpers.items():
        owner = bases.owners.get(fn, "")
        if base is not None and owner and fn.lower() in sites.HTTP_METHODS:
            for held in objects_of(text, owner):
                bases.methods.setdefault((held, fn), base)


def objects_of(text: str, cls: str) -> Iterator[str]:
    """The names that hold an object of a class: made here (`client = new AkoolClient()`,
    `c := NewClient()`) or given typed (`(api: AkoolApi)`, `AkoolApi api`, `c *Client`)."""
    made = _made(cls)
    # Every match holds the class's name or `New(`: the pattern runs only over the lines that do
    # (and the line before each, for `client =` above `new Client(`), not over the whole text
    # once per imported class (a bundle importing hundreds of classes: quadratic, break21f #10).
    lines = _lines_of(text)
    wanted = sorted(
        {j for i, line in enumerate(lines) if cls in line or "New(" in line for j in (i - 1, i)}
    )
    for first, last in _runs([i for i in wanted if i >= 0]):
        run = "\n".join(lines[first : last + 1])
        for m in made.finditer(run):
            if m.group("r") and instances.given_another_base(run, m.end()):
                continue  # (`heygen = ApiClient(base=HEYGEN_BASE)`: not the class's AKOOL base)
            yield sites.name_of(m.group("r") or m.group("t") or m.group("j") or m.group("g"))


@lru_cache(maxsize=256)
def _made(cls: str) -> re.Pattern[str]:
    """The pattern of a statement that makes or declares an object of a class (objects_of)."""
    name = re.escape(cls)
    return re.compile(
        r"(?P<r>(?:self\.|this\.|\$this->|\$)?[A-Za-z_]\w*)[ \t]*(?::[ \t]*[\w<>.?]+[ \t]*)?:?=\s*"
        rf"(?:new\s+|await\s+|&)?(?:[\w.]+\.)?(?:{name}\s*[({{]|New(?:{name})?\()"
        rf"|[(,]\s*(?:(?:private|public|readonly|val|var)\s+)*\$?(?P<t>[A-Za-z_]\w*)\s*:\s*(?:[\w.]+\.)?{name}\b"
        rf"|\b{name}\s+\$?(?P<j>[A-Za-z_]\w*)\s*[,)=;]|(?P<g>[A-Za-z_]\w*)\s+\*(?:\w+\.)?{name}\b"
    )


@lru_cache(maxsize=4)
def _lines_of(text: str) -> list[str]:
    return text.split("\n")


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """Runs of consecutive indices (sorted), as (first, last)."""
    start = prev = -2
    for i in indices:
        if i != prev + 1:
            if start >= 0:
                yield start, prev
            start = i
        prev = i
    if start >= 0:
        yield start, prev


def imported_by(
    path: Path, text: str, shared: Shared, functions: bool = False
) -> dict[str, sites.Base]:
    """The bases of other files that this file imports: by name in an import, require, source or
    use line, read as an environment variable or a qualified name (config.BASE), or declared in
    the same folder by a language whose files share a package (Go, Java, Kotlin, C#). Helper
    functions (`functions`) only by name in an import line or as a method of a module the file
    imports (`from akool_client import AkoolClient`, then `c._send("/x", ...)`), and never one
    named like an HTTP method (client.post(...) is a client's, not another file's post())."""
    found: dict[str, sites.Base] = {}
    for name, owners in shared.items():
        if functions and (
            name.lower() in sites.HTTP_METHODS
            or not (
                _imported_by_name(text, name) or any(_refers_to(text, p, path) for p, _ in owners)
            )
        ):
            continue
        if name not in text or path in _owner_paths(owners):
            continue  # not used here, or the file's own definition wins
        others = [(p, b) for p, b in owners if p != path and _importable(path, p)]
        if not others or not _from_these(text, name, path, [p for p, _ in others]):
            continue
        if _binds(text, name):
            continue  # the file binds the name itself (to another host, or to a parameter)
        chosen = _by_module(path, text, others)
        if chosen is not None:
            found[name] = chosen
        elif (
            len({(b.host, b.prefix) for _, b in others}) == 1
            and others[0][1].prefix != sites.ELSEWHERE  # (by its module only: see _by_module)
            and not _from_elsewhere(text, name)
            and (
                _imports(text, name, [p for p, _ in others], path)
                or _same_package(path, [p for p, _ in others])
            )
        ):
            found[name] = others[0][1]
    return found


def _importable(importer: Path, owner: Path) -> bool:
    """Whether a file may take a name from another (modules.may_import), and the other is no
    docs page a code file imports: a Markdown page named like the module it documents
    (settings.md beside settings.py) is no module (break21i md-base-leak-stem)."""
    prose = owner.suffix.lower() in source.DOCS and modules.family(importer) != ""
    return not prose and modules.may_import(importer, owner)


# The files that bind a shared name, per owners list (kept with it, so its id is never reused
# while cached): a name every file of a big folder binds cost each file a walk over all of them
# (break21: 10,000 files took 64 s, quadratic).
_OWNER_PATHS: dict[int, tuple[list[tuple[Path, sites.Base]], int, frozenset[Path]]] = {}


def _owner_paths(owners: list[tuple[Path, sites.Base]]) -> frozenset[Path]:
    cached = _OWNER_PATHS.get(id(owners))
    if cached is None or cached[0] is not owners or cached[1] != len(owners):
        if len(_OWNER_PATHS) > 4096:
            _OWNER_PATHS.clear()
        cached = (owners, len(owners), frozenset(p for p, _ in owners))
        _OWNER_PATHS[id(owners)] = cached
    return cached[2]


def _from_elsewhere(text: str, name: str) -> bool:
    """Whether the file takes the name from a module none of the scanned files is: `const {
    host } = require("./config.json")` reads a JSON file's host, not a script's."""
    line = modules.named(
        r"^.*\b{word}\b.*\brequire\(\s*[\"'](?P<m>[^\"']+)[\"']", name, re.M
    ).search(text)
    return line is not None and line.group("m").endswith((".json", ".yaml", ".yml", ".toml"))


def _imported_by_name(text: str, name: str) -> bool:
    return bool(
        modules.named(IMPORTED_BY_NAME, name, re.M).search(text)
        or modules.named(r"\b{word}\b.*=\s*require\(", name).search(text)
    )


def _by_module(path: Path, text: str, owners: list[tuple[Path, sites.Base]]) -> sites.Base | None:
    """The base of the file this one imports the name from, by module (`from settings import`,
    `require("./config")`, `source ./env.sh`, a package's folder): the nearest such file when
    several define it."""
    named = [(p, b) for p, b in owners if _refers_to(text, p, path)]
    if not named and path.suffix in PACKAGE_SUFFIXES:
        named = [(p, b) for p, b in owners if p.parent == path.parent and p.suffix == path.suffix]
    if not named:
        return None
    named.sort(key=lambda pb: len(Path(os.path.relpath(pb[0].parent, path.parent)).parts))
    nearest = [b for p, b in named if p.parent == named[0][0].parent]
    return nearest[0] if len({(b.host, b.prefix) for b in nearest}) == 1 else None


def _from_these(text: str, name: str, path: Path, owners: list[Path]) -> bool:
    """Whether the file may take a name from one of these files: not when the line that
    imports it names a module that is none of them (`from app.services.akool import akool_get`
    beside a scanned `voicebot/akool_api.py` that defines one too)."""
    specs = modules.import_line_module(text, name)
    return not specs or any(
        modules.resolves(kind, spec, path, owner) for kind, spec in specs for owner in owners
    )


def _refers_to(text: str, owner: Path, importer: Path | None = None) -> bool:
    """Whether an import, require, include or source line names the owner's module: resolved
    from the importing file when its import lines say which module (see modules.names_file)."""
    if importer is not None:
        named = modules.names_file(text, importer, owner)
        if named is not None:
            return named
    stem = owner.stem if owner.stem not in ("__init__", "index", "mod") else owner.parent.name
    return modules.mentions_module(text, stem)


# What says a file takes a name from elsewhere (see _imports; modules.named's `{word}`).
IMPORTED_BY_NAME = r"^\s*(?:from|import|use|using|include|require)\b.*\b{word}\b"
IMPORT_OF = r"^\s*(?:from|import|export|use|using|include|require|source|\.)\b.*\b{word}\b"
REQUIRE_OF = r"(?:require|import)\(.*\).*\b{word}\b|\b{word}\b.*=\s*require\("
ENV_OF = r"(?:environ|getenv|Getenv|process\.env|ENV|env)\W{1,3}{word}\b"
QUALIFIED_OF = (
    r"(?<![\w$])(?!self\b|this\b|cls\b|env\b|ENV\b)(?P<q>[A-Za-z_]\w*)(?:\.|::|->){word}\b"
)


def _imports(
    text: str, name: str, owners: list[Path] | None = None, path: Path | None = None
) -> bool:
    """Whether the file takes a name from elsewhere: an import line, a require, a qualified name
    (config.BASE), or an environment variable (`os.environ["AKOOL_BASE"]`). A name in lower case
    only (`url`, `base`) is another file's only through an import or a module the file imports
    (`config.url` after `import config`): `env["url"]` and `env.url` of a parameter are a dict's.
    A code file's constant is no environment variable: `const AKOOL_API_URL = "..."` in one
    script is not another's `process.env.AKOOL_API_URL` (an env file's, a shell script's or a
    data file's is)."""
    if modules.named(IMPORT_OF, name, re.M).search(text) or modules.named(REQUIRE_OF, name).search(
        text
    ):
        return True
    plain = name == name.lower()
    code = owners is not None and all(modules.family(p) in CODE for p in owners)
    if not plain and not code and modules.named(ENV_OF, name).search(text):
        return True
    # (each name it is read on asked once: 4,000 `c.Root` in one file, each searching the whole
    # file for an import of `c`, took 36 s)
    on = {m["q"] for m in modules.named(QUALIFIED_OF, name).finditer(text)}
    return any(
        _module_imported(text, q, path, owners)
        and (not plain or _module_owns(text, q, path, owners))
        for q in on
    )


def _module_imported(text: str, module: str, path: Path | None, owners: list[Path] | None) -> bool:
    """Whether the name a file qualifies another's by (`config.BASE`, `Config::BASE`, Go's
    `config.BaseURL`) is a module or object it imports: named on an import line (Python's
    `import config`, `from app import settings`, JavaScript's `import * as config from`, `const
    config = require(...)`, PHP's `use App\\Config`), a package a Go file imports, or an owner's
    module that a file requires by its file name (Ruby's `AkoolConfig::BASE` after
    `require_relative "akool_config"`). Not any object's member: `this.cfg.apiBase`,
    `opts.apiBase`, a Go value's `c.Root` are the file's own."""
    if _imported_by_name(text, module):
        return True
    if path is not None and path.suffix == ".go":
        return modules.named(GO_IMPORT_OF, module, re.M).search(text) is not None
    squeezed = module.lower().replace("_", "")
    return any(
        p.stem.lower().replace("_", "").replace("-", "") == squeezed and _refers_to(text, p, path)
        for p in owners or ()
    )


# A Go import of a package by its path's last segment or an alias (`import "app/config"`, a
# line of an import block: `cfg "app/config"`).
GO_IMPORT_OF = r'^\s*(?:import\s+)?(?:{word}\s+"[^"\n]+"|"(?:[^"\n]*/)?{word}")\s*\)?\s*$'


def _module_owns(text: str, module: str, path: Path | None, owners: list[Path] | None) -> bool:
    """Whether the module a file imports by this name (`from pkg import config`) may be one of
    the owners' files: not when its import line names another module (`from akool_cli.sandbox
    import sandbox` beside a scanned notes.md that binds `base_url`)."""
    specs = modules.import_line_module(text, module)
    if path is None or not owners or not specs:
        return True
    joined = [
        (k, s + module if s.endswith(".") else f"{s}.{module}") for k, s in specs if k == "py"
    ]
    return any(modules.resolves(k, s, path, o) for k, s in [*specs, *joined] for o in owners)


CODE = frozenset({"js", "py", "php", "rb"})  # (families whose constants are no environment)


def _binds(text: str, name: str) -> bool:
    """Whether a file assigns a name itself (NAME = ..., self.NAME = ..., NAME: str = ...): not
    when the value is the same name read off an object the file imports (`private baseUrl:
    string = AKOOL_CONFIG.baseUrl` after `import { AKOOL_CONFIG } from "./config"`), which is
    the other file's."""
    for m in modules.named(r"(?<![\w$]){word}\s*(?::[^=\n]*)?=(?![=>])", name).finditer(text):
        taken = modules.named(IMPORTED_MEMBER, name).match(text, m.end())
        if taken is None or not _imported_by_name(text, taken.group("q")):
            return True
    return False


# The value of a binding read off another object under the bound name (`= AKOOL_CONFIG.baseUrl`).
IMPORTED_MEMBER = r"\s*(?!self\b|this\b|cls\b)(?P<q>[A-Za-z_$][\w$]*)(?:\.|::|->){word}\b(?![\w$(])"


PACKAGE_SUFFIXES = (".go", ".java", ".kt", ".cs")


def _same_package(path: Path, owners: list[Path]) -> bool:
    return path.suffix in PACKAGE_SUFFIXES and any(
        p.parent == path.parent and p.suffix == path.suffix for p in owners
    )

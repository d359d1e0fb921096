"""Finds AKOOL calls in existing scripts that differ from AKOOL's documentation, and says what the
documented call is. Each call is judged by its own endpoint in the catalogue of AKOOL's docs
(`catalogue.py`); the rules are data (`RULES`), and the docs' rule table is made from them.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from akool_cli import catalogue, contract
from akool_cli.catalogue import DocEndpoint, Retired

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})
MAX_FILE_BYTES = 5 * 1024 * 1024
# How far (in lines) a field may sit from the AKOOL call it belongs to.
NEARBY_LINES = 20
SAME_REQUEST_LINES = 10
AUTH_PAGE = catalogue.page_url("authentication/usage")


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

    def render(self) -> str:
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} "
            f"(documented: {self.documented}) [{self.rule}]"
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AuditResult:
    findings: list[Finding]
    files_scanned: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def summary(self) -> str:
        files = len({f.file for f in self.findings})
        return (
            f"{self.count('error')} error(s), {self.count('warning')} warning(s), "
            f"{self.count('info')} info in {files} of {self.files_scanned} file(s) scanned"
        )


# -- what an AKOOL call looks like ------------------------------------------------------------------

AKOOL_URL = re.compile(
    r"https?://(?P<host>[A-Za-z0-9.-]*akool[A-Za-z0-9.-]*)(?P<path>/[^\s\"'`)<>\\]*)?"
)
OPEN_API_PATH = re.compile(
    r"/api/open/v\d+/(?:[A-Za-z0-9_./$-]|\{[^{}\s]*\})*(?:[A-Za-z0-9_]|\{[^{}\s]*\})"
)
# Something that joins a base URL and a path: a host, ${VAR}, $VAR, {var}, {{var}} or a quote.
PATH_PREFIX = r"(?:akool[A-Za-z0-9.-]*|\}|\$\w+|[\"'`])"
IGNORE_COMMENT = re.compile(r"akool-audit:\s*ignore(?:\[(?P<rules>[^\]]*)\])?")


def _guess_pattern(guess: contract.WrongGuess) -> re.Pattern[str]:
    literal = re.escape(guess.pattern).replace(re.escape("{}"), r"[^\s\"'`?/]+")
    return re.compile(PATH_PREFIX + "(?P<path>" + literal + r")(?![A-Za-z0-9_-])")


GUESSES = [(guess, _guess_pattern(guess)) for guess in contract.UNDOCUMENTED_PATHS]


def _key_patterns(name: str) -> dict[str, re.Pattern[str]]:
    """Where `name` is a field sent to AKOOL, by kind of file.

    Everywhere: a quoted key ("name": / 'name': / \\"name\\": in a Postman body) or a query or
    form parameter (?name= / &name= / -F name=). In JavaScript also a bare object key (name:),
    which in Python would be a type annotation, so Python files do not get that form.
    """
    word = re.escape(name)
    common = (
        r"(?:\\?[\"'](?P<quoted>" + word + r")\\?[\"']\s*:(?!:))"
        r"|(?:[?&](?P<param>" + word + r")=)"
        r"|(?:(?:-F|--form|-d|--data|--data-urlencode)\s+[\"']?(?P<form>" + word + r")=)"
    )
    bare = r"|(?:(?:^\s*|[{,]\s*)(?P<bare>" + word + r")\s*:(?!:))"
    return {"python": re.compile(common), "other": re.compile(common + bare)}


MISNAMED = [
    (wrong, right, _key_patterns(wrong)) for wrong, right in contract.MISNAMED_FIELDS.items()
]
JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx")
ID_READ = re.compile(
    r"(?:\.|\[\s*[\"']|get\(\s*[\"'])(?P<name>" + re.escape(contract.GUESSED_ID_FIELD) + r")\b"
)
TOKEN_READ = re.compile(
    r"(?:\.|\[\s*[\"']|get\(\s*[\"'])(?P<name>"
    + "|".join(re.escape(n) for n in contract.GUESSED_TOKEN_FIELDS)
    + r")\b"
)
RESOLUTION_VALUE = re.compile(
    r"(?<![A-Za-z0-9_-])\\?[\"']?resolution\\?[\"']?\s*[:=]\s*(?P<value>\\?[\"'][^\"'\\\n]*\\?[\"']|[^\s,}\]\n]+)"
)
API_KEY_HEADER = re.compile(re.escape(contract.API_KEY_HEADER), re.IGNORECASE)
# A header being set ("Authorization: Bearer", 'Authorization': ..., addHeader("Authorization", ...)),
# not a table row or a sentence that names it.
BEARER_HEADER = re.compile(
    r"\b" + re.escape(contract.BEARER_HEADER) + r"(?:\s*:|\\?[\"']\s*[:,])", re.IGNORECASE
)
# A GET's fields are its query: a quoted key counts only on a line that builds query parameters.
QUERY_BUILDING = re.compile(r"params|query", re.IGNORECASE)


# -- one file: the places that name AKOOL endpoints -------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A place that names an AKOOL endpoint: a documented, retired, unknown or guessed path."""

    line: int
    column: int
    text: str
    kind: Literal["path", "url", "guess", "prefix"]
    endpoint: DocEndpoint | None = None
    retired: Retired | None = None
    guess: contract.WrongGuess | None = None


@dataclass
class FileContext:
    name: str
    lines: list[str]
    mentions: list[Mention] = field(default_factory=list)
    call_lines: list[int] = field(default_factory=list)
    # Indexes built once the mentions are known: documented endpoints and calls by line.
    _by_line: dict[int, list[DocEndpoint]] = field(default_factory=dict)
    _calls: frozenset[int] = frozenset()
    _seen: dict[tuple[int, int], list[DocEndpoint]] = field(default_factory=dict)

    @property
    def is_js(self) -> bool:
        return self.name.endswith(JS_SUFFIXES)

    def index(self) -> None:
        for m in self.mentions:
            if m.endpoint is not None:
                self._by_line.setdefault(m.line, []).append(m.endpoint)
        self._calls = frozenset(self.call_lines)

    def near_call(self, line: int, distance: int = NEARBY_LINES) -> bool:
        return any(n in self._calls for n in range(line - distance, line + distance + 1))

    def _endpoints(self, first: int, last: int) -> list[DocEndpoint]:
        key = (first, last)
        if key not in self._seen:
            found = {id(e): e for n in range(first, last + 1) for e in self._by_line.get(n, ())}
            self._seen[key] = list(found.values())
        return self._seen[key]

    def governing(self, line: int) -> list[DocEndpoint]:
        """The documented endpoints named within NEARBY_LINES of a line."""
        return self._endpoints(line - NEARBY_LINES, line + NEARBY_LINES)

    def answered_by(self, line: int) -> list[DocEndpoint]:
        """The documented endpoints called up to NEARBY_LINES before a line: a script reads an
        answer after it sends the request."""
        return self._endpoints(line - NEARBY_LINES, line)


@lru_cache(maxsize=4096)
def _documented(method: str | None, path: str) -> DocEndpoint | None:
    return catalogue.load().find(method, path)


def _path_mentions(i: int, line: str, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    for m in OPEN_API_PATH.finditer(line):
        if not any(a <= m.start() < b for a, b in taken):
            for path in _expand_braces(m.group(0)):
                yield _judge_path(i, m.start(), path, line[m.end() : m.end() + 1] == "/")


def _judge_path(i: int, column: int, path: str, continued: bool) -> Mention:
    """A path's mention; `continued`: the text goes on with "/" ("/voice/detail/" + id, or a
    prefix such as /api/open/v4/liveAvatar/session/...)."""
    docs = catalogue.load()
    endpoint = _documented(None, path)
    if endpoint is None and continued:
        endpoint = _documented(None, path + "/id")
        if endpoint is None and any(e.path.startswith(path + "/") for e in docs.endpoints):
            return Mention(i, column, path, "prefix")
    retired = docs.find_retired(path) if endpoint is None else None
    return Mention(i, column, path, "path", endpoint, retired)


def _expand_braces(path: str) -> list[str]:
    """/a/{create,close} (shell brace notation) names /a/create and /a/close."""
    m = re.search(r"\{([^{}]*,[^{}]*)\}", path)
    if m is None:
        return [path]
    return [path[: m.start()] + alt.strip() + path[m.end() :] for alt in m.group(1).split(",")]


def _url_mentions(i: int, line: str) -> Iterator[Mention]:
    """Documented endpoints outside /api/open/, such as the face-detection hosts' paths."""
    for m in AKOOL_URL.finditer(line):
        path = (m.group("path") or "").split("?")[0]
        if not path or OPEN_API_PATH.match(path):
            continue
        endpoint = _documented(None, path)
        if endpoint is not None and endpoint.host == m.group("host"):
            yield Mention(i, m.start("path"), path, "url", endpoint)


def find_mentions(ctx: FileContext) -> None:
    for i, line in enumerate(ctx.lines):
        before = len(ctx.mentions)
        taken: list[tuple[int, int]] = []
        for guess, pattern in GUESSES:
            for m in pattern.finditer(line):
                taken.append((m.start("path"), m.end("path")))
                endpoint = _documented(guess.endpoint.method, guess.endpoint.path)
                ctx.mentions.append(
                    Mention(i, m.start("path"), m.group("path"), "guess", endpoint, guess=guess)
                )
        ctx.mentions += _path_mentions(i, line, taken)
        ctx.mentions += _url_mentions(i, line)
        if AKOOL_URL.search(line) or len(ctx.mentions) > before:
            ctx.call_lines.append(i)
    ctx.index()


# -- the rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    line: int  # 0-based
    column: int  # 0-based
    found: str
    documented: str
    message: str


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    summary: str  # one line for the docs' rule table
    check: Callable[[FileContext], Iterator[Hit]]


def _where(endpoint: DocEndpoint) -> str:
    return f"{endpoint.method} {endpoint.path} ({endpoint.url})"


def check_guessed_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.mentions:
        if m.guess is not None:
            page = f" ({m.endpoint.url})" if m.endpoint else ""
            message = f"{m.guess.method} {m.text} is not in AKOOL's documentation{page}"
            yield Hit(m.line, m.column, m.text, m.guess.replacement, message)


def check_unknown_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.mentions:
        if m.kind == "path" and m.endpoint is None and m.retired is None:
            documented = "an endpoint in AKOOL's documentation (list them: akool api --list)"
            message = f"{m.text} is not in AKOOL's documentation"
            yield Hit(m.line, m.column, m.text, documented, message)


def check_retired_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.mentions:
        if m.retired is None:
            continue
        replacement = m.retired.replacement
        endpoint = catalogue.load().find(None, replacement) if replacement else None
        documented = _where(endpoint) if endpoint else "no documented replacement"
        message = (
            f"{m.text} is no longer in AKOOL's documentation (last documented "
            f"{m.retired.last_documented}); it may still answer today"
        )
        yield Hit(m.line, m.column, m.text, documented, message)


def check_token_flow(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.mentions:
        if m.kind == "path" and m.endpoint is not None and m.text == contract.GET_TOKEN.path:
            documented = f"the {contract.API_KEY_HEADER} header with an API key"
            message = (
                "the legacy getToken flow: an API key in the x-api-key header needs no token "
                f"({AUTH_PAGE})"
            )
            yield Hit(m.line, m.column, m.text, documented, message)


def _host_problem(host: str, path: str) -> Literal["wrong", "doubtful"] | None:
    docs = catalogue.load()
    if host in docs.hosts:
        return None
    if host in docs.doubtful_hosts:
        return "doubtful"
    api_like = path.startswith("/api/") or any(p.search(path) for _, p in GUESSES)
    api_like = api_like or any(
        path.startswith(g.pattern.split("{")[0].rstrip("/")) for g in contract.UNDOCUMENTED_PATHS
    )
    return "wrong" if api_like or host.startswith("api.") else None


def _host_hits(ctx: FileContext, kind: str) -> Iterator[Hit]:
    api_host = catalogue.load().api_host
    for i, line in enumerate(ctx.lines):
        for m in AKOOL_URL.finditer(line):
            host = m.group("host")
            if _host_problem(host, m.group("path") or "") != kind:
                continue
            if kind == "doubtful":
                message = f"{host} appears in AKOOL's pages only in an example that looks mistaken"
            else:
                message = f"{host} is not AKOOL's API host ({AUTH_PAGE})"
            yield Hit(i, m.start("host"), host, api_host, message)


def check_wrong_hosts(ctx: FileContext) -> Iterator[Hit]:
    return _host_hits(ctx, "wrong")


def check_doubtful_hosts(ctx: FileContext) -> Iterator[Hit]:
    return _host_hits(ctx, "doubtful")


def _misnamed_endpoint(wrong: str, right: str, nearby: list[DocEndpoint]) -> DocEndpoint | None:
    """The nearby endpoint that documents `right` and not `wrong`, unless another nearby one
    documents `wrong` itself (face detection and image-to-video do take image_url)."""
    if any(wrong in e.field_names() for e in nearby):
        return None
    return next((e for e in nearby if right in e.field_names()), None)


def check_misnamed_fields(ctx: FileContext) -> Iterator[Hit]:
    for i, line in enumerate(ctx.lines):
        nearby = ctx.governing(i)
        if not nearby:
            continue
        for wrong, right, patterns in MISNAMED:
            endpoint = _misnamed_endpoint(wrong, right, nearby)
            if endpoint is None:
                continue
            for m in patterns["other" if ctx.is_js else "python"].finditer(line):
                group = next(g for g, v in m.groupdict().items() if v)
                if (
                    endpoint.method == "GET"
                    and group != "param"
                    and not QUERY_BUILDING.search(line)
                ):
                    continue  # e.g. "task_id" in a documented answer, not in the request
                message = f"{wrong} is not a field of {_where(endpoint)}"
                yield Hit(i, m.start(group), wrong, right, message)


def _resolution_enum(nearby: list[DocEndpoint]) -> tuple[DocEndpoint, tuple[str, ...]] | None:
    """The documented choices of the nearby endpoints' resolution field, when they all list them."""
    fields = [(e, e.field("resolution")) for e in nearby]
    known = [(e, f) for e, f in fields if f is not None]
    if not known or any(f.enum is None for _, f in known):
        return None
    choices = tuple(dict.fromkeys(v for _, f in known for v in f.enum or ()))
    return known[0][0], choices


def check_resolutions(ctx: FileContext) -> Iterator[Hit]:
    for i, line in enumerate(ctx.lines):
        for m in RESOLUTION_VALUE.finditer(line):
            found = _resolution_enum(ctx.governing(i))
            raw = m.group("value").strip()
            if found is None or _is_variable(raw):
                continue
            endpoint, choices = found
            value = raw.replace("\\", "").strip("\"'")
            quoted = raw.replace("\\", "")[:1] in ("'", '"')
            if not quoted or value not in choices:
                documented = " or ".join(f'"{v}"' for v in choices)
                message = (
                    f"resolution {raw} is not one of the documented strings of {_where(endpoint)}"
                )
                yield Hit(i, m.start("value"), raw, documented, message)


def check_task_id_reads(ctx: FileContext) -> Iterator[Hit]:
    create = _documented("POST", contract.CREATE_TALKING_PHOTO.path)
    page = create.url if create else catalogue.DOCS_SITE
    for i, line in enumerate(ctx.lines):
        if not any(e.path == contract.CREATE_TALKING_PHOTO.path for e in ctx.answered_by(i)):
            continue
        for m in ID_READ.finditer(line):
            if line[max(0, m.start("name") - 1) : m.start("name")] in ("?", "&"):
                continue  # a query parameter: misnamed-field's business
            message = f"AKOOL's answers have no task_id; the job id is data._id ({page})"
            yield Hit(
                i, m.start("name"), m.group("name"), f"data.{contract.CREATE_ID_FIELD}", message
            )


def check_token_fields(ctx: FileContext) -> Iterator[Hit]:
    for i, line in enumerate(ctx.lines):
        if not any(e.path == contract.GET_TOKEN.path for e in ctx.answered_by(i)):
            continue
        for m in TOKEN_READ.finditer(line):
            documented = f"the top-level {contract.TOKEN_FIELD} field of the getToken answer"
            message = f"AKOOL's getToken answer has no {m.group('name')} ({AUTH_PAGE})"
            yield Hit(i, m.start("name"), m.group("name"), documented, message)


def check_both_auth_headers(ctx: FileContext) -> Iterator[Hit]:
    for i, line in enumerate(ctx.lines):
        bearer = BEARER_HEADER.search(line)
        if not bearer or not ctx.near_call(i):
            continue
        window = ctx.lines[max(0, i - SAME_REQUEST_LINES) : i + SAME_REQUEST_LINES + 1]
        if any(API_KEY_HEADER.search(t) for t in window):
            documented = f"one of {contract.API_KEY_HEADER} or Authorization"
            message = (
                "both x-api-key and Authorization are set; AKOOL uses Authorization and "
                f"ignores the key ({AUTH_PAGE})"
            )
            yield Hit(i, bearer.start(), contract.BEARER_HEADER, documented, message)


RULES: tuple[Rule, ...] = (
    Rule(
        "undocumented-path",
        "error",
        "a path AKOOL never documented that scripts often guess (`/auth`, `/photo/talking`, ...)",
        check_guessed_paths,
    ),
    Rule(
        "unknown-endpoint",
        "error",
        "an `/api/open/vN/...` path that is not in AKOOL's documentation",
        check_unknown_paths,
    ),
    Rule(
        "retired-endpoint",
        "warning",
        "a path AKOOL documented once and no longer does; names the documented replacement",
        check_retired_paths,
    ),
    Rule(
        "wrong-host",
        "error",
        "an AKOOL host that is not AKOOL's API host (e.g. `api.akool.com`)",
        check_wrong_hosts,
    ),
    Rule(
        "doubtful-host",
        "error",
        "a host that AKOOL's pages show only in an example that looks mistaken",
        check_doubtful_hosts,
    ),
    Rule(
        "misnamed-field",
        "error",
        "a field name the nearby endpoint does not document, where it documents another for it",
        check_misnamed_fields,
    ),
    Rule(
        "bad-resolution",
        "error",
        'a resolution the nearby endpoint does not list (talking photo: `"720"` or `"1080"`)',
        check_resolutions,
    ),
    Rule(
        "task-id-read",
        "error",
        "reading `task_id` from a talking-photo answer, whose job id is `data._id`",
        check_task_id_reads,
    ),
    Rule(
        "oauth-token-field",
        "error",
        "reading `access_token` or `expires_in` from getToken's answer, which has `token`",
        check_token_fields,
    ),
    Rule(
        "both-auth-headers",
        "warning",
        "both `x-api-key` and `Authorization` on one request (AKOOL ignores the key)",
        check_both_auth_headers,
    ),
    Rule(
        "legacy-token-flow",
        "info",
        "the getToken flow, which an API key in `x-api-key` makes unnecessary",
        check_token_flow,
    ),
)
RULE_NAMES = tuple(rule.name for rule in RULES)


# -- running the rules on a file --------------------------------------------------------------------


def ignored_rules(line: str) -> frozenset[str] | None:
    """What an `akool-audit: ignore[rule, ...]` comment silences on its line (empty: every rule)."""
    m = IGNORE_COMMENT.search(line)
    if m is None:
        return None
    names = m.group("rules")
    return frozenset(n.strip() for n in names.split(",") if n.strip()) if names else frozenset()


def _silenced(ctx: FileContext, hit: Hit, rule: str) -> bool:
    ignored = ignored_rules(ctx.lines[hit.line])
    return ignored is not None and (not ignored or rule in ignored)


def audit_text(text: str, name: str, rules: Iterable[Rule] = RULES) -> list[Finding]:
    """The findings of the rules in one file's text, one per place (line, rule, what was found)."""
    ctx = FileContext(name, text.splitlines())
    find_mentions(ctx)
    if not ctx.call_lines:
        return []
    found: dict[tuple[int, str, str], Finding] = {}
    for rule in rules:
        for hit in rule.check(ctx):
            if _silenced(ctx, hit, rule.name):
                continue
            found.setdefault(
                (hit.line, rule.name, hit.found),
                Finding(
                    name,
                    hit.line + 1,
                    hit.column + 1,
                    rule.name,
                    rule.severity,
                    hit.found,
                    hit.documented,
                    hit.message,
                ),
            )
    return sorted(found.values(), key=lambda f: (f.line, f.column, f.rule))


def choose_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules --select keeps (all when empty) minus those --ignore drops; unknown names raise."""
    chosen, dropped = set(select), set(ignore)
    unknown = sorted((chosen | dropped) - set(RULE_NAMES))
    if unknown:
        raise KeyError(", ".join(unknown))
    return tuple(r for r in RULES if (not chosen or r.name in chosen) and r.name not in dropped)


# -- scanning ---------------------------------------------------------------------------------------


def iter_files(
    paths: Iterable[Path], include: list[str], exclude: list[str]
) -> Iterator[tuple[Path, str]]:
    """(path, name to report) for every regular file under paths, .git and friends skipped."""
    for root in paths:
        candidates: Iterable[Path] = _walk(root) if root.is_dir() else [root]
        for path in candidates:
            if not _is_regular(path):
                continue  # FIFOs, sockets and devices would block or never end
            shown = str(path)
            relative = str(path.relative_to(root)) if root.is_dir() else path.name
            if include and not any(_matches(relative, shown, g) for g in include):
                continue
            if any(_matches(relative, shown, g) for g in exclude):
                continue
            yield path, shown


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _matches(relative: str, shown: str, glob: str) -> bool:
    return (
        fnmatch.fnmatch(relative, glob)
        or fnmatch.fnmatch(shown, glob)
        or fnmatch.fnmatch(os.path.basename(relative), glob)
    )


def _walk(root: Path) -> Iterator[Path]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(directory) / name


def read_text(path: Path) -> str | None:
    """The file as text, or None for binary, huge or unreadable files."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in data[:8192]:
        return None
    return data.decode("utf-8", "replace")


def audit(
    paths: Iterable[Path],
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    rules: Iterable[Rule] = RULES,
) -> AuditResult:
    chosen = tuple(rules)
    findings: list[Finding] = []
    scanned = 0
    for path, shown in iter_files(paths, include or [], exclude or []):
        text = read_text(path)
        if text is None:
            continue
        scanned += 1
        findings += audit_text(text, shown, chosen)
    findings.sort(key=lambda f: (f.file, f.line, f.column))
    return AuditResult(findings, scanned)


def _is_variable(raw: str) -> bool:
    """A value that is a name, not a literal: resolution = args.resolution, $RES, {{res}}."""
    text = raw.replace("\\", "")
    if text[:1] in ("'", '"'):
        return False
    return bool(re.match(r"^[A-Za-z_$({]", text)) and text not in ("true", "false", "null", "None")


def rules_table() -> str:
    """The rule table of docs/audit.md, made from RULES."""
    lines = ["| rule | severity | finds |", "|---|---|---|"]
    lines += [f"| `{r.name}` | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(lines)

"""Finds AKOOL calls in existing scripts that differ from the documented contract, and says what
the documented call is. Every rule takes its knowledge from contract.py, so teaching the client an
endpoint teaches the audit too.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from akool_cli import contract

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})
MAX_FILE_BYTES = 5 * 1024 * 1024
# How far (in lines) a field may sit from the AKOOL call it belongs to.
NEARBY_LINES = 20
SAME_REQUEST_LINES = 10


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
            f"(documented: {self.documented})"
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
OPEN_API_PATH = re.compile(r"/api/open/v\d+/[A-Za-z0-9_./{}$-]*[A-Za-z0-9_}]")
# Something that joins a base URL and a path: a host, ${VAR}, $VAR, {var}, {{var}} or a quote.
PATH_PREFIX = r"(?:akool[A-Za-z0-9.-]*|\}|\$\w+|[\"'`])"


def _guess_pattern(guess: contract.WrongGuess) -> re.Pattern[str]:
    literal = re.escape(guess.pattern).replace(re.escape("{}"), r"[^\s\"'`?/]+")
    return re.compile(PATH_PREFIX + "(?P<path>" + literal + r")(?![A-Za-z0-9_-])")


GUESSES = [(guess, _guess_pattern(guess)) for guess in contract.UNDOCUMENTED_PATHS]
DOCUMENTED_PATHS = {e.path for e in contract.ENDPOINTS}


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
RESOLUTION_FIELD = next(f for f in contract.CREATE_TALKING_PHOTO.body if f.name == "resolution")
RESOLUTION_VALUE = re.compile(
    r"(?<![A-Za-z0-9_-])\\?[\"']?resolution\\?[\"']?\s*[:=]\s*(?P<value>\\?[\"'][^\"'\\\n]*\\?[\"']|[^\s,}\]\n]+)"
)
API_KEY_HEADER = re.compile(re.escape(contract.API_KEY_HEADER), re.IGNORECASE)
BEARER_HEADER = re.compile(r"\b" + re.escape(contract.BEARER_HEADER) + r"\b", re.IGNORECASE)


# -- scanning ---------------------------------------------------------------------------------------


def iter_files(
    paths: Iterable[Path], include: list[str], exclude: list[str]
) -> Iterator[tuple[Path, str]]:
    """(path, name to report) for every text file under paths, .git and friends skipped."""
    for root in paths:
        if root.is_file():
            candidates: Iterable[Path] = [root]
        else:
            candidates = _walk(root)
        for path in candidates:
            shown = str(path)
            relative = str(path.relative_to(root)) if root.is_dir() else path.name
            if include and not any(_matches(relative, shown, g) for g in include):
                continue
            if any(_matches(relative, shown, g) for g in exclude):
                continue
            yield path, shown


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
    paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None
) -> AuditResult:
    findings: list[Finding] = []
    scanned = 0
    for path, shown in iter_files(paths, include or [], exclude or []):
        text = read_text(path)
        if text is None:
            continue
        scanned += 1
        findings += audit_text(text, shown)
    findings.sort(key=lambda f: (f.file, f.line, f.column))
    return AuditResult(findings, scanned)


def audit_text(text: str, name: str) -> list[Finding]:
    lines = text.splitlines()
    calls = _call_lines(lines)
    if not calls:
        return []
    found: dict[tuple[int, int, str], Finding] = {}

    def add(
        line: int,
        column: int,
        rule: str,
        severity: Severity,
        what: str,
        documented: str,
        message: str,
    ) -> None:
        found.setdefault(
            (line, column, rule),
            Finding(name, line + 1, column + 1, rule, severity, what, documented, message),
        )

    def near(line: int, distance: int = NEARBY_LINES) -> bool:
        return any(abs(line - c) <= distance for c in calls)

    getter_lines = [i for i, t in enumerate(lines) if contract.GET_TOKEN.path in t]
    for i, line in enumerate(lines):
        taken: list[tuple[int, int]] = []
        for guess, pattern in GUESSES:
            for m in pattern.finditer(line):
                start = m.start("path")
                taken.append((start, m.end("path")))
                add(
                    i,
                    start,
                    "undocumented-path",
                    "error",
                    m.group("path"),
                    guess.replacement,
                    f"{guess.method} {m.group('path')} is not in AKOOL's documentation",
                )
        for m in OPEN_API_PATH.finditer(line):
            if any(a <= m.start() < b for a, b in taken):
                continue
            path = m.group(0).split("?")[0]
            if contract.find_endpoint(None, path) is None:
                add(
                    i,
                    m.start(),
                    "unknown-endpoint",
                    "error",
                    path,
                    "the endpoints in akool-api.md",
                    f"{path} is not in AKOOL's documentation",
                )
            elif path == contract.GET_TOKEN.path:
                add(
                    i,
                    m.start(),
                    "legacy-token-flow",
                    "info",
                    path,
                    f"the {contract.API_KEY_HEADER} header with an API key",
                    "the legacy getToken flow: an API key in the x-api-key header needs no token",
                )
        for m in AKOOL_URL.finditer(line):
            host, path = m.group("host"), m.group("path") or ""
            api_like = path.startswith("/api/") or any(p.search(path) for _, p in GUESSES)
            api_like = api_like or any(
                path.startswith(g.pattern.split("{")[0].rstrip("/"))
                for g in contract.UNDOCUMENTED_PATHS
            )
            if host != contract.DOCUMENTED_HOST and (api_like or host.startswith("api.")):
                add(
                    i,
                    m.start("host"),
                    "wrong-host",
                    "error",
                    host,
                    contract.DOCUMENTED_HOST,
                    f"{host} is not AKOOL's API host",
                )
        if near(i):
            for wrong, right, patterns in MISNAMED:
                pattern = patterns["other" if name.endswith(JS_SUFFIXES) else "python"]
                for m in pattern.finditer(line):
                    group = next(g for g, v in m.groupdict().items() if v)
                    if wrong in ("client_id", "client_secret") and not _near_any(
                        i, getter_lines + calls
                    ):
                        continue
                    add(
                        i,
                        m.start(group),
                        "misnamed-field",
                        "error",
                        wrong,
                        right,
                        f"{wrong} is not a documented field",
                    )
            for m in ID_READ.finditer(line):
                if _is_query_param(line, m.start("name")):
                    continue
                add(
                    i,
                    m.start("name"),
                    "task-id-read",
                    "error",
                    m.group("name"),
                    f"data.{contract.CREATE_ID_FIELD}",
                    "AKOOL's answers have no task_id; the job id is data._id",
                )
            for m in RESOLUTION_VALUE.finditer(line):
                raw = m.group("value").strip()
                value = raw.replace("\\", "").strip("\"'")
                quoted = raw.replace("\\", "")[:1] in ("'", '"')
                if _is_variable(raw):
                    continue
                if not quoted or value not in (RESOLUTION_FIELD.enum or ()):
                    add(
                        i,
                        m.start("value"),
                        "bad-resolution",
                        "error",
                        raw,
                        " or ".join(f'"{v}"' for v in RESOLUTION_FIELD.enum or ()),
                        f"resolution {raw} is not one of the documented strings",
                    )
        if near(i):
            for m in TOKEN_READ.finditer(line):
                add(
                    i,
                    m.start("name"),
                    "oauth-token-field",
                    "error",
                    m.group("name"),
                    f"the top-level {contract.TOKEN_FIELD} field of the getToken answer",
                    f"AKOOL's getToken answer has no {m.group('name')}",
                )
        bearer = BEARER_HEADER.search(line)
        if bearer and near(i):
            window = lines[max(0, i - SAME_REQUEST_LINES) : i + SAME_REQUEST_LINES + 1]
            if any(API_KEY_HEADER.search(t) for t in window):
                add(
                    i,
                    bearer.start(),
                    "both-auth-headers",
                    "warning",
                    contract.BEARER_HEADER,
                    f"one of {contract.API_KEY_HEADER} or Authorization",
                    "both x-api-key and Authorization are set; AKOOL uses Authorization and "
                    "ignores the key",
                )
    return sorted(found.values(), key=lambda f: (f.line, f.column))


def _call_lines(lines: list[str]) -> list[int]:
    """Lines that make (or name) an AKOOL call: a documented or guessed path, or an AKOOL URL."""
    calls = []
    for i, line in enumerate(lines):
        if (
            AKOOL_URL.search(line)
            or OPEN_API_PATH.search(line)
            or any(p.search(line) for _, p in GUESSES)
            or any(path in line for path in DOCUMENTED_PATHS)
        ):
            calls.append(i)
    return calls


def _near_any(line: int, anchors: list[int]) -> bool:
    return any(abs(line - a) <= NEARBY_LINES for a in anchors)


def _is_query_param(line: str, start: int) -> bool:
    return line[max(0, start - 1) : start] in ("?", "&")


def _is_variable(raw: str) -> bool:
    """A value that is a name, not a literal: resolution = args.resolution, $RES, {{res}}."""
    text = raw.replace("\\", "")
    if text[:1] in ("'", '"'):
        return False
    return bool(re.match(r"^[A-Za-z_$({]", text)) and text not in ("true", "false", "null", "None")

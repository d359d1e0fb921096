"""The audit's rules as data: each has a name, a severity, a one-line summary (the docs' rule
table is made from them) and a check that yields the places of one file that break it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from akool_cli.audit.calls import (
    AKOOL_URL,
    API_KEY_HEADER,
    BEARER_HEADER,
    GUESSES,
    ID_READ,
    MISNAMED,
    QUERY_BUILDING,
    RESOLUTION_VALUE,
    SAME_REQUEST_LINES,
    TOKEN_READ,
    FileContext,
    documented,
)
from akool_cli.core import catalogue, contract
from akool_cli.core.catalogue import DocEndpoint

Severity = Literal["error", "warning", "info"]
AUTH_PAGE = catalogue.page_url("authentication/usage")


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
    create = documented("POST", contract.CREATE_TALKING_PHOTO.path)
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

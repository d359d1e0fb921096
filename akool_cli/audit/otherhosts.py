"""Paths sent through a class or an object whose own base is another vendor's host (`class
HeyGen(Client): base_url = "https://api.heygen.com"` beside `class Akool(Client)`, Go's `heygen :=
&Client{Base: "https://api.heygen.com"}`, PHP's `$heygen = new Client(['base_uri' => ...])`,
Laravel's `Http::macro('heygen', ...)`): not AKOOL calls, whatever base the shared helper has."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import rx
from akool_cli.audit.hosts import URL_HOST, other_host
from akool_cli.audit.scopes import CLASS_LINES, class_header

# A class's own base bound to a literal: an attribute, a field, a constant, a property or a
# constructor parameter's default named for a base (`base_url = "..."`, `protected base = "..."`,
# `BASE_URL = "..."`, `protected string $baseUrl = '...'`, `def __init__(self, base_url="...")`,
# Ruby's `base_url: "..."`, Kotlin's `val base: String = "..."`).
BASE_FIELD = rx.compile(
    r"(?<![\w.$])(?:self\.|this\.|@|\$this->|\$)?(?:api_?)?(?:base(?:_?ur[il])?|host)"
    r"\s*(?::\s*[\w|?]+\s*)?[:=]\s*(?P<v>[\"'][^\"']*[\"'])",
    re.IGNORECASE,
)
# The receiver of a verb: `heygen.`, `$heygen->`, `Http::heygen()->` (a Laravel macro).
RECEIVER = rx.compile(r"(?:(?P<macro>\w+)\s*\(\s*\)|\$?(?P<r>[A-Za-z_]\w*))\s*(?:\.|->)\s*$")
BINDING_LINES = 200  # lines above a call in which its receiver's binding is looked for


def other_vendor(lines: list[str], i: int, line: str, at: int) -> bool:
    """Whether the verb at a column of line i is sent through another vendor's base: the class
    around the call (`self.`/`this.`/no receiver) binds its base to another host, or the named
    receiver was made with one."""
    m = RECEIVER.search(line, max(0, at - 80), at)
    name = m.group("r") if m is not None else None
    if m is not None and m.group("macro"):
        return _macro_other(lines, m.group("macro"))
    if name is None or name in ("self", "this", "cls"):
        return _class_other(lines, i)
    return _made_other(lines, i, name)


def _class_other(lines: list[str], i: int) -> bool:
    body = _class_body(lines, i)
    return body is not None and _body_other(body)


def _class_body(lines: list[str], i: int) -> tuple[str, ...] | None:
    """The lines of the class around line i (None: the line is in none)."""
    header = class_header(lines, i)
    if header is None:
        return None
    return tuple(_body(lines, header, len(lines[header]) - len(lines[header].lstrip())))


# The /api/open[/vN] prefix of an AKOOL base a class binds.
OPEN_PREFIX = rx.compile(r"akool\.[A-Za-z]{2,}(?P<p>/api/open(?:/v\d+)?)/?[\"']$", re.IGNORECASE)


def class_prefix(lines: list[str], i: int) -> str | None:
    """The /api/open/vN prefix of the AKOOL base the class around line i binds as its own
    (`class V4: def __init__(self, base_url="https://openapi.akool.com/api/open/v4")`), so a
    helper every class defines alike joins the path to its own class's version; None if none."""
    body = _class_body(lines, i)
    return _body_prefix(body) if body is not None else None


@lru_cache(maxsize=256)
def _body_prefix(body: tuple[str, ...]) -> str | None:
    found = {
        p.group("p")
        for t in body
        for m in BASE_FIELD.finditer(t)
        if (p := OPEN_PREFIX.search(m.group("v"))) is not None
    }
    return found.pop() if len(found) == 1 else None


def _body(lines: list[str], header: int, ind: int) -> list[str]:
    """A class's lines, its header's included, up to the next line as little indented."""
    body = [lines[header]]
    for text in lines[header + 1 : header + CLASS_LINES]:
        if text.strip() and len(text) - len(text.lstrip()) <= ind:
            break
        body.append(text)
    return body


@lru_cache(maxsize=256)
def _body_other(body: tuple[str, ...]) -> bool:
    """A class that binds its own base to another host and names no AKOOL URL."""
    if any(not other_host(t) and URL_HOST.search(t) for t in body):
        return False  # (an AKOOL URL in the class: its calls are judged)
    return any(other_host(m.group("v")) for t in body for m in BASE_FIELD.finditer(t))


def _made_other(lines: list[str], i: int, name: str) -> bool:
    """A receiver whose nearest binding above makes an object given another host (`heygen :=
    &Client{Base: "https://api.heygen.com"}`, `$heygen = new Client([...])`)."""
    binding = rx.compile(
        r"^\s*(?:(?:var|let|const|val|final)\s+)?\$?" + re.escape(name) + r"\s*:?="
    )
    for j in range(i - 1, max(i - BINDING_LINES, -1), -1):
        m = binding.match(lines[j])
        if m is not None:
            return other_host(lines[j][m.end() :])
    return False


def _macro_other(lines: list[str], macro: str) -> bool:
    """A Laravel macro (`Http::macro('heygen', fn () => Http::baseUrl('https://...'))`) defined
    with another host."""
    needle = rx.compile(r"macro\(\s*['\"]" + re.escape(macro) + r"['\"]")
    return any(needle.search(t) is not None and other_host(t) for t in lines)

"""Bases a constructor gives another constructor of its own class (Java's `this(apiKey,
"https://openapi.akool.com/api/open/v3");`, C#'s `: this(key, "https://...")`, Kotlin's secondary
`constructor(key: String) : this(key, BASE)`), bound to the attribute the constructor it calls
keeps that parameter in (`this.baseUrl = baseUrl;`, C#'s `_baseUrl = baseUrl;`), so that the
class's helpers joining the attribute (`URI.create(baseUrl + path)`) are wrappers of the base;
only when every such call of the class gives the same AKOOL base and the file makes no object of
the class with a URL of its own."""

from __future__ import annotations

import re
from pathlib import PurePath

from akool_cli.audit import arguments, declared, rx
from akool_cli.audit.sites import Base, Bases
from akool_cli.audit.superbases import (
    Parent,
    _base_of,
    _bind,
    _class_of,
    _parameter_names,
)

# A call of another constructor of the class, its `(` ending the match: Java's `this(` as a
# statement, C#'s and Kotlin's `: this(` after a constructor's parameters.
THIS_CALL = rx.compile(r"(?:^\s*|\)\s*:\s*)this\s*\(")
# A parameter kept in an attribute: `this.baseUrl = baseUrl;`, C#'s `_baseUrl = baseUrl;`,
# `BaseUrl = baseUrl;` (one statement).
KEPT = rx.compile(
    r"^\s*(?:this\.)?(?P<a>[A-Za-z_]\w*)\s*=(?!=)\s*(?P<p>[A-Za-z_]\w*)\s*(?:\?\?[^;]*)?;?\s*$"
)
BODY_LINES = 20  # how far a constructor's body is read for the attributes it keeps
OTHER_URL = rx.compile(r"[\"']https?://(?![\w.-]*akool\.)")


def delegated(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """Bind, in `bases`, the attributes the constructors of the file's classes keep a base in that
    another constructor of the class gives them (see the module's docstring)."""
    if PurePath(name).suffix.lower() not in declared.SUFFIXES or "this(" not in text.replace(
        " (", "("
    ):
        return
    given: dict[tuple[str, int, str], list[Base | None]] = {}
    ctors: dict[tuple[str, int], Parent] = {}
    for i, line in enumerate(lines):
        m = THIS_CALL.search(line) if "this" in line and len(line) <= 2000 else None
        if m is None:
            continue
        owner = _class_of(lines, i)
        spans = arguments.spans(line, m.end())
        ctor = _constructor(lines, owner, len(spans), i) if owner else None
        if ctor is None:
            continue
        ctors[(owner, ctor.line)] = ctor
        for k, (a, b) in enumerate(spans):
            if k < len(ctor.order):
                param = ctor.order[k]
                given.setdefault((owner, ctor.line, param), []).append(
                    _base_of(line[a:b].strip(), bases, i)
                )
    for (owner, at, param), values in given.items():
        first = values[0]
        if first is None or any(v != first for v in values) or _made_with_url(lines, owner):
            continue
        _bind(lines, bases, ctors[(owner, at)], param, first)


def _constructor(lines: list[str], owner: str, count: int, caller: int) -> Parent | None:
    """The constructor of class `owner` with `count` parameters (not the one on line `caller`),
    with the attributes its body keeps its parameters in."""
    head = re.compile(
        rf"^\s*(?:(?:public|private|protected|internal)\s+)?(?:{re.escape(owner)}|constructor)\s*\("
    )
    for j, line in enumerate(lines):
        if j == caller or (owner not in line and "constructor" not in line):
            continue
        m = head.match(line)
        if m is None or _class_of(lines, j) != owner:
            continue
        order = _parameter_names(" ".join(lines[j : j + 4]), m.end())
        if len(order) != count:
            continue
        kept: dict[str, tuple[str, int]] = {}
        for k in range(j + 1, min(j + BODY_LINES, len(lines))):
            found = KEPT.match(lines[k])
            own = found is not None and (found["a"] != found["p"] or "this." in lines[k])
            if found is not None and own and found["p"] in order:
                kept.setdefault(found["p"], (found["a"], k))  # (`x = x;` alone keeps nothing)
            if lines[k].strip() == "}":
                break
        return Parent(j, order, kept)
    return None


def _made_with_url(lines: list[str], owner: str) -> bool:
    """Whether the file makes an object of the class with a URL of its own (`new AkoolClient(key,
    "https://proxy...")`): the base the constructors give is then not the only one."""
    made = re.compile(rf"\bnew\s+{re.escape(owner)}\s*\(")
    return any(made.search(line) and OTHER_URL.search(line) for line in lines if owner in line)

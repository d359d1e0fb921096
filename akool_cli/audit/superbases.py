"""Bases a subclass gives up to its parent's constructor (`super().__init__(key, "https://openapi.akool.com/api/open/v3")`, `super(key, base_url=BASE)`, TypeScript's and Java's `super(BASE, key)`), bound to the attribute the parent keeps it in (`self.base_url = base_url`, TypeScript's `constructor(protected baseUrl: string)`), so that the parent's helpers joining that attribute (`self._post(path, body)`) are wrappers of the base; only when every subclass of the file gives the parent the same AKOOL base."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from akool_cli.audit import arguments, rx
from akool_cli.audit.scopes import function_def
from akool_cli.audit.sites import Base, Bases, _field_declared, literal_base

# The call that gives a parent's constructor its arguments, its `(` ending the match: Python's
# `super().__init__(`, `super(Sub, self).__init__(`, `Parent.__init__(self, `; JavaScript's,
# TypeScript's, Java's and Kotlin's `super(` (in a constructor).
SUPER_CALL = rx.compile(
    r"\bsuper\s*\(\s*(?:\w+\s*,\s*self\s*)?\)\s*\.\s*__init__\s*\(|(?<![\w.])super\s*\("
    r"|\b(?P<named>[A-Z]\w*)\.__init__\s*\(\s*self\s*,"
)
# A class and the parent it extends: Python's `class Sub(Parent):`, `class Sub extends Parent`
# (TypeScript, JavaScript, Java; type arguments allowed), Kotlin's `class Sub(...) : Parent(`.
CLASS_HEAD = rx.compile(
    r"^(?P<ind>\s*)(?:export\s+)?(?:default\s+)?"
    r"(?:(?:public|abstract|final|open|sealed|internal|partial|static|private|protected)\s+)*class\s+"
    r"(?P<n>[A-Za-z_]\w*)(?:<[^>\n]*>)?\s*(?:\(\s*(?P<py>[A-Za-z_][\w.]*)\s*[,)]"
    r"|extends\s+(?P<ext>[A-Za-z_][\w.]*))?"
)
# A constructor's definition: Python's `def __init__(`, JavaScript's `constructor(`, Java's `Name(`.
CONSTRUCTOR = rx.compile(r"\bdef\s+__init__\s*\(|\bconstructor\s*\(")
# A parameter TypeScript keeps as a property (`constructor(protected readonly baseUrl: string)`).
PROPERTY_PARAMETER = rx.compile(
    r"(?:public|private|protected|readonly)\s+(?:readonly\s+)?(?P<p>[A-Za-z_]\w*)\s*[?:=,)]"
)
KEYWORD = rx.compile(r"(?P<k>[A-Za-z_]\w*)\s*=(?!=)\s*(?P<v>.+)$", re.S)
CONSTRUCTOR_LINES = 40  # how far a constructor's body is read for the attribute kept


@dataclass
class Parent:
    """A parent class's constructor: its line, indentation, parameters in order, and the
    attribute each parameter is kept in (a parameter kept in none is left out)."""

    line: int
    order: list[str]
    kept: dict[str, tuple[str, int]]  # parameter: (attribute, line)


def given_up(text: str, lines: list[str], bases: Bases) -> None:
    """Bind, in `bases`, the attributes of parent classes every subclass of the file gives the
    same AKOOL base to (see the module's docstring)."""
    if "this(" in text or "this (" in text:
        delegated(lines, bases)
    if "super" not in text and "__init__(self" not in text:
        return
    known = classes(lines)
    if not any(parent for _, parent in known.values()):
        return
    given: dict[tuple[str, str], list[Base | None]] = {}
    for i, line in enumerate(lines):
        for m in SUPER_CALL.finditer(line) if ("super" in line or "__init__" in line) else ():
            sub = _class_of(lines, i)
            parent = m.group("named") or (known.get(sub, ("", ""))[1] if sub else "")
            ctor = _constructor(lines, known[parent][0]) if parent in known else None
            if ctor is not None:
                for param, base in _arguments(line, i, m.end(), ctor, bases):
                    given.setdefault((parent, param), []).append(base)
    for (parent, param), values in given.items():
        subclasses = sum(1 for _, p in known.values() if p == parent)
        first = values[0]
        if first is None or len(values) < subclasses or any(v != first for v in values):
            continue  # (another subclass gives another value, or none: the base is not one)
        ctor = _constructor(lines, known[parent][0])
        if ctor is not None and not _made_directly(lines, parent, ctor.line):
            _bind(lines, bases, ctor, param, first)


def _made_directly(lines: list[str], parent: str, definition: int) -> bool:
    """Whether the file makes an object of the parent class itself (`Api(key, url)`, `new
    HttpBase(url)`), with a base the subclasses' calls do not say."""
    made = re.compile(r"(?<![\w.])(?:new\s+)?" + re.escape(parent) + r"\s*\(")
    return any(
        made.search(line) for n, line in enumerate(lines) if n != definition and parent in line
    )


def _bind(lines: list[str], bases: Bases, ctor: Parent, param: str, base: Base) -> None:
    """The parameter bound in the constructor (`httpx.Client(base_url=base_url)` there makes a
    client of the base), and the attribute it is kept in, where the class declares it too
    (Java's `protected final String baseUrl;`, read bare in the methods)."""
    bases.bind(param, ctor.line, base)
    bases.names.setdefault(param, base)  # (what find_clients reads a client's option by)
    if param not in ctor.kept:
        return
    attribute, at = ctor.kept[param]
    bases.bind(attribute, at, base, attribute=True)
    declared = _field_declared(lines, attribute, bases)
    if declared is not None:
        bases.bind(attribute, declared, base)
    bases.names.setdefault(attribute, base)


def classes(lines: list[str]) -> dict[str, tuple[int, str]]:
    """The file's classes: name -> (line, the parent it extends or "")."""
    found: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(lines):
        if "class" not in line:
            continue
        m = CLASS_HEAD.match(line)
        if m is not None:
            parent = (m.group("py") or m.group("ext") or "").split(".")[-1]
            found.setdefault(m.group("n"), (i, "" if parent in ("object", "ABC") else parent))
    return found


def _class_of(lines: list[str], i: int) -> str:
    """The class whose body holds line i: the nearest class head above it that is less indented."""
    level = len(lines[i]) - len(lines[i].lstrip())
    for j in range(i - 1, max(i - 400, -1), -1):
        m = CLASS_HEAD.match(lines[j]) if "class" in lines[j] else None
        if m is not None and len(m.group("ind")) < level:
            return m.group("n")
    return ""


def _arguments(
    line: str, i: int, at: int, ctor: Parent, bases: Bases
) -> list[tuple[str, Base | None]]:
    """(parameter, the AKOOL base given to it or None) for each argument of a super call whose
    `(` ends at column `at` of line i, matched to the parent's constructor's parameters."""
    found: list[tuple[str, Base | None]] = []
    for k, (a, b) in enumerate(arguments.spans(line, at)):
        argument = line[a:b]
        keyword = KEYWORD.match(argument)
        if keyword is not None and keyword.group("k") in ctor.order:
            param, value = keyword.group("k"), keyword.group("v").strip()
        elif k < len(ctor.order) and keyword is None:
            param, value = ctor.order[k], argument
        else:
            continue
        found.append((param, _base_of(value, bases, i)))
    return found


def kept_from_super(
    lines: list[str], head: int, end: int, parent_lines: list[str], bases: Bases
) -> dict[str, Base]:
    """The attributes a parent class of another file (its lines) keeps AKOOL bases in, from what
    the super call of the subclass whose body is lines [head, end) gives it."""
    sub = CLASS_HEAD.match(lines[head])
    parent = (sub.group("py") or sub.group("ext") or "").split(".")[-1] if sub else ""
    at = classes(parent_lines).get(parent)
    ctor = _constructor(parent_lines, at[0]) if parent and at is not None else None
    found: dict[str, Base] = {}
    if ctor is None:
        return found
    for i in range(head, end):
        for m in SUPER_CALL.finditer(lines[i]) if "super" in lines[i] else ():
            for param, base in _arguments(lines[i], i, m.end(), ctor, bases):
                if base is not None and param in ctor.kept:
                    found[ctor.kept[param][0]] = base
    return found


def _base_of(value: str, bases: Bases, i: int) -> Base | None:
    """The AKOOL base an argument gives: a literal base URL, or a name holding one."""
    if value[:1] in "\"'`" and value[-1:] == value[:1]:
        return literal_base(value[1:-1], bases)
    return bases.find(value, i) if re.fullmatch(r"[A-Za-z_][\w.]*", value) else None


# Java's call of another constructor of the same class, its `(` ending the match (`this(key,
# "https://...")`, the first statement of a convenience constructor, perhaps on its head's line:
# `public AkoolClient(String k) { this(k, DEFAULT_BASE); }`), C#'s and Kotlin's after the head
# (`public AkoolClient(string k) : this(k, DefaultBase) { }`, `constructor(k: String) : this(k,
# DEFAULT_BASE)`).
THIS_CALL = rx.compile(r"(?:^|\{|\)\s*:)\s*this\s*\(")


def delegated(lines: list[str], bases: Bases) -> None:
    """Bind the attribute a class's full constructor keeps a base in when its convenience
    constructor gives it AKOOL's (`public AkoolClient(String key) { this(key, "https://...");
    }` to `public AkoolClient(String key, String baseUrl) { this.baseUrl = baseUrl; }`): the
    constructor called is the one of as many parameters, other than the caller."""
    for i, line in enumerate(lines):
        m = THIS_CALL.search(line) if "this" in line else None
        head = _class_head(lines, i) if m is not None else None
        if m is None or head is None:
            continue
        given = len(arguments.spans(line, m.end()))
        for ctor in _constructors(lines, head):
            if len(ctor.order) != given or ctor.line <= i < ctor.line + 2:
                continue
            for param, base in _arguments(line, i, m.end(), ctor, bases):
                if base is not None:
                    _bind(lines, bases, ctor, param, base)


def _class_head(lines: list[str], i: int) -> int | None:
    """The line of the head of the class whose body holds line i."""
    name = _class_of(lines, i)
    found = classes(lines).get(name) if name else None
    return found[0] if found is not None else None


def _constructor(lines: list[str], head: int) -> Parent | None:
    """The first constructor of the class whose head is at line `head` (see _constructors)."""
    return next(_constructors(lines, head), None)


def _constructors(lines: list[str], head: int) -> Iterator[Parent]:
    """The constructors of the class whose head is at line `head`, with the attributes each keeps
    its parameters in (`self.base_url = base_url`, `this.baseUrl = baseUrl`, a TypeScript
    property parameter)."""
    level = len(lines[head]) - len(lines[head].lstrip())
    name = CLASS_HEAD.match(lines[head])
    java = re.compile(r"\b" + re.escape(name.group("n")) + r"\s*\(") if name else None
    for j in range(head + 1, min(head + 400, len(lines))):
        line = lines[j]
        following = CLASS_HEAD.match(line) if "class" in line else None
        if following is not None and len(following.group("ind")) <= level:
            return  # (the next class: this one has no more constructors)
        below = lines[j + 1].strip() if j + 1 < len(lines) else ""
        opens = "{" in line or below == "{"  # (its body's brace there or, Allman's, below)
        ctor = CONSTRUCTOR.search(line) or (java.search(line) if java and opens else None)
        if ctor is None or (ctor.group(0)[0] != "d" and function_def(line) is None and not opens):
            continue  # (Java's `Name(` a constructor only where its body opens)
        order = _parameter_names(" ".join(lines[j : j + 4]), ctor.end())
        kept = {
            m.group("p"): (m.group("p"), j)
            for m in PROPERTY_PARAMETER.finditer(line, ctor.end())
            if m.group("p") in order
        }
        for k in range(j + 1, min(j + CONSTRUCTOR_LINES, len(lines))):
            for m in KEPT.finditer(lines[k]):
                param, attribute = m.group("p") or m.group("p2"), m.group("a") or m.group("a2")
                if param in order and (m.group("a") or attribute != param):
                    kept.setdefault(param, (attribute, k))
        yield Parent(j, order, kept)


MODIFIERS = frozenset({"public", "private", "protected", "readonly", "final", "override", "val"})
IDENTIFIER = rx.compile(r"[A-Za-z_$][\w$]*")


def _parameter_names(text: str, at: int) -> list[str]:
    """A constructor's parameter names in order, from its list opened just before `at`: Python's
    `base_url: str = ""`, TypeScript's `protected readonly baseUrl: string`, Java's `String base`
    (`self`, `*args` and `**kwargs` left out)."""
    names: list[str] = []
    for part in arguments.spans(text, at):
        head = text[part[0] : part[1]].split("=")[0]
        if head.startswith("*"):
            continue
        typed = ":" in head
        words = [w for w in IDENTIFIER.findall(head.split(":")[0]) if w not in MODIFIERS]
        if words and words[0] not in ("self", "cls"):
            names.append(words[0] if typed or len(words) == 1 else words[-1])
    return names


# A parameter kept in an attribute: `self.base_url = base_url`, `this.baseUrl = baseUrl;`,
# `self.base = base_url.rstrip("/")`.
# (C#'s and Java's field assigned bare in the constructor: `_base = baseUrl;`)
KEPT = rx.compile(
    r"\b(?:self|this)\.(?P<a>[A-Za-z_]\w*)\s*=(?!=)\s*(?P<p>[A-Za-z_]\w*)\b(?!\s*\()"
    r"|^\s*(?P<a2>[A-Za-z_]\w*)\s*=(?!=)\s*(?P<p2>[A-Za-z_]\w*)\s*;"
)

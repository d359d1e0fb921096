"""Which name holds which answer when one statement binds several values side by side
(`video, image = await asyncio.gather(a, b)`, `v, i = a.json(), b.json()`, `const [v, i] =
await Promise.all([a, b])`, `const a = fetch(x), b = fetch(y)`, `answers = {"video": ..., "image":
...}`): the name at the value's own place, or none when the places cannot be matched (then the
answers are not judged: a crossed tie would judge, and patch, one answer's reads as another's)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from akool_cli.audit import arguments, brackets, rx

# Calls that give their arguments' results in their order: Python's asyncio.gather, JS's
# Promise.all (given an array), Kotlin's awaitAll, Rust's join! macros.
GATHERS = rx.compile(
    r"^\s*(?:await\s+|yield\s+)?(?:asyncio\s*\.\s*gather|gather|Promise\s*\.\s*all|awaitAll"
    r"|(?:tokio\s*::\s*|futures\s*::\s*)?(?:try_)?join!)\s*\("
)
# Calls that give several results in a shape of their own (`{status, value}`), or one of them.
UNMATCHED = rx.compile(
    r"^\s*(?:await\s+)?(?:Promise\s*\.\s*(?:allSettled|race|any)|asyncio\s*\.\s*(?:wait|as_completed)"
    r"|Task\s*\.\s*WhenAll|axios\s*\.\s*all)\s*\("
)
KEYWORD = rx.compile(r"^[A-Za-z_]\w*\s*=(?!=)")  # (Python's gather(..., return_exceptions=True))
ENTRY = rx.compile(r"\s*(?:[\"'](?P<q>[A-Za-z_$][\w$]*)[\"']|(?P<n>[A-Za-z_$][\w$]*))\s*:(?!:)")
DECLARED = rx.compile(r"(?P<n>[A-Za-z_$][\w$]*)\s*=(?![=>])\s*")  # `const a = x, b = y`: `b = y`
END = rx.compile(r"\s*[;)]*\s*$")


@dataclass(frozen=True)
class Value:
    """One value of a statement's right side: where it is (in the right side) and its key in an
    object literal ("" for a place in a tuple or a list)."""

    start: int
    end: int
    key: str = ""


SEVERAL_DECLARED = rx.compile(r",\s*[A-Za-z_$][\w$]*\s*=(?![=>])")


def may_hold_several(names: tuple[str, ...], rhs: str, declared: bool) -> bool:
    """A cheap look first (most bindings are one name given one value): several names, or a
    right side opening a tuple, a list, an object, a gathering call, or declaring more names."""
    text = rhs.lstrip()
    return (
        len(names) > 1
        or text[:1] in ("{", "[", "(")
        or GATHERS.match(text) is not None
        or (declared and SEVERAL_DECLARED.search(text) is not None)
    )


@lru_cache(maxsize=4096)
def values(rhs: str) -> tuple[Value, ...] | None:
    """The values a right side holds side by side; () when it holds several but which is where
    is unknown (`Promise.allSettled`, a spread or starred argument); None when it is one value."""
    if "," not in rhs:
        return None
    if UNMATCHED.match(rhs):
        return ()
    gathered = GATHERS.match(rhs)
    if gathered is not None:
        return _gathered(rhs, gathered.end())
    text = rhs.rstrip().rstrip(";").rstrip()
    lead = len(text) - len(text.lstrip())
    if text[lead : lead + 1] in ("(", "[", "{") and _closes_at_end(text, lead):
        opened = text[lead]
        found = _spans(rhs, lead + 1)
        return _entries(rhs, found) if opened == "{" else _positional(rhs, found)
    return _positional(rhs, _spans(rhs, 0))


def _gathered(rhs: str, at: int) -> tuple[Value, ...] | None:
    """The arguments of a gathering call (or the items of the one array it is given)."""
    found = [s for s in _spans(rhs, at) if not KEYWORD.match(rhs[s[0] : s[1]])]
    close = _close(rhs, at - 1)
    if close < 0 or not END.match(rhs, close + 1):
        return ()  # (`(await Promise.all([a, b]))[1]`, `.then(...)` on it: not followed)
    if len(found) == 1 and rhs[found[0][0]] == "[":
        found = _spans(rhs, found[0][0] + 1)
    return _positional(rhs, found) or ()


def _positional(rhs: str, found: list[tuple[int, int]]) -> tuple[Value, ...] | None:
    if len(found) < 2:
        return None
    if any(rhs[a : a + 1] == "*" or rhs[a : a + 3] == "..." or a == b for a, b in found):
        return ()
    return tuple(Value(a, b) for a, b in found)


def _entries(rhs: str, found: list[tuple[int, int]]) -> tuple[Value, ...] | None:
    """An object literal's entries, each its value's span and key (a computed key or a spread
    makes them unknown)."""
    if len(found) < 2:
        return None
    entries = []
    for a, b in found:
        m = ENTRY.match(rhs, a, b)
        if m is None:
            return ()
        value = m.end() + _blank(rhs[m.end() : b])
        entries.append(Value(value, b, m["q"] or m["n"]))
    return tuple(entries)


def _blank(text: str) -> int:
    return len(text) - len(text.lstrip())


def _spans(text: str, at: int) -> list[tuple[int, int]]:
    """The comma-separated spans from `at` to the bracket that closes (a trailing comma's empty
    last one left out)."""
    found = arguments.spans(text, at)
    return found[:-1] if len(found) > 1 and found[-1][0] == found[-1][1] else found


def _close(text: str, opened: int) -> int:
    """The column of the bracket that closes the one at `opened` (-1 when none does)."""
    return brackets.matching(text, opened, 1, len(text))


def _closes_at_end(text: str, opened: int) -> bool:
    return _close(text, opened) == len(text) - 1


@dataclass(frozen=True)
class Placed:
    """A name of a statement and the value it is given there (`key`: the entry of an object
    literal the name holds the value under, `answers["image"]`)."""

    name: str
    start: int
    end: int
    key: str = ""


def placed(names: tuple[str, ...], rhs: str, declared: bool) -> tuple[Placed, ...] | None:
    """Each name's value, when a statement binds several values side by side: () when which is
    whose is unknown; None when the right side is one value (bound as it is)."""
    found = values(rhs)
    if found is None:
        return None
    if found and all(v.key for v in found) and len(names) == 1:
        return tuple(Placed(names[0], v.start, v.end, v.key) for v in found)
    if found and not any(v.key for v in found) and len(names) == len(found):
        return tuple(Placed(n, v.start, v.end) for n, v in zip(names, found, strict=True))
    if found and declared and len(names) == 1 and not any(v.key for v in found):
        return _declared(names[0], rhs, found)
    return ()


def _declared(first: str, rhs: str, found: tuple[Value, ...]) -> tuple[Placed, ...]:
    """`const a = fetch(x), b = fetch(y)`: each declared name and its own value."""
    out = [Placed(first, found[0].start, found[0].end)]
    for v in found[1:]:
        m = DECLARED.match(rhs, v.start, v.end)
        if m is None:
            return ()
        out.append(Placed(m.group("n"), m.end(), v.end))
    return tuple(out)


def which(names: tuple[str, ...], rhs: str, at: int, declared: bool) -> tuple[Placed, ...] | None:
    """The name (and value) a statement gives the value at column `at` of its right side: one
    Placed, () when none can be told, None when the right side is one value."""
    found = placed(names, rhs, declared)
    if found is None:
        return None
    own = tuple(p for p in found if p.start <= at < p.end)
    return own[:1] if len(own) == 1 else ()

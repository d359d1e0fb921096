"""The items of a list in an AKOOL answer, as scripts walk them: a name bound to the list
(`voices = body["data"]["result"]`, `const items = res.data.data`, what a function that returns
it gives: `await this.listVoices()`), and the variable a loop or a callback gives each item
(`for (const v of voices)`, `for v in voices:`, `voices.map((v) => ...)`, `for _, v := range
voices`, `foreach ($voices as $v)`, `voices.each do |v|`): `v.url` reads a field of an item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from akool_cli.audit import rx

# The JVM's and .NET's getters of a parsed JSON node's named member (org.json's
# `getJSONObject("data")` and `getJSONArray("x")`, Gson's `getAsJsonObject("x")`, Jackson's
# `path("x")`, System.Text.Json's `GetProperty("x")`): read as the key they name. (`get("x")`,
# Jackson's too, is CHAIN's own `.get(` alternative: a getter two alternatives took backtracked
# twice per link of a chain that fails, 2^n steps.)
GETTERS = r"(?:(?:get|opt)(?:JSONObject|JSONArray)|getAsJson(?:Object|Array)|path|GetProperty)"
# An expression that reads into what a name holds: `body["data"]["result"]`, `res.data.data`,
# `json?.data?.result ?? []`, `self.list_voices()`, `(await listVoices()).result`.
CHAIN = rx.compile(
    r"^\s*\(?\s*(?:await\s+)?(?:(?:self|this|cls)\s*\.\s*|\$this->|\$)?(?P<root>[A-Za-z_]\w*)"
    r"(?P<call>\s*\([^()]*\))?(?P<parse>\s*\.\s*json\(\s*\))?\s*\)?"
    r"(?P<rest>(?:\s*(?:[?!]?\.\s*[A-Za-z_]\w*(?!\s*\()|->\s*[A-Za-z_]\w*(?!\s*\()"
    r"|\[\s*[\"'][A-Za-z_]\w*[\"']\s*\]|\.get\(\s*[\"'][A-Za-z_]\w*[\"'][^()]*\)"
    rf"|\.\s*{GETTERS}\(\s*\"[A-Za-z_]\w*\"\s*\)))*)"
    r"\s*(?:(?:\?\?|\|\||\bor\b)\s*(?:\[\]|\{\}|None|null|nil))?\s*[;)]*\s*(?:(?:#|//).*)?$"
)
KEY = rx.compile(r"[\"']([A-Za-z_]\w*)[\"']|(?:\.|->)\s*([A-Za-z_]\w*)(?![\w(]|\s*\()")
# A loop or a callback that gives each item of a list: (the item's name, the list's expression).
LOOPS = (
    rx.compile(
        r"\bfor\s*\(\s*(?:const|let|var)\s+(?P<x>[A-Za-z_$][\w$]*)\s+of\s+(?P<src>.+?)\)"
        r"\s*(?:\{|$|(?=[A-Za-z_$]))"  # (a braceless body: `for (const v of list) log(v.url);`)
    ),
    rx.compile(r"^\s*(?:async\s+)?for\s+(?P<x>[A-Za-z_]\w*)\s+in\s+(?P<src>.+?):\s*$"),
    # a comprehension: [v["name"] for v in voices], {v["lang"] for v in self.voices() if v}
    rx.compile(
        r"[\[{(].*?\bfor\s+(?P<x>[A-Za-z_]\w*)\s+in\s+(?P<src>(?:[^\[\]{}:]|\[[^\[\]]*\]|\{\})+?)"
        r"\s*(?:\bif\b|[\]}])"
    ),
    rx.compile(r"\bfor\s+\w+\s*,\s*(?P<x>[A-Za-z_]\w*)\s*:?=\s*range\s+(?P<src>.+?)\s*\{\s*$"),
    rx.compile(r"\bforeach\s*\(\s*(?P<src>.+?)\s+as\s+(?:\$\w+\s*=>\s*)?\$(?P<x>\w+)\s*\)"),
    # Java's enhanced for (`for (JsonNode l : langs) {`), C#'s foreach over a JSON array
    # (`foreach (var l in langs.EnumerateArray())`, a JArray's `foreach (JObject l in langs)`)
    rx.compile(
        r"\bfor\s*\(\s*(?:final\s+)?[A-Za-z_][\w.]*(?:<[^<>():;]*(?:<[^<>():;]*>[^<>():;]*)*>)?"
        r"(?:\[\])*\s+(?P<x>[A-Za-z_]\w*)\s*:\s*"
        r"(?P<src>[^:;()]+?(?:\([^()]*\))?)\s*\)\s*\{?\s*$"
    ),
    rx.compile(
        r"\bforeach\s*\(\s*[A-Za-z_][\w<>?,.]*\s+(?P<x>[A-Za-z_]\w*)\s+in\s+"
        r"(?P<src>[^;()]+?)(?:\.EnumerateArray\(\s*\))?\s*\)\s*\{?\s*$"
    ),
    rx.compile(
        r"(?<![\w$.?\]\"')>-])(?P<src>[\w$.?\[\]\"'()>-]+?)\.each\s+do\s*\|\s*(?P<x>\w+)\s*\|"
    ),
    rx.compile(
        r"(?<![\w$.?\]\"')>-])(?P<src>[\w$.?\[\]\"'()>-]+?)\s*\.\s*(?:forEach|map|filter|find|some|every|flatMap"
        r"|findIndex|reduce)\(\s*(?:async\s+)?(?:function\s*)?\(?\s*(?P<x>[A-Za-z_$][\w$]*)\s*[,)=:]"
    ),
)


@dataclass
class Lists:
    """What holds a list of an answer, and the items walked, by name: the list's place in the
    answer (`data.result`, `data`)."""

    lists: dict[str, str] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)
    returned: dict[str, str] = field(default_factory=dict)  # functions returning such a list


def chain_path(
    expr: str, bodies: set[str], fields: set[str], responses: set[str], held: Lists
) -> str:
    """The place in the answer an expression reads ("" when it reads none): after a name that
    holds the parsed answer its keys as written (`body["data"]["result"]`: data.result), after
    one holding its data field `data.` and them, after a list's name or a function returning one
    that list's place and them, after an HTTP library's response its body's (`res.data.data`)."""
    parts = _chain(expr)
    if parts is None:
        return ""
    root, call, parse, keys = parts
    if parse:  # r.json()["data"]: the parsed answer of a response
        if call or root not in responses:
            return ""
        start = ""
    elif call:  # self.list_voices(): what a function that returns it gives
        start = held.returned.get(root) or ("data" if root in fields else "")
        if not start and root not in bodies:
            return ""
    elif root in held.lists:
        start = held.lists[root]
    elif root in fields:
        start = "data"
    elif root in bodies:
        start = ""
    elif root in responses and keys[:1] == ("data",):
        start, keys = "", keys[1:]  # (axios: res.data is the body)
    else:
        return ""
    return ".".join([p for p in [start, *keys] if p])


# A word each loop's pattern needs on the line (most lines have none: the patterns are not run).
LOOP_WORDS = ("for", "for", "for", "range", "foreach", ":", "foreach", ".each", "(")
LOOP_HINT = rx.compile(
    r"\bfor|\.\s*(?:forEach|map|filter|find|some|every|flatMap|findIndex|reduce|each)\b"
)
# One of these is written in each match of LOOP_HINT.
LOOP_HINT_WORDS = ("for", "map", "filter", "find", "some", "every", "flatMap", "reduce", "each")
LONGEST = 2000  # a longer line (a minified bundle, a data: URL) walks no list


@lru_cache(maxsize=4096)
def _chain(expr: str) -> tuple[str, bool, bool, tuple[str, ...]] | None:
    """(root, called, parsed with .json(), keys) of an expression CHAIN reads, or None."""
    if len(expr) > LONGEST:
        return None
    m = CHAIN.match(expr)
    if m is None:
        return None
    keys = tuple(a or b for a, b in KEY.findall(m.group("rest")))
    if keys[:1] == ("RootElement",):  # (System.Text.Json's document's root is the answer)
        keys = keys[1:]
    return m.group("root"), bool(m.group("call")), bool(m.group("parse")), keys


chain_parts = _chain  # (root, called, parsed, keys) of an expression, for ties.given_places

# The object a function is called on, before its name: `client.` of `client.video_info(v)["data"]`,
# `this.api.` of `(await this.api.videoInfo(id)).data` (what the call gives is the function's).
RECEIVER = rx.compile(
    r"^(?P<head>\s*\(?\s*(?:await\s+)?)(?:[A-Za-z_$][\w$]*(?:\(\s*\))?\s*(?:\.|->)\s*)+"
    r"(?=[A-Za-z_]\w*\s*\()"
)


def called_parts(expr: str) -> tuple[str, bool, bool, tuple[str, ...]] | None:
    """chain_parts of the call of a method on an object (`client.video_info(vid)["data"]`: the
    method's name, called, its keys), the object it is called on left out."""
    m = RECEIVER.match(expr)
    return _chain(m.group("head") + expr[m.end() :]) if m is not None else None


def loop_items(line: str) -> tuple[tuple[str, str], ...]:
    """(the item's name, the list's expression) for each loop or callback on a line."""
    if len(line) > LONGEST or not LOOP_HINT.search(line):
        return ()
    return _loop_items(line)


@lru_cache(maxsize=4096)
def _loop_items(line: str) -> tuple[tuple[str, str], ...]:
    found = []
    for pattern, word in zip(LOOPS, LOOP_WORDS, strict=True):
        if word not in line:
            continue
        for m in pattern.finditer(line):
            src = m.group("src").strip()
            found.append((m.group("x").lstrip("$"), re.sub(r"^(?:await\s+)", "", src)))
    return tuple(found)

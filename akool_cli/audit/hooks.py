"""Data-fetching hooks (SWR's `useSWR`, TanStack Query's `useQuery`, Nuxt's `useFetch` and
`useAsyncData`, ...): what the `data` a hook gives holds of an AKOOL answer, read from the fetcher,
`queryFn` or handler it is given and the `select`/`transform` it applies (`.then((j) => j.data)`,
a fetcher returning `json.data`, `transform: (r) => r.data`): the parsed answer, its data field, or
something the audit cannot tell (then the hook's data is not judged at all)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from akool_cli.audit import arguments, rx
from akool_cli.audit.brackets import matching

# Each hook: how it is given what it fetches ("swr": a fetcher second; "query": an options object
# with `queryFn`/`mutationFn`, or a function second; "fetch": it fetches the URL itself and parses
# the JSON; "async": a handler that fetches; "none": its data is pages or a list of answers).
HOOKS = {
    **dict.fromkeys(("useSWR", "useSWRImmutable", "useSWRV"), "swr"),
    **dict.fromkeys(("useQuery", "useSuspenseQuery", "createQuery", "useMutation"), "query"),
    **dict.fromkeys(("useFetch", "useLazyFetch"), "fetch"),
    **dict.fromkeys(("useAsyncData", "useLazyAsyncData"), "async"),
    **dict.fromkeys(("useSWRInfinite", "useInfiniteQuery", "useQueries", "useSWRMutation"), "none"),
}
HOOK = rx.compile(r"^\s*(?:await\s+)?(?P<hook>use[A-Z]\w*|createQuery)\s*(?:<[^()]*>)?\(")
# Hooks only Nuxt has: their data is a Vue ref (`data.value.x` in the script).
NUXT_ONLY = frozenset({"useLazyFetch", "useAsyncData", "useLazyAsyncData"})
# What shows a file is React's: an import of React or of a React-only library, JSX's className.
REACT = rx.compile(
    r"""from\s+["'](?:react|react-dom|preact|next|swr|@tanstack/react-query)(?:/[^"']*)?["']"""
    r"""|require\(\s*["']react["']|\bReact\.|\bclassName="""
)
VUE_WORDS = ("vue", "nuxt", "#app", "#imports", "ref(", "computed(", "reactive(", "defineProps")

# A function written as an expression: `(u) => expr`, `async (u: string) => expr`, `u => expr`.
ARROW = rx.compile(
    r"^\s*(?:async\s+)?(?:\((?P<params>[^()]*)\)|(?P<param>[A-Za-z_$][\w$]*))"
    r"\s*(?::\s*[^=()]+)?\s*=>\s*"
)
# The first call of an expression: `fetch(`, `await axios.get(`, `$fetch<T>(`, `ky.get(`.
HEAD = rx.compile(
    r"^\s*(?:await\s+)?(?P<callee>[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*(?:<[^()]*>)?\("
)
# What a callee gives: a Response whose `.json()` is the answer, the answer parsed, axios' response.
RESPONSE, PARSED_ANSWER, AXIOS = "response", "parsed", "axios"
FETCHES = {
    **dict.fromkeys(("fetch", "window.fetch", "globalThis.fetch", "ky", "got"), RESPONSE),
    **dict.fromkeys(("$fetch", "ofetch", "useNuxtApp().$fetch"), PARSED_ANSWER),
}
KY = rx.compile(r"^(?:ky|got)\.(?:get|post|put|patch|delete)$")
AXIOS_CALL = rx.compile(r"^(?:axios|[A-Za-z_$][\w$]*)(?:\.(?:get|post|put|patch|delete|request))?$")
# A callback of a promise chain and the step it makes (`.then((r) => r.json())`, `.then(({ data
# }) => data)`): a member read off its parameter, or what its destructured `data` is.
STEP = rx.compile(
    r"^\s*(?:async\s*)?(?:\(\s*(?P<p>[A-Za-z_$][\w$]*)\s*(?::[^()]*)?\)|(?P<q>[A-Za-z_$][\w$]*)"
    r"|\(\s*\{\s*data\s*\}\s*(?::[^()]*)?\))\s*=>\s*(?P<body>.*?)\s*;?\s*$",
    re.S,
)
PICKED = rx.compile(
    r"^(?P<sel>(?:\s*[?!]?\.\s*data\b|\s*\[\s*[\"']data[\"']\s*\])+)\s*(?:as\s+[\w$<>\[\]|.,]+)?$"
)
STATEMENT_LINES = 8  # (a fetcher written over lines: its arrow's body and chain below it)
OPTION = rx.compile(r"^\s*[\"']?(?P<k>[A-Za-z_$][\w$]*)[\"']?\s*:\s*(?P<v>.*)$", re.S)


@dataclass(frozen=True)
class Held:
    """What a hook's data holds: `level` 1 the parsed answer, 2 its data field, 0 unknown (or
    something else); `ref`: a Vue ref, whose value is read as `data.value` in a script."""

    level: int
    ref: bool


def hook_name(rhs: str) -> str:
    """The data-fetching hook an expression calls (`useSWR`, `await useFetch`), or ""."""
    m = HOOK.match(rhs) if "(" in rhs else None
    return m.group("hook") if m is not None and m.group("hook") in HOOKS else ""


def held(
    statement: str,
    lines: list[str],
    level_of: Callable[[str], int],
    gives: int = 0,
) -> Held | None:
    """What the data of the hook a statement's value calls holds (None: it calls no hook).
    `statement`: the value, from the hook's name to the statement's end; `level_of(name)`: what a
    function of the file returns of an answer (1, 2, else 0), or a client's method (`api.get`) when
    an interceptor unwraps its responses; `gives`: what the AKOOL call in
    the hook's arguments gives when it is the call of such a function (1, 2, else 0)."""
    name = hook_name(statement)
    if not name:
        return None
    ref = _vue(name, lines)
    opened = statement.index("(", HOOK.match(statement).end() - 1)  # type: ignore[union-attr]
    # (a blank after each text given to arguments.spans: it reads one past a string's `\`)
    args = [statement[a:b] for a, b in arguments.spans(statement + " ", opened + 1)]
    found = Found(lines, level_of, gives)
    kind = HOOKS[name]
    if kind == "none":
        return Held(0, ref)
    fetcher, options = _given(kind, args)
    level = 1 if kind == "fetch" else found.function(fetcher) if fetcher is not None else 0
    if kind == "fetch" and _vueuse(lines) and ".json()" not in statement[opened:]:
        level = 0  # (VueUse's useFetch gives text unless `.json()` is chained)
    picked = _picked(options)
    return Held(level + picked if level and picked >= 0 else 0, ref)


def _given(kind: str, args: list[str]) -> tuple[str | None, dict[str, str]]:
    """The fetcher (or queryFn, or handler) a hook is given, and its options object's entries."""
    objects = [_entries(a) for a in args if a.startswith("{")]
    options = {k: v for entries in objects for k, v in entries.items()}
    if kind == "swr":
        return (args[1] if len(args) > 1 and not args[1].startswith("{") else None), options
    if kind == "query":
        if "queryFn" in options or "mutationFn" in options:
            return options.get("queryFn", options.get("mutationFn")), options
        return (args[1] if len(args) > 1 and not args[1].startswith("{") else None), options
    if kind == "async":  # useAsyncData("key", () => $fetch(u), { transform })
        handlers = [a for a in args if not a.startswith(("{", "'", '"', "`"))]
        return (handlers[0] if handlers else None), options
    return None, options


def _entries(text: str) -> dict[str, str]:
    """The entries of an object literal written as `text` (`{ queryKey: [...], queryFn: f }`)."""
    found = {}
    for a, b in arguments.spans(text + " ", 1):
        m = OPTION.match(text[a:b])
        if m is not None:
            found[m.group("k")] = m.group("v").strip()
    return found


def _picked(options: dict[str, str]) -> int:
    """How many `data` fields a hook's `select`/`transform` picks from what the fetcher gives
    (`select: (r) => r.data`: 1; none: 0; anything else: -1)."""
    chosen = options.get("select", options.get("transform"))
    if chosen is None:
        return 0
    step = STEP.match(chosen)
    if step is None:
        return -1
    if step.group("p") is None and step.group("q") is None:  # ({ data }) => data
        return 1 if step.group("body") == "data" else -1
    return _selected(step.group("p") or step.group("q"), step.group("body"))


def _selected(param: str, body: str) -> int:
    """How many `data` fields an arrow's body reads off its parameter (`r.data.data`: 2; the
    parameter itself: 0; anything else: -1)."""
    if not body.startswith(param):
        return -1
    rest = body[len(param) :].strip()
    if not rest:
        return 0
    m = PICKED.match(rest)
    return m.group("sel").count("data") if m is not None else -1


def _vue(name: str, lines: list[str]) -> bool:
    """Whether a hook's data is a Vue ref: Nuxt's and swrv's own hooks, a hook in a Vue single
    file component, a `useFetch` (Nuxt's, auto-imported) or a `useQuery` in a file that shows
    Vue, neither beside React (then React's; Vue's own `reactive(` is no sign of React)."""
    if name in NUXT_ONLY or name == "useSWRV":
        return True
    text = "\n".join(t for t in lines if len(t) <= 2000)
    if "<template" in text or "<script setup" in text:
        return True
    if REACT.search(text):
        return False
    return name == "useFetch" or any(w in text for w in VUE_WORDS)  # (React's has no `.value`)


def _vueuse(lines: list[str]) -> bool:
    return any("@vueuse" in t for t in lines)


class Found:
    """What expressions and the file's functions give of an answer (1 parsed, 2 its data field,
    0 unknown), as a hook's fetcher."""

    def __init__(self, lines: list[str], level_of: Callable[[str], int], gives: int) -> None:
        self.lines = lines
        self.level_of = level_of
        self.gives = gives

    def function(self, text: str) -> int:
        """What a function (an arrow written in place, or a name of the file's) gives."""
        text = text.strip()
        arrow = ARROW.match(text)
        if arrow is not None:
            body = text[arrow.end() :].strip()
            return 0 if body.startswith("{") else self.expression(body)
        if re.fullmatch(r"[A-Za-z_$][\w$]*", text):
            return self._named(text)
        return 0

    def _named(self, name: str) -> int:
        """What a function of the file gives: one written as an arrow on one line (`const fetcher
        = (u) => fetch(u).then((r) => r.json())`), else what its returns give (level_of)."""
        defined = re.compile(
            r"^\s*(?:export\s+)?(?:const|let|var)\s+" + re.escape(name) + r"\s*(?::[^=]+)?=\s*"
        )
        for i, text in enumerate(self.lines):
            m = defined.match(text) if name in text and len(text) <= 2000 else None
            if m is not None and ARROW.match(text[m.end() :]):
                return self.function(_statement(self.lines, i)[m.end() :].rstrip().rstrip(";"))
        return self.level_of(name)

    def expression(self, text: str) -> int:
        """What an expression gives: a request and the steps chained to it (`fetch(u).then((r)
        => r.json()).then((j) => j.data)`: 2), or a call of a function of the file."""
        at = self._chain(text)
        return at if isinstance(at, int) else 1 if at == PARSED_ANSWER else 0

    def _chain(self, text: str) -> int | str:
        """What an expression gives, a Response or axios' response kept as such (see FETCHES)."""
        text = text.strip().rstrip(";").strip()
        if text.startswith("(") and (close := matching(text, 0, 1, len(text))) > 0:
            inner = re.sub(r"^\s*await\s+", "", text[1:close])  # (await axios.get(u)).data
            return self._steps(self._chain(inner), text[close + 1 :])
        head = HEAD.match(text)
        close = matching(text, head.end() - 1, 1, len(text)) if head is not None else -1
        if head is None or close < 0:
            return 0
        return self._steps(self._start(re.sub(r"\s+", "", head.group("callee"))), text[close + 1 :])

    def _start(self, callee: str) -> int | str:
        """What the first call of a chain gives (see FETCHES): a Response, axios' response, the
        answer parsed (1) or its data field (2); 0 unknown."""
        if callee in FETCHES:
            return FETCHES[callee]
        if KY.match(callee):
            return RESPONSE
        if "." not in callee and (self.gives or self.level_of(callee)):
            return self.gives or self.level_of(callee)
        if AXIOS_CALL.match(callee) and any("axios" in t for t in self.lines):
            unwrapped = self.level_of(callee) if "." in callee else 0  # (an interceptor's)
            return PARSED_ANSWER if unwrapped == 1 else unwrapped or AXIOS
        return 0

    def _steps(self, start: int | str, rest: str) -> int | str:
        """What a chain gives after its first call (`start`), its steps `rest` applied in turn:
        `.json()`, `.then(cb)`, `.data`; `.catch(...)` and `.finally(...)` change nothing."""
        at: int | str = start
        rest = rest.strip()
        while rest and at:
            m = re.match(r"[?!]?\.\s*(?P<m>json|then|catch|finally|data)\b\s*", rest)
            if m is None:
                return 0
            word, rest = m.group("m"), rest[m.end() :]
            if word == "data":
                at = _data(at)
                continue
            if not rest.startswith("("):
                return 0
            close = matching(rest, 0, 1, len(rest))
            if close < 0:
                return 0
            inside, rest = rest[1:close].strip(), rest[close + 1 :].strip()
            if word == "json":
                at = PARSED_ANSWER if at == RESPONSE and not inside else 0
            elif word == "then":
                at = self._then(at, inside)
        return at if rest == "" else 0

    def _then(self, at: int | str, callback: str) -> int | str:
        """What a `.then(callback)` gives, given what it is chained to."""
        first = arguments.spans(callback + ") ", 0)
        step = STEP.match(callback[: first[0][1]] if first else callback)
        if step is None:
            return 0
        body = step.group("body")
        if step.group("p") is None and step.group("q") is None:  # ({ data }) => data
            return _data(at) if body == "data" else 0
        param = step.group("p") or step.group("q")
        if at == RESPONSE:
            return (
                PARSED_ANSWER
                if re.fullmatch(re.escape(param) + r"\s*\.\s*json\(\s*\)", body)
                else 0
            )
        picked = _selected(param, body)
        for _ in range(max(picked, 0)):
            at = _data(at)
        return at if picked >= 0 else 0


def _statement(lines: list[str], i: int) -> str:
    """Line i and the lines that go on with its statement (an arrow's body on the next line,
    a chain of `.then(...)` below it), joined: up to the line where its brackets close and it
    ends, a few lines at most."""
    text = lines[i]
    for more in lines[i + 1 : i + STATEMENT_LINES]:
        opened = sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")
        ended = opened <= 0 and not text.rstrip().endswith(("=>", "(", ","))
        if ended and not more.lstrip().startswith((".", "?.")):
            break
        text = f"{text} {more.strip()}"
    return text


def _data(at: int | str) -> int | str:
    """What `.data` of what a chain gives is: axios' response's is the parsed answer, the parsed
    answer's its data field, its data field's something deeper (0)."""
    if at == AXIOS:
        return PARSED_ANSWER
    if at == PARSED_ANSWER:
        return 2
    if at == 1:
        return 2
    return 0

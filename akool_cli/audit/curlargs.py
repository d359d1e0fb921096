"""curl's and httpie's command lines read as those tools read them: curl's bundled short options
(`-sSG`, `-sXPOST`, `-sd DATA`: a flag that takes a value ends the bundle, the rest of the word
or the next word being its value) and httpie's request items (`name==value` a query parameter,
`name=value` a JSON string field, `name:=value` a raw JSON field, `Name:value` a header)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from akool_cli.audit import rx

# curl's short options that take a value (curl --help all): -d DATA, -X METHOD, -H HEADER, ...
VALUED_SHORT = frozenset("AbcCdDeEFHKmoPQrtTuUwxXyYz")
# curl's long options that take a value (those a script may put before the URL; an option not
# listed is taken for a flag, which can only make a later word look like a positional one).
VALUED_LONG = frozenset(
    {
        "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json",
        "--form", "--form-string", "--header", "--request", "--url", "--url-query", "--output",
        "--user", "--user-agent", "--max-time", "--connect-timeout", "--retry", "--retry-delay",
        "--retry-max-time", "--write-out", "--cookie", "--cookie-jar", "--proxy", "--cacert",
        "--cert", "--key", "--config", "--referer", "--upload-file", "--range", "--limit-rate",
        "--resolve", "--oauth2-bearer", "--variable", "--dump-header", "--trace",
        "--trace-ascii", "--interface", "--continue-at", "--proxy-user", "--aws-sigv4",
        "--expect100-timeout", "--max-filesize", "--max-redirs", "--parallel-max",
        "--speed-limit", "--speed-time", "--time-cond", "--output-dir", "--stderr",
    }
)  # fmt: skip
SHORT_NAMES = {
    "d": "--data",
    "F": "--form",
    "G": "--get",
    "X": "--request",
    "H": "--header",
    "T": "--upload-file",
    "I": "--head",
}
BODY_OPTIONS = frozenset(
    {
        "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json",
        "--form", "--form-string",
    }
)  # fmt: skip
# What ends a command outside quotes: a pipe, a list operator, the `)` of a `$(...)`, a backtick.
# (a form feed, a vertical tab, the file separators and U+0085/U+2028/U+2029 do not end a line
# for the audit, but each ends a command here: read as part of a word, a run of curls joined by
# them is one command whose words every curl of the run reads again, quadratic in the run)
COMMAND_END = frozenset("|;&)`\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True)
class Word:
    text: str  # the word as the shell gives it (quotes removed)
    start: int  # where the word starts in the text
    inner: int  # where its text starts (after an opening quote)


@dataclass(frozen=True)
class Option:
    name: str  # the long name (`-d` is `--data`, `-sXPOST`'s X is `--request`)
    value: str | None
    at: int  # where the value starts in the text (for a flag: where the option is written)


def words(text: str, start: int, stop: str = "") -> list[Word]:
    """The words of the shell command that starts at `start`, up to its end (an unquoted `|`,
    `;`, `&`, `)`, backtick or a newline that no backslash continues); with `stop`, up to a
    continued line that starts with that word (`curl ... \\` then `curl ...`: read as the next
    command's, so a run of such lines is read once, not once a line)."""
    found: list[Word] = []
    i, n, continued = start, len(text), False
    while i < n:
        c = text[i]
        if c == "\\" and text[i + 1 : i + 2] == "\n":
            i, continued = i + 2, True
            continue
        if c in " \t\r":
            i += 1
            continue
        if c in COMMAND_END or c == "#":
            break
        if continued and stop and (w := STOP_WORD.match(text, i)) is not None and w[0] == stop:
            break
        i, continued = _word(text, i, found), False
    return found


STOP_WORD = rx.compile(r"\w+(?=[ \t\r\n]|$)")


def _word(text: str, i: int, found: list[Word]) -> int:
    """Reads one word from `i` into `found`; where the text after it starts."""
    begin, inner, parts, n = i, -1, [], len(text)
    while i < n and text[i] not in " \t\r" and text[i] not in COMMAND_END:
        c = text[i]
        if c in "\"'":
            close = _closing(text, i)
            inner = i + 1 if inner < 0 else inner
            parts.append(text[i + 1 : close])
            i = close + 1
        elif c == "$" and text[i + 1 : i + 2] == "(":  # $(...): one piece of the word
            close = _substitution_end(text, i + 1)
            inner = i if inner < 0 else inner
            parts.append(text[i:close])
            i = close
        elif c == "\\" and i + 1 < n:
            inner = i if inner < 0 else inner
            parts.append(text[i + 1])
            i += 2
        else:
            inner = i if inner < 0 else inner
            parts.append(c)
            i += 1
    found.append(Word("".join(parts), begin, inner if inner >= 0 else begin))
    return max(i, begin + 1)


def _substitution_end(text: str, at: int) -> int:
    """Where the text after the `(` at `at` and its closing `)` goes on."""
    depth = 0
    for k in range(at, len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        elif text[k] == "\n":
            return k
    return len(text)


def _closing(text: str, at: int) -> int:
    """The closing quote of the string opened at `at` (the text's end when there is none)."""
    quote, i = text[at], at + 1
    while i < len(text):
        if text[i] == "\\" and quote == '"':
            i += 2
            continue
        if text[i] == quote:
            return i
        i += 1
    return len(text)


def curl_options(text: str, start: int) -> list[Option]:
    """The options of the curl command whose arguments start at `start` (right after `curl`)."""
    found: list[Option] = []
    given = words(text, start, "curl")
    k = 0
    while k < len(given):
        word = given[k]
        k += 1
        if word.text.startswith("--") and len(word.text) > 2:
            name, eq, value = word.text.partition("=")  # (curl takes no `=`; scripts write it)
            if eq:
                found.append(Option(name, value, word.inner + len(name) + 1))
            elif name in VALUED_LONG and k < len(given):
                found.append(Option(name, given[k].text, given[k].inner))
                k += 1
            else:
                found.append(Option(name, None, word.start))
        elif word.text.startswith("-") and len(word.text) > 1:
            k = _bundle(word, given, k, found)
    return found


def _bundle(word: Word, given: list[Word], k: int, found: list[Option]) -> int:
    """A word of short options, `-sSG` or `-sXPOST`: each letter a flag until one that takes a
    value, whose value is the rest of the word or else the next word. Where the words go on."""
    for j in range(1, len(word.text)):
        letter = word.text[j]
        name = SHORT_NAMES.get(letter, "-" + letter)
        if letter not in VALUED_SHORT:
            found.append(Option(name, None, word.start))
            continue
        rest = word.text[j + 1 :]
        if rest:
            found.append(Option(name, rest, word.inner + j + 1))
        elif k < len(given):
            found.append(Option(name, given[k].text, given[k].inner))
            k += 1
        else:
            found.append(Option(name, None, word.start))
        break
    return k


@dataclass(frozen=True)
class Method:
    method: str  # the method as written (-X's value), or the one curl's options imply
    at: int  # where -X's value starts, or the command's start
    explicit: bool  # said with -X/--request (a fix may change it in place)


CURL_WORD = rx.compile(r"(?<![\w./-])curl(?=\s)")


def curl_method(text: str, start: int = 0, at: int = -1) -> Method | None:
    """The method the curl command in `text` (from `start`; when it holds several, the last one
    that starts before `at`) sends: -X's value, else GET for -G/--get, PUT for -T, POST for a
    body option (-d, --data*, --json, -F), GET otherwise; None when no curl is run there or it
    sends a HEAD (-I)."""
    run = _last_run(text, start, len(text) if at < 0 else at)
    if run is None:
        return None
    options = curl_options(text, run.end())
    said = [o for o in options if o.name == "--request" and o.value]
    if said:
        return Method(said[-1].value or "", said[-1].at, True)
    names = {o.name for o in options}
    if "--get" in names:
        return Method("GET", run.start(), False)
    if "--head" in names:
        return None
    if "--upload-file" in names:
        return Method("PUT", run.start(), False)
    if names & BODY_OPTIONS:
        return Method("POST", run.start(), False)
    return Method("GET", run.start(), False)


def _last_run(text: str, start: int, at: int) -> re.Match[str] | None:
    """The last `curl` run in text[start:] that starts at or before `at`, found from `at` back
    (not by walking every run from `start`: a file of 800 continued curl lines asks once a line)."""
    k = text.rfind("curl", start, at + 4)
    while k >= 0:
        m = CURL_WORD.match(text, k)  # (its lookbehind sees the text before k)
        if m is not None:
            return m
        k = text.rfind("curl", start, k)
    return None


DATA_PAIR = rx.compile(r"(?P<name>[A-Za-z_]\w*)=")


def get_query(text: str, start: int, end: int) -> list[tuple[str, int, int, int]] | None:
    """The query a curl command in text[start:end] sends with -G/--get (its data options'
    `name=value` pairs: name, where the name starts, where its value starts and ends); None when
    it is not such a command."""
    found = CURL_WORD.search(text, start, end)
    options = curl_options(text, found.end()) if found is not None else []
    if not any(o.name == "--get" for o in options):
        return None
    pairs = []
    for option in options:
        pair = DATA_PAIR.match(option.value or "") if option.name in BODY_OPTIONS else None
        if pair is not None:
            value = pair.end()
            whole = len(option.value or "")
            pairs.append((pair.group("name"), option.at, option.at + value, option.at + whole))
    return pairs


# -- httpie -------------------------------------------------------------------------------------------

# httpie's `http`/`https` and its clone xh's `xh`/`xhs`, which read the same request items.
HTTPIE_WORD = rx.compile(r"(?<![\w./-])(?:https?|xhs?)(?=\s)")
# A request item: name==value (query), name:=value (raw JSON), name=value (JSON string),
# Name:value (a header, not a field), name@file (a file).
HTTPIE_ITEM = rx.compile(r"(?P<name>[A-Za-z_][\w.\[\]-]*)(?P<sep>==|:=|=|:|@|=@|:=@)")


@dataclass(frozen=True)
class Item:
    name: str
    at: int  # where the name starts in the text
    value_start: int
    value_end: int
    query: bool  # name==value
    raw: bool  # name:=value: the value is JSON as written


def httpie_items(text: str, start: int = 0) -> list[Item]:
    """The query parameters and body fields of the httpie command in `text` (`http [METHOD] URL
    items...`): headers, files and options are not fields."""
    run = HTTPIE_WORD.search(text, start)
    if run is None:
        return []
    found: list[Item] = []
    for word in words(text, run.end()):
        if word.text.startswith("-"):
            continue
        item = HTTPIE_ITEM.match(word.text)
        if item is None or item.group("sep") in (":", "@", "=@", ":=@"):
            continue
        if "://" in word.text or word.text.startswith(("$", "/")):
            continue
        value = word.text[item.end() :]
        value_at = _value_offset(text, word, item.end())
        found.append(
            Item(
                item.group("name"),
                word.inner,
                value_at,
                value_at + len(value),
                item.group("sep") == "==",
                item.group("sep") == ":=",
            )
        )
    return found


# akool's own `akool api METHOD PATH -f key=value` (a string field) and `-F key=value` (a
# JSON-typed one): the body's fields, or the query's for GET and DELETE (docs/doctor.md).
AKOOL_API = rx.compile(r"(?<![\w./-])akool\s+api\s+(?P<m>GET|POST|PUT|DELETE|PATCH)\s")
FIELD_OPTIONS = frozenset({"-f", "--field", "-F", "--typed-field"})
FIELD_ITEM = rx.compile(r"(?P<name>[A-Za-z_][\w.\[\]-]*)=")


def akool_api_items(text: str, start: int = 0) -> list[Item]:
    """The fields of the `akool api` command in `text`: each `-f`/`-F` option's `key=value`."""
    run = AKOOL_API.search(text, start)
    if run is None:
        return []
    query = run.group("m") in ("GET", "DELETE")
    found: list[Item] = []
    given = False  # (the word before was -f or -F)
    for word in words(text, run.end()):
        item = FIELD_ITEM.match(word.text) if given else None
        given = word.text in FIELD_OPTIONS
        if item is not None:
            value_at = _value_offset(text, word, item.end())
            end = value_at + len(word.text) - item.end()
            found.append(Item(item.group("name"), word.inner, value_at, end, query, False))
    return found


def _value_offset(text: str, word: Word, index: int) -> int:
    """Where the word's character `index` (of its unquoted text) sits in `text`: in a word that
    opens with a quote (`"name=x"`), or one whose value does (`name="$X"`)."""
    if word.inner > word.start:
        return word.inner + index
    at = word.start + index
    return at + 1 if text[at : at + 1] in "\"'" else at

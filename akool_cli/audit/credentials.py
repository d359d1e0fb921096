"""Credential-looking values abridged wherever the audit quotes what it found: a key pasted into
the wrong field is already in the file, but a CI log and an uploaded SARIF log must not widen who
sees it (break21h #12: an Agora token in `agora_uid`, an OpenAI key in `voice_options.speed`).
A credential is known by its shape (CREDENTIAL) or, on a line `--diff` would print, by where it
is written: the literal value of an API key's header or name, a secret's or a token's, whatever
its shape (`"x-api-key": "9f8e..."`: an all-lowercase key looks like no known form; breakit34)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from akool_cli.audit import rx

# Known credential formats (by their prefix), then any long token mixing upper and lower case
# letters and digits (an opaque key), or holding a run of 32 small letters and digits with both
# (a hex key, `9f8e7d6c...`: breakit34); each is shown by its first four characters. A known form
# also as a URL path's segment (`/v3/sk-proj-.../quota`: break21i #31); a long token too, as
# a path's segment (`/video/status/<key>`: cross35), but not as a file's name after a `/`, one
# that ends in an extension (`/a/AbCd...89.png`, `/1753...-b6e4...eddb8.png` are no keys).
NO_FILE_NAME = r"(?:(?<!/)|(?![\w+=-]*\.\w))"
CREDENTIAL = rx.compile(
    r"(?<![\w+=-])(?:"
    r"sk[-_](?:proj-|live_|test_|ant-)?[\w-]{12,}"  # OpenAI, Anthropic, Stripe, ElevenLabs
    r"|rk_(?:live|test)_\w{12,}|pk_live_\w{12,}"  # Stripe's restricted and live keys
    r"|007eJ[\w+/=-]{12,}"  # Agora RTC tokens
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}"  # AWS access key ids
    r"|gh[pousr]_\w{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}"  # GitHub, GitLab
    r"|xox[abprs]-[\w-]{10,}"  # Slack
    r"|AIza[\w-]{30,}|hf_[A-Za-z0-9]{20,}"  # Google API keys, Hugging Face
    r"|eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{4,}"  # JSON Web Tokens
    r"|"
    + NO_FILE_NAME
    + r"(?=[\w+=-]{32})(?=[\w+=-]*?[A-Z])(?=[\w+=-]*?[a-z])(?=[\w+=-]*?\d)[\w+=-]{32,}"
    r"|"
    + NO_FILE_NAME
    + r"[\w+=-]*?(?<![A-Za-z0-9])(?=[a-z0-9]*?\d)(?=[a-z0-9]*?[a-z])[a-z0-9]{32,}"
    r"(?![A-Za-z0-9])[\w+=-]*"
    r")"
)
SHOWN = 4  # the characters of a credential shown before "…"
# What each of CREDENTIAL's forms starts with, at a token's start (TOKEN_CHAR not before it),
# unless it is a run of 32 of a token's characters: a text holding none is passed over, not
# searched for CREDENTIAL at each of its places (every message of a run goes through it).
MARKS = ("sk-", "sk_", "rk_", "pk_live_", "007eJ", "AKIA", "ASIA", "gh", "glpat-", "xox", "AIza")
MARKS_MORE = ("hf_", "eyJ")
TOKEN_CHAR = rx.compile(r"[\w+=-]")
LONG_TOKEN = rx.compile(r"[\w+=-]{32}")


@lru_cache(maxsize=4096)  # (a run's findings share few messages: bench's 7,000 findings, 7 texts)
def abridged(text: str) -> str:
    """The text with each credential-looking value cut to its first characters and "…"."""
    if len(text) < 12 or not _may_hold(text):
        return text
    return CREDENTIAL.sub(lambda m: m.group()[:SHOWN] + "…", text)


def holds(text: str) -> bool:
    """Whether the text holds a credential-looking value: one that `abridged` cuts, or the
    literal value of a name, a key or a header that says it holds a credential (KEYED)."""
    if len(text) < 12:
        return False
    return (_may_hold(text) and CREDENTIAL.search(text) is not None) or _keyed(text)


# Where a literal is a credential whatever its shape: the value of a name, a key or a header
# that says it holds one (`"x-api-key": "..."`, `AKOOL_API_KEY = "..."`, `clientSecret: '...'`,
# `api_token := "..."`, `API_KEY: str = "..."`), a call's pair (`.header("Authorization",
# "Bearer ...")`, `getenv("AKOOL_API_KEY", "...")`), or a header's value after `:` (see
# _header_value). Every form starts at the name's word, so that a text is searched only where
# one of them is (a search that tried each form at each place cost 1.7 s on 5 MB).
KEYED = rx.compile(
    r"(?:x-)?(?:api[-_]?key|secret|token|authorization)(?:"
    r"(?:(?P<tail>[\w-]*)[\"'`]?\]?\s*(?:(?::\s*|\s+)[A-Za-z_][\w.]*\??\s*=(?![=>])|:=|=>|=(?!=)|:)"
    r"|(?P<pair>[\"']\s*,))\s*"
    r"(?:[rbuf]{1,2}|[$@])?(?:\"(?P<d>[^\"\n]*)\"|'(?P<s>[^'\n]*)'|`(?P<b>[^`\n]*)`)"
    r"|[ \t]*:[ \t]*(?P<h>[^\"'`\n]*))",
    re.IGNORECASE,
)
# The same name's value written unquoted, as configurations write values (a workflow's `env:`
# `AKOOL_API_KEY: k`, a Dockerfile's `ENV AKOOL_API_KEY k`, an .http file's `@apiKey = k`, a
# command's `--api-key k`): one word holding a digit that ends its line (then only a `\` or a
# comment), so that code's names and calls (`api_key = load_key(path)`, `token = t.value`) and
# values read from elsewhere (`${{ secrets.K }}`, `$KEY`) are no such word (cross35).
UNQUOTED = rx.compile(
    r"(?:x-)?(?:api[-_]?key|secret|token|authorization)(?P<tail>[\w-]*)[\"']?"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+)(?P<u>(?=[^\s\\]*\d)[\w+/=~.-]{8,})"
    r"[ \t]*\\?[ \t]*(?:#.*)?$",
    re.IGNORECASE | re.MULTILINE,
)
# A header or variable written as a name and then its value (Postman's `{"key": "x-api-key",
# "value": "..."}`, a HAR's `{"name": "Authorization", "value": "Bearer ..."}`, Insomnia's YAML
# `- name: x-api-key` then `value: ...`): PAIRED from the name's word, NAMING just before it.
PAIRED = rx.compile(
    r"(?:x-)?(?:api[-_]?key|secret|token|authorization)(?P<tail>[\w-]*)[\"']?\s*(?:,\s*)?"
    r"[\"']?value[\"']?\s*:\s*(?:[\"'](?P<d>[^\"'\n]*)[\"']|(?P<u>[^\s\"',}]+))",
    re.IGNORECASE,
)
NAMING = rx.compile(r"[\"']?(?:key|name)[\"']?\s*:\s*[\"']?$", re.IGNORECASE)
KEY_WORD = rx.compile(r"api[-_]?key|secret|token|authorization")  # (in a text made small)
KEY_WORDS = ("key", "secret", "token", "authoriz")  # (one of which each of KEY_WORD's holds)
HEADER_NAMES = ("x-api-key", "authorization")
# A header's value on a line of its own (an .http file's `Authorization: Bearer ...`): a word,
# after a scheme when the header is Authorization (a script's `Authorization: token,` is code).
HEADER_LINE = rx.compile(r"(?:(?:bearer|basic|token)\s+)?[\w+/=~.-]+\s*", re.IGNORECASE)
SCHEMED = rx.compile(r"(?:bearer|basic|token)\s", re.IGNORECASE)
# The rest of a name that says it holds something else than the credential: its URL, header,
# variable's name or type (`TOKEN_URL`, `API_KEY_HEADER = "x-api-key"`, `token_type`, `tokenizer`).
NOT_SECRET_NAME = rx.compile(
    r"url|uri|link|path|endpoint|route|host|header|name|type|file|env|field|param|label|izer",
    re.IGNORECASE,
)
# What a literal's text holds that is no part of a key it writes: an interpolation (`{key}`,
# `${KEY}`, `$KEY`, `#{key}`, `%KEY%`, `%s`) and an Authorization header's scheme (`Bearer `).
INTERPOLATION = rx.compile(
    r"\$\{[^}]*\}|\{\{[^}]*\}\}|#\{[^}]*\}|\{[^{}]*\}|\$\(?\w+\)?|%\w+%|%\(\w+\)s|%[sdr]"
)
SCHEME = rx.compile(r"^\s*(?:bearer|basic|token)\b\s*", re.IGNORECASE)
# A stand-in for a key, which prints nothing secret (`YOUR_API_KEY`, `<token>`, `xxxx`, `sk-...`).
PLACEHOLDER = rx.compile(
    r"<[^>]*>|\[[^\]]*\]|(.)\1*"
    r"|.*(?:your|placeholder|example|changeme|change_me|replace|redacted|xxx|\*\*\*|\.\.\.).*",
    re.IGNORECASE,
)
ENV_NAME = rx.compile(r"[A-Z][A-Z_]*")  # (an environment variable's name: `AKOOL_API_KEY`)
# Another such name as the value, without a digit (`("access_token", "accessToken")`, a list of
# the fields a logger hides): a name, not a key.
NAMED = rx.compile(r"api[-_]?key|secret|token|authorization", re.IGNORECASE)
SHORTEST = 8  # the fewest characters a keyed value has to be a credential (`"token": "bearer"`)


def _keyed(text: str) -> bool:
    """Whether the text writes a credential as the literal value of a name, a key or a header
    that says it holds one (KEYED), whatever the value's shape."""
    return next(_keyed_literals(text), None) is not None


def keyed_values(text: str) -> frozenset[str]:
    """The keys the text writes as such literals, as they would be quoted (no scheme: `Bearer
    k` gives `k`), to be cut short wherever a finding quotes them: the same value sent in a
    wrong field (`resolution: API_KEY`) is no less a key there (cross35). Only those with a
    digit or both letter cases: a word (`"token": "video_model_id"`) is cut nowhere."""
    values = set()
    for literal in _keyed_literals(text):
        if INTERPOLATION.search(literal):
            continue  # (a value read from elsewhere: no literal key to find in a message)
        value = SCHEME.sub("", literal).strip()
        if any(ch.isdigit() for ch in value) or (value.lower() != value != value.upper()):
            values.add(value)
    return frozenset(values)


def keys_in(line: str, before: str = "") -> frozenset[str]:
    """The keys written as such (keyed_values) that the line holds, read with the line before
    it (Insomnia's `- name: x-api-key`, then `value: ...`): two lines, not the whole file, so a
    file of 5,000 calls each naming its key costs nothing more."""
    return frozenset(k for k in keyed_values(f"{before}\n{line}" if before else line) if k in line)


def quoted_keys(text: str, found: str, known: dict[str, bool]) -> frozenset[str]:
    """The words of a finding's `found` that the text writes as keys (keys_in), at the first
    places it holds each: a key sent in a wrong field (`resolution: API_KEY`) is quoted.
    `known`: each word's answer for this text so far (a file's findings share a few words)."""
    keys = set()
    words = set(WORD.findall(found))  # (and a path's segments: `/quota/info/<key>`)
    for word in words | {part for w in words for part in w.split("/") if len(part) >= SHORTEST}:
        if word not in known:
            known[word] = _written_as_key(text, word)
        if known[word]:
            keys.add(word)
    return frozenset(keys)


def _written_as_key(text: str, word: str) -> bool:
    if not (any(ch.isdigit() for ch in word) or word.lower() != word != word.upper()):
        return False
    at = text.find(word)
    for _ in range(PLACES):
        if at < 0:
            return False
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)]
        before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)]
        if word in keys_in(line, before):
            return True
        at = text.find(word, end if end >= 0 else len(text))
    return False


WORD = rx.compile(r"[\w+/=~.-]{8,}")  # (a key's characters, as UNQUOTED reads one)
# The places of a word looked at for a key's literal (a word used everywhere: the first ones).
PLACES = 20


def hidden(text: str, values: frozenset[str]) -> str:
    """The text with each of the values (keyed_values) cut to its first characters and "…",
    where it stands as a whole token (not inside a longer word)."""
    for value in sorted(values, key=len, reverse=True):
        if value in text:
            whole = r"(?<![\w+=-])" + re.escape(value) + r"(?![\w+=-])"
            text = re.sub(whole, lambda m: m.group()[:SHOWN] + "…", text)
    return text


def _keyed_literals(text: str) -> Iterator[str]:
    """Each literal the text writes as the value of a name, a key or a header that says it
    holds a credential (KEYED) and that writes one (see _secret)."""
    for m in _keyed_matches(text):
        if m.group("tail") and NOT_SECRET_NAME.search(m.group("tail")):
            continue
        if m.group("pair") and not _quoted_name(text, m.start()):
            continue  # (`("legacy-token-flow", "x")`, `"v3/getToken", "application/json"`)
        value = m.group("h")
        if value is not None:
            value = _header_value(text, m.start(), m.group().split(":")[0].strip(), value)
        else:
            value = next((v for v in m.group("d", "s", "b") if v is not None), "")
        if value and _secret(value):
            yield value
    for pattern in (UNQUOTED, PAIRED):
        for m in _keyed_matches(text, pattern):
            value = m.group("u") if m.group("u") is not None else m.group("d")
            if pattern is PAIRED and not NAMING.search(text, max(0, m.start() - 24), m.start()):
                continue  # (no `"key": ` before the name: `"token", "value": x` is code)
            tail = m.group("tail")
            if not (tail and NOT_SECRET_NAME.search(tail)) and _secret(value):
                yield value


def _keyed_matches(text: str, pattern: re.Pattern[str] = KEYED) -> Iterator[re.Match[str]]:
    """The pattern's (KEYED's) match at each of its words in the text, found in the text made
    small (a search of KEYED itself, case-insensitive, tried each place: 0.65 s on 5 MB holding
    none)."""
    small = text.lower()
    if not any(word in small for word in KEY_WORDS):
        return
    if len(small) != len(text):  # (a character whose small form is longer: `İ`)
        yield from pattern.finditer(text)
        return
    for word in KEY_WORD.finditer(small):
        at = word.start() - 2 if small.startswith("x-", word.start() - 2) else word.start()
        m = pattern.match(text, max(at, 0))
        if m is not None:
            yield m


def _quoted_name(text: str, at: int) -> bool:
    """Whether the name whose word starts at `at` is a whole string: only a name's characters
    between its opening quote and the word (`"AKOOL_API_KEY"`, not `ENV["X"], "Y"`)."""
    start = at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    return start > 0 and text[start - 1] in "\"'"


def _header_value(text: str, at: int, name: str, value: str) -> str | None:
    """A header's value after its `:`: in a string that the name starts (curl's `-H
    "x-api-key: ..."`), up to its quote; or on a line of its own (see HEADER_LINE)."""
    if name.lower() not in HEADER_NAMES:
        return None
    if at > 0 and text[at - 1] in "\"'`":
        return value
    line_start = text.rfind("\n", 0, at) + 1
    if text[line_start:at].strip() or HEADER_LINE.fullmatch(value) is None:
        return None
    if name.lower() == "authorization" and SCHEMED.match(value) is None:
        return None
    return value


def _secret(value: str) -> bool:
    """Whether a keyed literal's text writes a key: one word of SHORTEST characters or more
    once its interpolations and scheme are set aside, no URL, path or placeholder."""
    value = SCHEME.sub("", INTERPOLATION.sub("", value)).strip()
    return (
        len(value) >= SHORTEST
        and not any(ch.isspace() for ch in value)
        and "://" not in value
        and not value.startswith("/")
        and PLACEHOLDER.fullmatch(value) is None
        and ENV_NAME.fullmatch(value) is None
        and not (NAMED.search(value) and not any(ch.isdigit() for ch in value))
    )


def _may_hold(text: str) -> bool:
    """Whether CREDENTIAL may find something in the text: one of its forms' MARKS at a token's
    start, or a long token, in a word of 32 characters or more between spaces and slashes
    (a path's, a URL's: neither is a token's character)."""
    for mark in MARKS + MARKS_MORE:
        at = text.find(mark)
        while at >= 0:
            if at == 0 or not TOKEN_CHAR.match(text, at - 1):
                return True
            at = text.find(mark, at + 1)
    words = [word for word in text.split() if len(word) >= 32]
    parts = [part for word in words for part in word.split("/") if len(part) >= 32]
    return any(LONG_TOKEN.search(part) for part in parts)

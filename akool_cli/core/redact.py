"""Hides secrets in anything akool may print, log or record: headers, JSON bodies, URLs and free text.

Three kinds of secret: values this process knows (an API key, a client secret, a bearer token),
replaced wherever they appear, also as a server may echo them (in another case, percent-encoded,
cut short: any RUN of their characters in a row); the signing parts of URLs (a presigned URL's X-Amz-Signature,
X-Amz-Credential, X-Amz-Security-Token, X-Goog-Signature, any `sig`, `token`, `secret`, `key`,
`sign`, `jwt`, `hmac`, `code`, `session`, `hash`-like query value: SIGNING_ENDINGS, SIGNING_NAMES), shown as "…"; and a URL's
user:password@, shown as "***@".
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import unquote

from akool_cli.core.contract import SANDBOX_API_KEY

MASK = "***"
ELIDED = "…"  # a URL's signing value: the URL stays readable, the signature is gone
SECRET_HEADERS = frozenset({"x-api-key", "authorization", "cookie", "set-cookie"})
SECRET_FIELDS = frozenset({"clientSecret", "client_secret", "token", "access_token", "api_key"})
# Query parameters whose value signs or authorises, as data, matched
# without regard to case; "_" stands for "_", "-" or nothing (api_key, api-key, apikey).
# Any name ending in one of these: X-Amz-Signature, X-Goog-Credential, X-Amz-Security-Token,
# sig (Azure), Signature and AWSAccessKeyId (S3's older presigning), access_token, client_secret,
# auth_key (Alibaba/Tencent CDN signed URLs), id_jwt...
SIGNING_ENDINGS = (
    "signature",
    "sig",
    "token",
    "credential",
    "secret",
    "password",
    "passwd",
    "jwt",
    "api_key",
    "auth_key",
    "secret_key",
    "private_key",
    "access_key",
    "access_key_id",
    "access_id",
    "hmac",  # Akamai-style token signatures (hmac=, url_hmac=)
)
# Names that sign or authorise only whole (as endings they would catch design=, monkey=,
# zipcode=, filehash=): key (Google API keys), sign (Tencent CDN, many Chinese APIs), auth,
# authorization, code (OAuth authorization codes), session and session_id, hash (signed-URL
# hashes).
SIGNING_NAMES = ("key", "sign", "auth", "authorization", "code", "session", "session_id", "hash")


def _name_pattern(name: str) -> str:
    return "[-_]?".join(re.escape(part) for part in name.split("_"))


ENDING_NAME = rf"[\w.-]*?(?:{'|'.join(map(_name_pattern, SIGNING_ENDINGS))})"
WHOLE_NAME = f"(?:{'|'.join(map(_name_pattern, SIGNING_NAMES))})"
# Only where a query parameter starts (after ?, & or ;, a fragment's #, also percent-encoded, as
# in a URL inside another's query): free text (a prompt, a speech's text: "say token=abc"), a
# URL's path (/auth_token=x/p.jpg) and a local file's name (take_token=4.mp4) are not a URL's
# query and keep their words; masked, a prompt would no longer match AKOOL's echo of it
# (break17i I8, I10).
QUERY_START = "(?:(?<=[?&;#])|(?<=%3F)|(?<=%3f)|(?<=%26)|(?<=%23))"
SIGNED_VALUE = re.compile(
    rf"(?i){QUERY_START}({ENDING_NAME}|{WHOLE_NAME})(=|%3D)([^&\s\"'<>#\\),;]+)"
)
# user:password@ right after a scheme's ://, in a URL anywhere in a text.
USERINFO = re.compile(r"(?<=://)[^/?#@\s\"'<>]+@")
# How an akool before break17i I8 masked: any such name=value in any text (a prompt too). Only to
# compare a value recorded so with what AKOOL echoes (core/answers.py), never to hide anything.
SIGNED_VALUE_BEFORE = re.compile(
    rf"(?i)((?<![\w.-]){ENDING_NAME}|{QUERY_START}{WHOLE_NAME})(=|%3D)([^&\s\"'<>#\\),;]+)"
)


def headers(values: Mapping[str, str]) -> dict[str, str]:
    return {k: (MASK if k.lower() in SECRET_HEADERS else v) for k, v in values.items()}


def fields(value: Any) -> Any:
    """A copy of a JSON value with secret-named fields masked, at any depth."""
    if isinstance(value, dict):
        return {k: (MASK if k in SECRET_FIELDS else fields(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [fields(v) for v in value]
    return value


def signed(value: str) -> str:
    """Text (a URL, a message) with every signing query value shown as … and any
    user:password@ as ***@: what may be shown or recorded of a presigned URL."""
    if "=" in value or "%3D" in value or "%3d" in value:
        value = SIGNED_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{ELIDED}", value)
    if "@" in value:
        value = USERINFO.sub(MASK + "@", value)
    return value


def signed_before(value: str) -> str:
    """`signed` as akool applied it before break17i I8 (name=value masked in free text and URL
    paths too): what a value recorded then looks like, so that an echo can be compared with it."""
    value = SIGNED_VALUE_BEFORE.sub(lambda m: f"{m.group(1)}{m.group(2)}{ELIDED}", value)
    return signed(value)


def signed_fields(value: Any) -> Any:
    """A copy of a JSON value with `signed` applied to every string in it (recorded inputs)."""
    return _each_string(value, signed)


def _each_string(value: Any, change: Callable[[str], str]) -> Any:
    """A copy of a JSON value with `change` applied to every string in it, at any depth."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {k: _each_string(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [_each_string(v, change) for v in value]
    return value


# What a signer writes anew each time it signs the same object, besides the signature: when the
# URL was signed (X-Amz-Date and X-Amz-Expires of S3's SigV4, X-Goog-* of GCS, Expires of SigV2
# and CloudFront, Azure SAS's se and st). Matched without regard to case.
SIGNING_TIMES = (
    "x-amz-date",
    "x-amz-expires",
    "x-goog-date",
    "x-goog-expires",
    "expires",
    "se",
    "st",
)
SIGNING_TIME = re.compile(rf"(?i)(?<=[?&;])({'|'.join(map(re.escape, SIGNING_TIMES))})=([^&#\s]*)")


def stable(value: str) -> str:
    """A URL as the history records and compares it: `signed`, and in a signed URL the values
    a signer changes each time (SIGNING_TIMES) shown as … too, so one object presigned twice
    (a file uploaded earlier, given to AKOOL again) is one input, not two."""
    shown = signed(value)
    if "?" not in value or not SIGNED_VALUE.search(value):
        return shown  # nothing was signed: its query is the input's own
    return SIGNING_TIME.sub(lambda m: f"{m.group(1)}={ELIDED}", shown)


def stable_fields(value: Any) -> Any:
    """A copy of a JSON value with `stable` applied to every string in it: a create's inputs as
    the history records them, the same for the same objects however often they are presigned."""
    return _each_string(value, stable)


# The signing parameters of each kind of presigned URL, by the parameter that signs it (names
# matched without regard to case): a signer writes them anew each time it signs the same object
# (the object is the URL's path and its other parameters). S3's SigV4 and GCS's V4 (x-amz-*,
# x-goog-*, by prefix), S3's SigV2, GCS's V2 and CloudFront (Signature), Azure's SAS (sig).
PRESIGNS: dict[str, tuple[frozenset[str], str]] = {
    "x-amz-signature": (frozenset(), "x-amz-"),
    "x-goog-signature": (frozenset(), "x-goog-"),
    "signature": (
        frozenset({"signature", "expires", "awsaccesskeyid", "googleaccessid", "key-pair-id"})
        | {"policy", "x-amz-security-token"},
        "",
    ),
    "sig": (
        frozenset({"sig", "sv", "ss", "srt", "sp", "se", "st", "spr", "sr", "si", "sip", "sdd"})
        | {"skoid", "sktid", "skt", "ske", "sks", "skv", "saoid", "suoid", "scid"},
        "",
    ),
}


def _presign_part(name: str, signers: list[str]) -> bool:
    """Whether a query parameter (lower case) is one a signer of this URL writes anew."""
    for signer in signers:
        names, prefix = PRESIGNS[signer]
        if name in names or (prefix and name.startswith(prefix)):
            return True
    return False


def identity(value: str) -> str:
    """What tells one input from another: the raw text, and of a presigned URL all but its
    signing parameters (PRESIGNS), so one object presigned twice is one input while URLs that
    differ in any other value (?token=alice, ?token=bob) are two. Holds secrets: only ever
    hashed (requests.identity_digest), never recorded or shown."""
    head, mark, query = value.partition("?")
    if not mark or "://" not in head:
        return value
    query, hash_mark, fragment = query.partition("#")
    pairs = query.split("&")
    names = [pair.partition("=")[0].lower() for pair in pairs]
    signers = [signer for signer in PRESIGNS if signer in names]
    if not signers:
        return value
    kept = [p for p, n in zip(pairs, names, strict=True) if not _presign_part(n, signers)]
    return f"{head}?{'&'.join(kept)}{hash_mark}{fragment}"


def identity_fields(value: Any) -> Any:
    """A copy of a JSON value with `identity` applied to every string in it."""
    return _each_string(value, identity)


def text(value: str, secrets: Iterable[str]) -> str:
    """Free text with every known secret value replaced and signed URLs masked. A secret is
    found as written and also as a server may echo it (break17i I11): in another case,
    percent-encoded, or cut short (any RUN or more of its characters in a row)."""
    seen = ""  # the text as _may_hold_run looks at it, once for every secret
    for secret in secrets:
        if secret and len(secret) >= 4:
            value = value.replace(secret, MASK)
            if len(secret) < RUN or secret in PUBLISHED:
                continue
            seen = seen or (unquote(value) if "%" in value else value).lower()
            if _may_hold_run(seen, secret):
                value, seen = _runs_masked(value, secret), ""
    return signed(value)


# A secret's characters in a row that are masked wherever they appear (a key cut at the edge of a
# clipped body, or echoed minus a character); fewer could be chance in any text.
RUN = 10
# Keys published for everyone, masked only whole: the local sandbox's (its "0123456789abcdef"
# is in many a hex id).
PUBLISHED = frozenset({SANDBOX_API_KEY})
# Of a long secret (a bearer token), runs are looked for from at most this many of its places
# (evenly spread), so the search stays one small pattern: a run of RUN plus the spacing less one
# always holds one of them.
RUN_STARTS = 40


def _may_hold_run(seen: str, secret: str) -> bool:
    """A quick look first: a run of RUN of the secret's characters holds one of its pieces of
    RUN // 2 that start at a multiple of RUN // 2, so text holding none of them (`seen`: the
    text percent-decoded, in lower case) holds no run; most text is passed over at C speed."""
    pieces = _pieces(secret)
    return not pieces or any(piece in seen for piece in pieces)


@functools.lru_cache(maxsize=32)
def _pieces(secret: str) -> tuple[str, ...]:
    if not secret.isascii():
        return ()  # a secret beyond ASCII: always looked at in full
    size, low = RUN // 2, secret.lower()
    return tuple(low[i : i + size] for i in range(0, len(low) - size + 1, size))


def _runs_masked(value: str, secret: str) -> str:
    """`value` with every run of RUN or more of the secret's characters in a row masked, matched
    without regard to case, each character as itself or percent-encoded (%2D for -)."""
    starts, pattern = _run_pattern(secret)
    spans: list[tuple[int, int]] = []
    found = pattern.search(value)
    while found is not None:
        at = starts[found.lastindex or 1]
        begin = _extend(value, secret, found.start(), at, back=True)
        end = _extend(value, secret, found.end(), at + RUN, back=False)
        if spans and begin <= spans[-1][1]:
            previous = spans.pop()
            begin, end = min(begin, previous[0]), max(end, previous[1])
        spans.append((begin, end))
        found = pattern.search(value, found.start() + 1)
    for begin, end in reversed(spans):
        value = value[:begin] + MASK + value[end:]
    return value


@functools.lru_cache(maxsize=32)
def _run_pattern(secret: str) -> tuple[dict[int, int], re.Pattern[str]]:
    """The pattern of a secret's runs (each a group; `starts` maps a group to the secret's index
    where its run starts)."""
    step = max(1, -(-(len(secret) - RUN + 1) // RUN_STARTS))
    begins = list(range(0, len(secret) - RUN + 1, step))
    runs = ["(" + "".join(map(_char, secret[i : i + RUN])) + ")" for i in begins]
    return dict(enumerate(begins, start=1)), re.compile("|".join(runs), re.IGNORECASE)


def _char(c: str) -> str:
    return f"(?:{re.escape(c)}|{re.escape(_encoded(c))})"


def _extend(value: str, secret: str, at: int, index: int, *, back: bool) -> int:
    """How far a run found at `at` (the secret's `index`) goes on in `value`: backwards from
    its start, or forwards from its end, one character (or its %XX) at a time."""
    while index > 0 if back else index < len(secret):
        c = secret[index - 1] if back else secret[index]
        step = _matches(value, at, c, back=back)
        if not step:
            return at
        at, index = (at - step, index - 1) if back else (at + step, index + 1)
    return at


def _matches(value: str, at: int, c: str, *, back: bool) -> int:
    """How many characters of `value` next to `at` spell `c` (0: none do)."""
    for form in (c, _encoded(c)):
        begin = at - len(form) if back else at
        if begin >= 0 and value[begin : begin + len(form)].lower() == form.lower():
            return len(form)
    return 0


def _encoded(c: str) -> str:
    """A character percent-encoded (a byte the system could not decode, held as a surrogate,
    as the byte it was)."""
    try:
        data = c.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return c
    return "".join(f"%{b:02X}" for b in data)


def body(raw: bytes, secrets: Iterable[str], limit: int = 2000) -> str:
    """A request or response body for a debug trace: parsed and masked if JSON, then clipped.

    Masked before clipping: clipped first, a secret cut at the edge would no longer match and
    all but its last characters would show.
    """
    try:
        shown = json.dumps(fields(json.loads(raw)), ensure_ascii=False)
    except (ValueError, UnicodeDecodeError, RecursionError):
        shown = raw.decode("utf-8", "replace")
    shown = text(shown, secrets)
    if len(shown) > limit:
        shown = shown[:limit] + f"… ({len(raw)} bytes)"
    return shown


class Redactor:
    """The secrets this process has seen, and the one object that hides them.

    The runtime makes one; the transport (debug traces), the output (every line printed) and the
    error boundary all hold that same object, so a secret learnt anywhere (a new bearer token) is
    hidden everywhere from then on.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: list[str] = []
        self.add(*secrets)

    def add(self, *values: str) -> None:
        for value in values:
            if value and value not in self._secrets:
                self._secrets.append(value)
        # Longest first: a secret that contains another is replaced whole.
        self._secrets.sort(key=len, reverse=True)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._secrets))

    def text(self, value: str) -> str:
        return text(value, self._secrets)

    def may_mask(self, value: str) -> bool:
        """Whether a known secret, or a run of one, may be in the text. False: `text` changes
        no line of it but by `signed` (a secret is looked for within a line, and the text's
        percent-decoding is its lines' joined: an escape never spans a line break)."""
        seen = ""
        for secret in self._secrets:
            if not secret or len(secret) < 4:
                continue
            if secret in value:
                return True
            if len(secret) < RUN or secret in PUBLISHED:
                continue
            seen = seen or (unquote(value) if "%" in value else value).lower()
            if _may_hold_run(seen, secret):
                return True
        return False

    def body(self, raw: bytes, limit: int = 2000) -> str:
        return body(raw, self._secrets, limit)

    def fields(self, value: Any) -> Any:
        """A copy of a JSON value with `text` applied to every string in it (an MCP tool's
        result, as `--json` prints a document)."""
        return _each_string(value, self.text)

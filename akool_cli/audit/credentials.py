"""Credential-looking values abridged wherever the audit quotes what it found: a key pasted into
the wrong field is already in the file, but a CI log and an uploaded SARIF log must not widen who
sees it (break21h #12: an Agora token in `agora_uid`, an OpenAI key in `voice_options.speed`)."""

from __future__ import annotations

from functools import lru_cache

from akool_cli.audit import rx

# Known credential formats (by their prefix), then any long token mixing upper and lower case
# letters and digits (an opaque key); each is shown by its first four characters. A known form
# also as a URL path's segment (`/v3/sk-proj-.../quota`: break21i #31); a long token not after a
# `/` (a file's name in a URL, `/a/AbCd...89.png`, is no key).
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
    r"|(?<!/)(?=[\w+=-]{32})(?=[\w+=-]*?[A-Z])(?=[\w+=-]*?[a-z])(?=[\w+=-]*?\d)[\w+=-]{32,}"
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
    """Whether the text holds a credential-looking value (one that `abridged` cuts)."""
    return len(text) >= 12 and _may_hold(text) and CREDENTIAL.search(text) is not None


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

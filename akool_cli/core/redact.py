"""Hides secrets in anything akool may print or log: headers, JSON bodies and free text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

MASK = "***"
SECRET_HEADERS = frozenset({"x-api-key", "authorization", "cookie", "set-cookie"})
SECRET_FIELDS = frozenset({"clientSecret", "client_secret", "token", "access_token", "api_key"})


def headers(values: Mapping[str, str]) -> dict[str, str]:
    return {k: (MASK if k.lower() in SECRET_HEADERS else v) for k, v in values.items()}


def fields(value: Any) -> Any:
    """A copy of a JSON value with secret-named fields masked, at any depth."""
    if isinstance(value, dict):
        return {k: (MASK if k in SECRET_FIELDS else fields(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [fields(v) for v in value]
    return value


def text(value: str, secrets: Iterable[str]) -> str:
    """Free text with every known secret value replaced; the last line of defence."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            value = value.replace(secret, MASK)
    return value


def body(raw: bytes, secrets: Iterable[str], limit: int = 2000) -> str:
    """A request or response body for a debug trace: parsed and masked if JSON, clipped otherwise."""
    try:
        shown = json.dumps(fields(json.loads(raw)), ensure_ascii=False)
    except (ValueError, UnicodeDecodeError):
        shown = raw[:limit].decode("utf-8", "replace")
    if len(shown) > limit:
        shown = shown[:limit] + f"… ({len(raw)} bytes)"
    return text(shown, secrets)


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

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._secrets))

    def text(self, value: str) -> str:
        return text(value, self._secrets)

    def body(self, raw: bytes, limit: int = 2000) -> str:
        return body(raw, self._secrets, limit)

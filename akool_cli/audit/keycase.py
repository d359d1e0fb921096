"""Request keys converted to snake_case before they are sent (snakecase-keys, humps' decamelize,
axios-case-converter, .NET's JsonNamingPolicy.SnakeCaseLower, Jackson's SNAKE_CASE, Newtonsoft's
SnakeCaseNamingStrategy, Rails' deep_transform_keys(&:underscore)): such a key is judged as sent."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from akool_cli.audit import fields as f
from akool_cli.audit import rx
from akool_cli.core.catalogue import DocEndpoint

# A converter of an object's keys (or a serializer's names) to snake_case.
SNAKES = rx.compile(
    r"snake_?case_?keys|snakecase-keys|\bdecamelize(?:Keys)?\b|axios-case-converter"
    r"|applyCaseMiddleware|keys_?to_?snake|to_?snake_?case_?keys|deep_?snake|snakeize"
    r"|JsonNamingPolicy\.SnakeCase(?:Lower|Upper)|SnakeCaseNamingStrategy"
    r"|PropertyNamingStrateg(?:y|ies)\.SNAKE_CASE|SnakeCaseStrategy|LOWER_CASE_WITH_UNDERSCORES"
    r"|transform_keys\(\s*&:underscore\)|mapKeys\([^)]*snakeCase",
    re.IGNORECASE,
)
HINTS = ("nake", "ecamel", "case-converter", "CaseMiddleware", "UNDERSCORES", "underscore")
CAMEL_HUMP = rx.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snakes_keys(text: str, in_prose: Callable[[int, int], bool]) -> bool:
    """Whether a file's code converts request keys to snake_case somewhere (see SNAKES; a
    converter named in prose, a Markdown sentence, converts nothing)."""
    if not any(h in text for h in HINTS):
        return False
    for m in SNAKES.finditer(text):
        line = text.count("\n", 0, m.start())
        if not in_prose(line, m.start() - (text.rfind("\n", 0, m.start()) + 1)):
            return True
    return False


def snake(name: str) -> str:
    """`talkingPhotoUrl` / `TalkingPhotoUrl` as a snake_case converter sends it."""
    return CAMEL_HUMP.sub("_", name).lower()


def as_sent(keys: list[f.Key], endpoint: DocEndpoint) -> list[f.Key]:
    """The keys, each one in camelCase or PascalCase whose snake_case form the endpoint documents
    named so (it is sent so); the others as written (a documented `webhookUrl` stays)."""
    names = {d.name for d in (*endpoint.body, *endpoint.query)}
    out = []
    for key in keys:
        sent = snake(key.name) if any(c.isupper() for c in key.name) else key.name
        out.append(replace(key, name=sent) if sent != key.name and sent in names else key)
    return out

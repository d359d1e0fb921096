"""Hoppscotch's collections read as Postman's are: a request's `"endpoint": "<<base>>/content/..."`
names its variables `<<name>>`, read as the `{{name}}` of other collections (the same length, so
every finding and fix stays at the file's own line and column)."""

from __future__ import annotations

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece

ENDPOINT = rx.compile(r'"endpoint"\s*:\s*"[^"]*<<')
VARIABLE = rx.compile(r"<<(?P<n>[A-Za-z_][\w.-]*)>>")


def is_collection(_name: str, text: str) -> bool:
    """A JSON file with a Hoppscotch request whose endpoint names a `<<variable>>`."""
    return ENDPOINT.search(text) is not None


def read(text: str) -> list[Code]:
    """The file with its `<<name>>` variables written `{{name}}`, read as JSON."""
    lines = source.split_lines(VARIABLE.sub(lambda m: "{{" + m["n"] + "}}", text))
    return [Code(".json", lines, [(Piece(0, n, 0, len(t)),) for n, t in enumerate(lines)])]

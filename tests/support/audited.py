"""What `akool audit` says of a script's text, for tests: its findings as (line, rule, found)
and the text that its exact fixes give."""

from __future__ import annotations

from akool_cli.audit.scan import audit_text


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


def patched(text: str, name: str) -> str:
    """The text with every exact fix of its findings applied."""
    lines = text.split("\n")
    for f in audit_text(text, name):
        for fix in (f.fix, *f.fix.also) if f.fix is not None else ():
            line = lines[fix.line]
            lines[fix.line] = line[: fix.start] + fix.new + line[fix.end :]
    return "\n".join(lines)

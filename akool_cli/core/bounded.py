"""Reads of standard input and of files a user names with a ceiling: `/dev/zero` or a runaway pipe
gives one clear error at the documented limit at once, never gigabytes of memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, AnyStr

from akool_cli.core.errors import UsageError

# The documented limits (docs/troubleshooting.md, "Inputs too large").
SECRET_BYTES = 16 * 1024  # `login`: an API key or client secret is well under 1 KiB
BODY_BYTES = 8 * 1024 * 1024  # `api --input`: AKOOL's request bodies are a few KB
GLOSSARY_BYTES = 1024 * 1024  # `translate --glossary`, a batch's `glossary`: a few KB of JSON
# akool's own files: config.json (a few hundred bytes per profile), a sandbox's ready file.
STATE_FILE_BYTES = 1024 * 1024
# `talk --text -`, `avatar --text -`, `moderate -`: a text on standard input (AKOOL's plans take
# at most 50,000 characters to speak; the products' own checks say so past that).
TEXT_CHARS = 1024 * 1024
# `akool mcp`: one JSON-RPC message (a line, in bytes) on standard input; a tool call is a few KB.
MCP_MESSAGE_BYTES = 4 * 1024 * 1024


def size_text(limit: int) -> str:
    return f"{limit // 1024 // 1024} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


def read_at_most(stream: IO[AnyStr], limit: int, what: str, hint: str) -> AnyStr:
    """All of stream, refused (UsageError) once it passes `limit` bytes (characters, for text):
    at most limit + 1 are ever read."""
    try:
        data = stream.read(limit + 1)
    except UnicodeDecodeError as exc:  # a strict text stream
        raise UsageError(f"{what} is not UTF-8 text ({exc.reason})", hint=NOT_UTF8_HINT) from None
    if len(data) > limit:
        raise UsageError(
            f"{what} is larger than {size_text(limit)}, akool's limit for it", hint=hint
        )
    if isinstance(data, str):
        _check_utf8(data, what)
    return data


# Standard input whose bytes are not UTF-8 (a Latin-1 or UTF-16 file piped in).
NOT_UTF8_HINT = "convert it to UTF-8 first, e.g. iconv -f LATIN1 -t UTF-8 FILE | akool …"


def _check_utf8(text: str, what: str) -> None:
    """Text read with surrogateescape keeps undecodable bytes as lone surrogates, which fail
    only when the text is sent, after its create was claimed (break17h H21: an unknown outcome
    recorded for a create that never left): refused here, before anything is recorded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        byte = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "a character"
        raise UsageError(
            f"{what} is not UTF-8 text ({byte} at character {exc.start})", hint=NOT_UTF8_HINT
        ) from None


def read_text_file(path: Path, limit: int, what: str, hint: str) -> str:
    """A UTF-8 file a user named (`what` names it in errors), at most `limit` bytes: one that is
    not a regular file is refused before anything is read, as `talk` refuses such an image (a
    FIFO nobody writes to would block its open for good: break17f N2; /dev/zero never ends)."""
    try:
        return read_regular_file(path.expanduser(), limit, what, hint).decode("utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {what}: {exc.strerror or exc}", hint=hint) from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{what} is not UTF-8 text ({exc.reason})", hint=hint) from None


def read_regular_file(path: Path, limit: int, what: str, hint: str) -> bytes:
    """The bytes of a file akool keeps for itself (config.json, a sandbox's ready file), at
    most `limit`: one that is not a regular file (/dev/zero would never end, a FIFO never
    opens) or is larger is refused (UsageError) before anything is read. OSError (a missing
    file…) is the caller's to judge."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(f"{what} is not a regular file", hint=hint)
        return read_at_most(handle, limit, what, hint)

"""Checks of what users type, before anything is sent: URLs, resolutions, job ids, speeds.

Each check returns the cleaned value or raises UsageError with a hint; nothing here does I/O
except asking whether a path that looks local exists.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult

from akool_cli.core import contract
from akool_cli.core.errors import UsageError

# Re-exported: the speed check lives with the other VoiceLab rules.
from akool_cli.core.speech import check_speed as check_speed
from akool_cli.core.urls import mask_userinfo, not_utf8, split_url
from akool_cli.core.wording import DIGITS_0_9, example, flag_of, given, plain

RESOLUTIONS = (
    next(f.enum for f in contract.CREATE_TALKING_PHOTO.body if f.name == "resolution") or ()
)
JOB_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The allowed range (inclusive) of every numeric option, in one place.
RANGES: dict[str, tuple[float, float]] = {
    "--limit": (1, 100_000),  # rows of history for `status`; SQLite's LIMIT overflows past 2**63
    "--newest": (1, 100_000),  # Client.history's newest (MCP history's limit), as --limit
    # Jobs in flight at once: AKOOL plans allow a handful; more only adds threads and 429s.
    "--concurrency": (1, 64),
}
# Control characters (C0, DEL, C1): never part of a URL that works.
URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_url_form(text: str, label: str) -> SplitResult:
    """The parts of a URL without control characters, with closed brackets and a valid port."""
    control = URL_CONTROL.search(text)
    if control is not None:
        # urlsplit silently drops tabs and line breaks; a NUL would cut the URL short elsewhere.
        raise UsageError(
            f"{label} {mask_userinfo(text)!r} contains a control character "
            f"(U+{ord(control.group()):04X})",
            hint="remove it; encode characters a URL needs as %XX",
        )
    return split_url(text, label)


def check_api_path(value: object) -> str:
    """A path for a raw call (`akool api`, Client.raw_call): text starting with /, without
    control characters (no request line or header can be smuggled in with it)."""
    path = check_text(value, "the path")
    if not path.startswith("/"):
        raise UsageError(
            f"path {path!r} must start with /", hint="e.g. /api/open/v3/faceswap/quota/info"
        )
    control = URL_CONTROL.search(path)
    if control is not None:
        raise UsageError(
            f"path {path[:80]!r} contains a control character (U+{ord(control.group()):04X})",
            hint="remove it (AKOOL's paths have none; encode a character a query needs as %XX), "
            "e.g. /api/open/v3/faceswap/quota/info",
        )
    return path


def check_input_url(value: str, what: str) -> str:
    """An input URL AKOOL can fetch; a local path gets an explanation instead of a request."""
    text = value.strip()
    parts = check_url_form(text, f"the {what}")
    if parts.scheme in ("http", "https") and parts.hostname and " " not in text:
        return text
    path = text.removeprefix("file://")
    looks_local = (
        parts.scheme == "file"
        or path.startswith(("/", "./", "../", "~", ".\\"))
        or re.match(r"^[A-Za-z]:[\\/]", path) is not None
        or (bool(path) and os.path.exists(os.path.expanduser(path)))
    )
    if looks_local:
        raise UsageError(
            f"the {what} {mask_userinfo(value)!r} is a local file, but AKOOL fetches inputs by URL "
            "(there is no upload endpoint)",
            hint="upload the file somewhere AKOOL can reach it (e.g. an S3 pre-signed URL) "
            "and pass that https:// URL",
        )
    raise UsageError(
        f"the {what} {mask_userinfo(value)!r} is not an http(s) URL",
        hint="pass a full URL such as https://example.com/portrait.jpg",
    )


def check_budget(max_credits: float | None, option: str = "--max-credits") -> None:
    """Refuse a cap that cannot stop anything: negative, NaN or infinite (`1e999` is inf); the
    error names `option` (`max_credits` from Python)."""
    if max_credits is None:
        return
    hint = f"e.g. {example(option, '500')} (credits)"
    if not math.isfinite(max_credits):
        raise UsageError(f"{given(option, str(max_credits))} is not a number of credits", hint=hint)
    if max_credits < 0:
        raise UsageError(f"{option} must not be negative", hint=hint)


def check_created(value: str, option: str = "--created") -> str:
    """A settle's job id, in AKOOL's documented shape (24 hexadecimal digits): a malformed id
    is refused here, never sent to a server nor recorded; the error names `option`."""
    from akool_cli.core.models import JOB_ID_SHAPE

    job_id = check_job_id(value)
    if not JOB_ID_SHAPE.fullmatch(job_id):
        raise UsageError(
            f"{given(option, repr(job_id))} is not an AKOOL job id (24 hexadecimal digits, "
            "like 64dd90f9f0b6684651e90d60)",
            hint="copy the job's id from the AKOOL dashboard or the webhook's _id",
        )
    return job_id


def check_resolution(value: str | None, option: str = "--resolution") -> str | None:
    """A talking photo's resolution; the error names `option` (`resolution` from Python)."""
    if value is None:
        return None
    cleaned = value.strip().lower().removesuffix("p")
    if cleaned not in RESOLUTIONS:
        raise UsageError(
            f"{given(option, repr(value))} is not supported; AKOOL accepts 720 or 1080",
            hint=f"use {example(option, '720')} or {example(option, '1080')}",
        )
    return cleaned


def check_text(value: object, what: str) -> str:
    """A value the library takes as text (a name, a URL, a product), or a UsageError naming
    what was given instead (None, a number, a list): never an AttributeError deep inside."""
    if not isinstance(value, str):
        raise UsageError(
            f"{what} must be text, not {type(value).__name__} {value!r:.60}",
            hint=f"pass {what} as a str",
        )
    return value


def check_texts(values: object, what: str) -> list[str]:
    """One text (a str, never its characters) or an iterable of them, as a list."""
    if isinstance(values, str):
        return [values]
    if isinstance(values, (bytes, Mapping)) or not isinstance(values, Iterable):
        raise UsageError(
            f"{what} must be text or a list of texts, not {values!r:.60}",
            hint=f"pass {what} as a str or a list of str",
        )
    return [check_text(value, what) for value in values]


def check_path(value: object, what: str) -> str:
    """A file or folder path the library takes (str or os.PathLike), as a str."""
    text = os.fspath(value) if isinstance(value, os.PathLike) else value
    if not isinstance(text, str) or "\0" in text:
        raise UsageError(
            f"{what} must be a path (str or pathlib.Path), not {value!r:.60}",
            hint=f'pass {what} as a str or pathlib.Path, e.g. "videos/"',
        )
    return text


def seconds_setting(
    env: Mapping[str, str],
    name: str,
    default: float,
    allowed: tuple[float, float],
    *,
    hint: str,
    clip: int | None = None,
) -> float:
    """An environment variable holding seconds (AKOOL_TIMEOUT, AKOOL_KEYRING_TIMEOUT): unset or
    blank, `default`; anything but a number in `allowed` (nan, inf, -1, abc) is one UsageError
    naming it, raised before anything is sent or recorded (a socket refuses nan and inf only
    once a request is on its way). `clip`: how much of a bad value the message shows."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw) if plain(raw) else math.nan  # '٣' is not 3 here (break17j J8)
    except ValueError:
        value = math.nan
    low, high = allowed
    if not low <= value <= high:  # False for nan too
        shown = raw if clip is None else raw[:clip]
        digits = "" if plain(raw) else f" ({DIGITS_0_9})"
        raise UsageError(
            f"{name}={shown!r} is not a number of seconds from {low:g} to {high:g}{digits}",
            hint=hint,
        )
    return value


def check_output_path(value: object, what: str) -> str:
    """Where results go (-o, dest=, a folder), as a str; `-` is refused (break17h H13f: a file
    named `-` was written). curl's `-o -` streams one body to stdout, but akool's results are
    files recorded with their size and SHA-256, often several per job, and its stdout carries
    the job id: a video mixed into it would be neither."""
    text = check_path(value, what)
    if text == "-":
        raise UsageError(
            f"{what} is '-': akool saves results as files, never on standard output (where it "
            "prints the job id)",
            hint="name a file or a folder (-o video.mp4, -o videos/), then read it from there",
        )
    return text


def check_profile_name(value: object, origin: str) -> str:
    """A profile's name as given (--profile, AKOOL_PROFILE, Client(profile=...)), stripped;
    a blank one, or one with control characters, is refused rather than read as another."""
    text = value.strip() if isinstance(value, str) else ""
    if not_utf8(text):  # it would be written to config.json and the keyring as is
        raise UsageError(
            f"{origin} is not valid UTF-8: a profile's name is written to the settings",
            hint="name it in UTF-8 text (akool auth status lists them), or leave it out",
        )
    if not text or URL_CONTROL.search(text):
        what = "is blank" if not text else "contains a control character"
        raise UsageError(
            f"{origin} {value!r:.80} {what}: a profile needs a name",
            hint="name one (akool auth status lists them), or leave it out for the default profile",
        )
    return text


def check_job_ids(values: object) -> list[str]:
    """Job ids as a caller passes them: one id as a str (never its characters), or an
    iterable of them; each checked, duplicates dropped, order kept."""
    if isinstance(values, (str, bytes)):
        values = [values]
    try:
        given = list(values)  # type: ignore[call-overload]
    except TypeError:
        raise UsageError(
            f"{values!r:.80} is not a job id nor a list of them",
            hint='pass one id ("64dd90f9f0b6684651e90d60") or a list of ids',
        ) from None
    return list(dict.fromkeys(check_job_id(j) for j in given))


def check_job_id(value: object) -> str:
    if not isinstance(value, str):
        raise UsageError(
            f"{value!r:.80} is not a job id: ids are strings",
            hint="list your jobs with: akool status",
        )
    text = value.strip()
    if not JOB_ID.fullmatch(text):
        raise UsageError(
            f"{value!r} is not a job id (ids look like 64dd90f9f0b6684651e90d60)",
            hint="list your jobs with: akool status",
        )
    return text


@dataclass(frozen=True)
class TalkRequest:
    image_url: str
    audio_url: str
    prompt: str | None = None
    resolution: str | None = None
    webhook_url: str | None = None

    def inputs(self) -> dict[str, Any]:
        values = {
            "image_url": self.image_url,
            "audio_url": self.audio_url,
            "prompt": self.prompt,
            "resolution": self.resolution,
            "webhook_url": self.webhook_url,
        }
        return {k: v for k, v in values.items() if v}

    def body(self) -> dict[str, Any]:
        """The documented create body: only the fields that are set."""
        body: dict[str, Any] = {
            "talking_photo_url": self.image_url,
            "audio_url": self.audio_url,
        }
        for name, value in (
            ("prompt", self.prompt),
            ("resolution", self.resolution),
            ("webhookUrl", self.webhook_url),
        ):
            if value:
                body[name] = value
        return body


def check_range(option: str, value: object) -> float:
    """The value when it is a number in the option's range in RANGES (NaN and infinity never
    are; from Python, "4" is not a number either: UsageError, not a TypeError)."""
    low, high = RANGES.get(option) or RANGES[flag_of(option)]  # `limit` from Python
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UsageError(
            f"{given(option, f'{value!r:.80}')} is not a number from {low:g} to {high:g}",
            hint=f"pass {option} as a number from {low:g} to {high:g}",
        )
    if not low <= value <= high:
        shown = str(value) if isinstance(value, int) else f"{value:g}"  # 10**9, not 1e+09
        raise UsageError(
            f"{given(option, shown)} is outside the allowed range {low:g}–{high:g}",
            hint=f"pass {option} with a value from {low:g} to {high:g}",
        )
    return value


def check_count(option: str, raw: str) -> int:
    """A whole number typed for `option`, within its range in RANGES."""
    low, high = RANGES[option]
    value = None
    if plain(raw):  # int() reads '٣' as 3 (break17j J8)
        try:
            value = int(raw.strip())
        except ValueError:
            value = None
    if value is None:
        digits = "" if plain(raw) else f": {DIGITS_0_9}"
        raise UsageError(
            f"{option} {raw!r} is not a whole number from {low:g} to {high:g}{digits}",
            hint=f"pass {option} with a whole number from {low:g} to {high:g}",
        )
    check_range(option, value)
    return value


# Around a pasted or piped secret: whitespace and CR/LF (str.strip), and what editors and
# Windows tools add that is not whitespace: a byte-order mark, zero-width spaces and joiners.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


QUOTES = "\"'"


def _bare(value: str) -> str:
    """Without the whitespace, CR/LF, byte-order marks and zero-width spaces around it."""
    while value != (stripped := value.strip().strip(INVISIBLE)):
        value = stripped
    return value


def unquoted(value: str) -> str:
    """A pasted credential (a key, a secret, a clientId) without what surrounds it: whitespace,
    CR/LF, byte-order marks, zero-width spaces, and one matching pair of quotes (docker's
    --env-file and systemd's EnvironmentFile keep them in the value: break17f F14; no AKOOL
    credential has one)."""
    cleaned = _bare(value)
    if len(cleaned) >= 2 and cleaned[0] == cleaned[-1] and cleaned[0] in QUOTES:
        cleaned = _bare(cleaned[1:-1])
    return cleaned


def check_secret(value: str, what: str) -> str:
    """A secret as pasted, with surrounding whitespace, CR/LF and byte-order marks removed, and
    one matching pair of quotes around it (an env file's `KEY="…"`, kept by docker and systemd);
    refuses empty, multi-line or non-ASCII ones (an HTTP header carries ASCII only)."""
    cleaned = unquoted(value)
    if not cleaned:
        example = ', e.g. printf %s "$AKOOL_API_KEY" | akool login' if what == "API key" else ""
        raise UsageError(
            f"the {what} is empty",
            hint=f"copy the {what} from akool.com → API Credentials{example}",
        )
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in cleaned):
        raise UsageError(
            f"the {what} contains a space, line break or control character",
            hint=f"copy the {what} again as one line, without quotes or spaces",
        )
    if not cleaned.isascii():
        raise UsageError(
            f"the {what} contains a character that is not plain ASCII (AKOOL's keys never do)",
            hint=f"copy the {what} again from akool.com → API Credentials, as plain text",
        )
    return cleaned


def check_utf8_path(path: os.PathLike[str], what: str, *, hint: str) -> None:
    """Refuse, before any billable work, a path whose absolute form is not UTF-8 (a relative
    path in a folder with a Latin-1 name): the history keeps paths as UTF-8 text, so a file
    there could be saved or uploaded but never recorded (break17j J1). `what` names it."""
    absolute = os.path.abspath(os.fspath(path))
    if not not_utf8(absolute):
        return
    shown = os.fsencode(absolute).decode("utf-8", "backslashreplace")
    raise UsageError(
        f"{what} {shown} is not valid UTF-8 (the name of the current folder or one above it?); "
        "akool keeps the paths of what it saves and uploads as UTF-8 text",
        hint=hint,
    )


# Characters no name akool writes may hold, whatever its script (break17j J2): controls (C0, DEL,
# C1), format characters (bidirectional overrides and isolates, zero-width ones, a BOM), line and
# paragraph separators, and lone surrogates (bytes that were not UTF-8).
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# Format characters that are part of how words are spelt, not of how they are shown: the
# zero-width non-joiner and joiner of Persian, Urdu and Indic words and of emoji sequences
# (break17j J18: a Persian folder name written correctly was refused).
JOINERS = frozenset("\u200c\u200d")
# Besides letters, marks and digits of any script: what a batch row's output name may hold.
NAME_PUNCTUATION = frozenset("-_.") | JOINERS
MAX_NAME_STEM = 120


def unsafe_character(text: str) -> str:
    """The first character of text that no file name may hold, described ("U+202E
    (RIGHT-TO-LEFT OVERRIDE)"), or "" when there is none."""
    for ch in text:
        if unicodedata.category(ch) in UNSAFE_CATEGORIES and ch not in JOINERS:
            return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'a control character')})"
    return ""


def file_name_problem(name: str, suffix: str) -> str:
    """What is wrong with a plain file name (a batch row's `output`), "" when nothing: letters
    and digits of any script (`café.mp4`, `видео.mp4`) and - _ . only, a suffix, no folder,
    no leading dot, a stem of at most 120 characters."""
    example = f"vídeo-1{suffix}"
    if bad := unsafe_character(name):
        return f"must be a plain file name: it holds {bad}, which changes how a name is shown"
    stem, dot, ending = name.rpartition(".")
    plain = all(
        ch.isalnum() or unicodedata.category(ch)[0] == "M" or ch in NAME_PUNCTUATION for ch in name
    )
    if (
        not plain
        or not dot
        or not stem
        or not ending
        or name.startswith(".")
        or len(stem) > MAX_NAME_STEM
    ):
        return (
            f"must be a plain file name such as {example}: letters and digits of any script, "
            f"- _ and ., a suffix, no folder (at most {MAX_NAME_STEM} characters before it)"
        )
    return ""

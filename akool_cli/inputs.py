"""Checks of what users type, before anything is sent: URLs, resolutions, job ids, speeds.

Each check returns the cleaned value or raises UsageError with a hint; nothing here does I/O
except asking whether a path that looks local exists.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from akool_cli import contract
from akool_cli.errors import UsageError

# Re-exported: the speed check lives with the other VoiceLab rules.
from akool_cli.speech import check_speed as check_speed

RESOLUTIONS = (
    next(f.enum for f in contract.CREATE_TALKING_PHOTO.body if f.name == "resolution") or ()
)
JOB_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def check_input_url(value: str, what: str) -> str:
    """An input URL AKOOL can fetch; a local path gets an explanation instead of a request."""
    text = value.strip()
    parts = urlsplit(text)
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
            f"the {what} {value!r} is a local file, but AKOOL fetches inputs by URL "
            "(there is no upload endpoint)",
            hint="upload the file somewhere AKOOL can reach it (e.g. an S3 pre-signed URL) "
            "and pass that https:// URL",
        )
    raise UsageError(
        f"the {what} {value!r} is not an http(s) URL",
        hint="pass a full URL such as https://example.com/portrait.jpg",
    )


def check_resolution(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().lower().removesuffix("p")
    if cleaned not in RESOLUTIONS:
        raise UsageError(
            f"--resolution {value!r} is not supported; AKOOL accepts 720 or 1080",
            hint="use --resolution 720 or --resolution 1080",
        )
    return cleaned


def check_job_id(value: str) -> str:
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

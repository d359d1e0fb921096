"""The sandbox fetching a job's inputs as AKOOL does (`akool sandbox --fetch-inputs`).

Only addresses on this machine are fetched (the sandbox must not become a way to make requests
elsewhere), the body is size-capped, and a redirect may not leave the host. urllib, not the
client's transport: the sandbox never uses the client's modules.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from akool_cli.core import mediatypes
from akool_cli.core.mediatypes import Role
from akool_cli.core.urls import is_loopback_host

MAX_INPUT_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 10.0
NO_FACE_TRIGGER = "noface"  # an image URL containing it has no face (face detection)
MANY_FACES_TRIGGER = "manyfaces"  # ... or three of them
# A tiny MP3 (an ID3 tag, then silent MPEG-1 layer III frames) for the speech the sandbox makes.
SPEECH_MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + (b"\xff\xfb\x90\x00" + bytes(413)) * 8


class _SameHost(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only when it stays on the same (local) host."""

    def __init__(self, host: str) -> None:
        self.host = host

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        target = urlsplit(newurl).hostname or ""
        if target != self.host:
            raise urllib.error.URLError(f"it redirects to another host ({target})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> bytes | str:
    """The body (up to the cap), or why it could not be fetched."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        return "it is not an http(s) URL"
    if not is_loopback_host(host):
        return f"the sandbox fetches only from this machine, and {host} is not"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _SameHost(host))
    request = urllib.request.Request(url, headers={"User-Agent": "akool-sandbox-fetch"})
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT) as answer:
            body: bytes = answer.read(MAX_INPUT_BYTES + 1)
    except urllib.error.HTTPError as exc:
        return f"fetching it answered HTTP {exc.code}"
    except urllib.error.URLError as exc:
        return f"it could not be fetched: {exc.reason}"
    except (OSError, ValueError) as exc:
        return f"it could not be fetched: {exc}"
    if len(body) > MAX_INPUT_BYTES:
        return f"it is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB"
    return body


def input_problem(url: str, role: Role) -> str | None:
    """Why AKOOL would fail a job over this input, or None when it is a usable image/audio."""
    body = fetch(url)
    if isinstance(body, str):
        return f"the {role} URL cannot be used: {body}"
    verdict = mediatypes.check_head(body[: mediatypes.SNIFF_BYTES], role)
    if isinstance(verdict, str):
        return f"the {role} is not {mediatypes.ACCEPTED[role]}: it is {verdict}"
    return None


def job_failure(request: dict[str, Any]) -> str:
    """The failure reason for a new talking-photo job whose inputs AKOOL could not use, or ''."""
    problems = [
        input_problem(str(request.get("talking_photo_url", "")), "image"),
        input_problem(str(request.get("audio_url", "")), "audio"),
    ]
    return "; ".join(p for p in problems if p)


def faces(url: str | None, fetch_inputs: bool) -> tuple[int, str]:
    """The sandbox's face detection: (faces found, error message or '')."""
    if url and fetch_inputs:
        problem = input_problem(url, "image")
        if problem is not None and input_problem(url, "video") is not None:
            # Face detection takes an image or a video (face-detection.mdx).
            return 0, f"Failed to download media from URL ({problem})"
    text = (url or "").lower()
    if NO_FACE_TRIGGER in text:
        return 0, ""
    return (3 if MANY_FACES_TRIGGER in text else 1), ""

"""Checks of input URLs before a billable create, made the way AKOOL will fetch them.

A HEAD, or a small range GET when HEAD is refused or says nothing (presigned URLs, signed for
GET only, always get the GET). A 4xx/5xx answer, an HTML page or a type that is not the expected
image/audio is a reason to refuse; an answer this machine cannot get is only a warning, since
AKOOL fetches from its own servers (hostchecks.py runs many, host by host). No printing.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from akool_cli.core import mediatypes
from akool_cli.core.mediatypes import Role
from akool_cli.core.urls import parts_or_none
from akool_cli.net.transport import Transport, TransportError

CHECK_TIMEOUT = 10.0  # seconds for one check; AKOOL's own fetch is not that patient either
# A warning's text that several URLs share (hostchecks.py counts them per host).
UNDECIDED = "no content type, no bytes"
PRESIGNED = re.compile(r"(^|&)(X-Amz-Signature|Signature|X-Goog-Signature)=", re.IGNORECASE)
# Answers that mean "HEAD is not how to ask here": ask again with a small range GET.
HEAD_REFUSED = (403, 405, 501)
HTTP_MEANINGS = {
    400: "a bad request (a presigned URL signed for another region?)",
    401: "needs a login",
    403: "access denied (an expired or wrongly signed presigned URL, or a private object?)",
    404: "not found",
    410: "gone",
    416: "empty",
}

Verdict = tuple[Literal["warn", "refuse"], str]


def private_host(url: str) -> bool:
    """A loopback, private or link-local address: somewhere AKOOL's servers cannot reach."""
    host = parts_or_none(url).hostname or ""
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


def is_presigned(url: str) -> bool:
    """Presigned URLs are signed for GET only: real S3 answers 403 to a HEAD on them."""
    return PRESIGNED.search(parts_or_none(url).query) is not None


def short(url: str) -> str:
    """A URL as messages show it: without a (long, signed) query."""
    parts = parts_or_none(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" + ("?…" if parts.query else "")


def check_url(transport: Transport, url: str, role: Role) -> Verdict | None:
    """None when the URL serves what it should; else ("warn" | "refuse", what was found),
    a warning too when this machine gets no answer (AKOOL fetches from its own servers)."""
    try:
        return judge_url(transport, url, role)
    except TransportError as exc:
        return (
            "warn",
            f"could not check {short(url)} from here ({exc}); AKOOL fetches it from its own "
            "servers, so the job may still work",
        )


def judge_url(transport: Transport, url: str, role: Role) -> Verdict | None:
    """Like check_url, but raises TransportError when no answer came: the caller decides what
    that says about the host (hostchecks.py). A redirect akool refuses (https to plain http,
    out of http(s): reliability.md) is a refusal: AKOOL would follow it, readable or local."""
    shown = short(url)
    try:
        status, content_type, head = _probe(transport, url)
    except TransportError as exc:
        if exc.kind == "redirect":
            return "refuse", f"{shown}: {exc}"
        raise
    if status >= 400:
        meaning = HTTP_MEANINGS.get(status, "an error")
        return "refuse", f"{shown} answered HTTP {status} ({meaning})"
    verdict = mediatypes.judge_content_type(content_type, role)
    if verdict is not None:
        return "refuse", f"{shown} serves {verdict}"
    if head:
        sniffed = mediatypes.check_head(head, role)
        if isinstance(sniffed, str):
            return "refuse", f"{shown} serves {sniffed}, not {mediatypes.ACCEPTED[role]}"
    elif mediatypes.undecided(content_type):
        return "warn", UNDECIDED
    return None


def _probe(transport: Transport, url: str) -> tuple[int, str, bytes]:
    """HEAD, or a small range GET when HEAD cannot tell (or cannot be used: presigned URLs)."""
    if not is_presigned(url):
        status, content_type, _ = _ask(transport, url, "HEAD")
        decided = status < 400 and not mediatypes.undecided(content_type)
        if decided or (status >= 400 and status not in HEAD_REFUSED):
            return status, content_type, b""
    return _ask(transport, url, "GET")


def _ask(transport: Transport, url: str, method: str) -> tuple[int, str, bytes]:
    headers = {"Range": f"bytes=0-{mediatypes.SNIFF_BYTES - 1}"} if method == "GET" else {}
    with transport.stream(url, headers=headers, deadline=CHECK_TIMEOUT, method=method) as answer:
        head = b""
        if method == "GET" and answer.status < 400:
            for chunk in answer.iter_bytes():
                head += chunk
                if len(head) >= mediatypes.SNIFF_BYTES:
                    break
        return answer.status, answer.headers.get("content-type", ""), head[: mediatypes.SNIFF_BYTES]

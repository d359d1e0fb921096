"""Rules for URLs and hosts, in one place: parsing, masking passwords, loopback, the base URL."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.core.errors import UsageError

USERINFO = re.compile(r"(?<=//)[^/?#@]*@")  # user:password@ in a URL
# Lone surrogates: how Python hands over bytes that are not UTF-8 (in os.environ, argv); no
# file, header or history can hold them, so such a text is refused where it comes in.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def not_utf8(text: str) -> bool:
    """Whether text holds bytes that were not UTF-8 (lone surrogates) and cannot be written."""
    return LONE_SURROGATE.search(text) is not None


# Where the base URL in use came from (base_url_origin): how a message names it, and what goes
# back to a verified URL V ({config} is `akool [--profile NAME] config`, then `unset base-url`
# when V is AKOOL's host, else `set base-url V`).
BASE_URL_ORIGINS: dict[str, tuple[str, str]] = {
    "flag": ("--base-url", "drop --base-url"),
    "env": ("AKOOL_BASE_URL", "unset AKOOL_BASE_URL"),
    "saved": ("the profile's saved base-url", "run {config}"),
    "default": ("AKOOL's documented host", "run {config}"),
}


def mask_userinfo(url: str) -> str:
    """The URL as it may be echoed: a user name and password (user:pw@host) become ***@."""
    return USERINFO.sub("***@", url, count=1)


def split_url(value: str, label: str) -> SplitResult:
    """urlsplit, with malformed brackets and ports as usage errors instead of ValueError.

    `label` names the URL in messages, e.g. "the image URL" or "--base-url".
    """
    shown = mask_userinfo(value)
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError as exc:
        reason = str(exc)
        raise UsageError(
            f"{label} {shown!r} is not a valid URL ({reason[:1].lower()}{reason[1:]})",
            hint="check the brackets of an IPv6 address ([::1]) and the port (1-65535)",
        ) from None
    if port == 0:
        raise UsageError(
            f"{label} {shown!r} has port 0, which nothing can listen on",
            hint="use a port from 1 to 65535, or none for the scheme's default",
        )
    problem = host_problem(parts.hostname or "")
    if problem is not None:
        plain = "" if (parts.hostname or "").isascii() else " in plain characters"
        raise UsageError(
            f"{label} {shown[:120]!r} has no valid host name ({problem})",
            hint=f"check the host{plain}: the part between // and the next / (e.g. example.com)",
        )
    return parts


HOST_MAX = 253  # characters in a DNS name (RFC 1035), the labels between dots 1 to 63 each


def host_problem(host: str) -> str | None:
    """Why no server can have this host name (None if one can, or if there is none): DNS names
    have at most 253 characters and labels of 1 to 63, and a name beyond ASCII must be one that
    IDNA 2008 can write in ASCII, as the HTTP client (httpx2) writes it; both are errors of the
    HTTP client's own at the first request otherwise (UnicodeError, InvalidURL: break17e P3).
    This is the one check of a host every URL akool takes passes (split_url)."""
    if not host or host.startswith("[") or _is_ip(host):
        return None
    if len(host) > HOST_MAX:
        return f"{len(host)} characters; a host name has at most {HOST_MAX}"
    try:
        host.encode("idna")
    except UnicodeError:
        return "a part between dots is empty or longer than 63 characters"
    return None if host.isascii() else _international_problem(host)


def _international_problem(host: str) -> str | None:
    """Why a host name beyond ASCII cannot be sent (IDNA 2008, as the HTTP client encodes it):
    a full-width letter, a symbol; with the plain spelling it stands for, when there is one."""
    import idna  # httpx2's own dependency; loaded only for a name beyond ASCII

    try:
        idna.encode(host.lower())
    except idna.IDNAError as exc:
        reason = str(exc) or type(exc).__name__
    else:
        return None
    try:
        plain = idna.decode(idna.encode(host, uts46=True))  # what a browser would make of it
    except idna.IDNAError:
        return f"{reason}: not a name an internationalized domain may have"
    return f"{reason}; written plainly it is {plain}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def parts_or_none(value: str) -> SplitResult:
    """urlsplit for a question about a URL ("is it one? what host?"): a malformed one (an
    unclosed IPv6 bracket) answers as an empty URL would, never with ValueError. Checks that
    must refuse it with a message use split_url."""
    try:
        return urlsplit(value)
    except ValueError:
        return urlsplit("")


# The hosts a piped `akool login` sends a key to whatever set the base URL: AKOOL's own.
AKOOL_DOMAIN = "akool.com"


def is_akool_host(host: str) -> bool:
    """AKOOL's documented host or another of its domain (openapi.akool.com, …)."""
    name = host.lower().rstrip(".")
    return name == AKOOL_DOMAIN or name.endswith("." + AKOOL_DOMAIN)


def is_loopback_host(host: str) -> bool:
    """This machine: localhost (also as the fully qualified `localhost.`: break17f N5) or a
    loopback address."""
    if host.lower().removesuffix(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str, *, origin: str = "--base-url") -> str:
    """A usable base URL without a trailing slash; plain http only to this machine."""
    text = url.strip()
    if not_utf8(text):  # echoed with escapes only: it may hold anything
        raise UsageError(
            f"{origin} is not valid UTF-8",
            hint=f"give a plain URL, e.g. {origin} {DEFAULT_BASE_URL}",
        )
    shown = mask_userinfo(url)  # never echo a password back
    parts = split_url(text, origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"{origin} {shown!r} is not an http(s) URL",
            hint=f"use the documented host, e.g. {origin} {DEFAULT_BASE_URL}",
        )
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            f"{origin} {shown!r} contains a user name or password; akool authenticates with "
            "your API key, and a password in a URL ends up in logs and shell history",
            hint=f"remove the part before @, e.g. {origin} {DEFAULT_BASE_URL}",
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise UsageError(
            f"{origin} {shown!r} uses plain http to a host that is not this machine; "
            "the API key would cross the network unencrypted",
            hint=f"use https (e.g. {DEFAULT_BASE_URL}), or http only for 127.0.0.1/localhost",
        )
    if parts.query or parts.fragment:
        raise UsageError(
            f"{origin} {shown!r} must not have a query or fragment",
            hint=f"give the host only, e.g. {origin} {DEFAULT_BASE_URL}",
        )
    return canonical_base_url(parts)


DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_base_url(parts: SplitResult) -> str:
    """One spelling per server, as recorded in the history's scopes: scheme and host in lower
    case, a host's trailing dot and the scheme's default port dropped, no trailing slash
    (HTTP://LOCALHOST:80/ and http://localhost are one server, billed once)."""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")  # hostname is lower case already
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        netloc += f":{parts.port}"
    return f"{scheme}://{netloc}{remove_dot_segments(parts.path)}".rstrip("/")


def remove_dot_segments(path: str) -> str:
    """A path with its `.` and `..` segments resolved as RFC 3986 (5.2.4) says, as the HTTP
    client does before sending: /x/.. and /. reach the same server path as no path at all."""
    out: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                out.append("")
        elif segment == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    joined = "/".join(out)
    return joined if not path.startswith("/") or joined.startswith("/") else "/" + joined


def canonical_or_same(url: str) -> str:
    """canonical_base_url for a recorded base URL (a history's migration): one that does not
    parse is kept as it is."""
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
            return url
        return canonical_base_url(parts)
    except ValueError:
        return url

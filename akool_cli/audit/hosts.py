"""Whose a host is, judged in one place: AKOOL's API host as the docs give it, another host of
AKOOL's domain (a doubtful one, its website, or a retired API host such as api.akool.com), a
placeholder for AKOOL's (a name reserved for examples), or another vendor's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from akool_cli.audit import rx
from akool_cli.audit.source import WEBSITE_HOSTS
from akool_cli.core import catalogue

# AKOOL's own domain (openapi.akool.com, sg3.akool.com, akool.com): akool.<tld> and its
# subdomains; a host that only has the word in its name (akool-proxy.example.com) is someone else's.
AKOOL_DOMAIN = rx.compile(r"(?:^|\.)akool\.[A-Za-z]{2,}$", re.IGNORECASE)
# A name reserved for examples (RFC 2606) after `akool.`: `api.akool.example` is a placeholder.
RESERVED = r"(?!(?i:example|test|invalid|localhost)(?![A-Za-z0-9-]))"
# A host AKOOL serves: of its domain, written as a host name, not under a reserved name.
AKOOL_HOST = rx.compile(
    r"^(?:[A-Za-z0-9-]+\.)*akool\." + RESERVED + r"[A-Za-z]{2,}$", re.IGNORECASE
)
# An API host of AKOOL's domain by its name (openapi., api., sg3.), not its website, docs or a CDN.
API_NAMED = rx.compile(r"(?i)^(?:[\w-]+\.)*?(?:\w*api\w*|sg\d+)\.akool\.[a-z]{2,}$")
# A URL's host.
URL_HOST = rx.compile(r"https?://(?P<host>[A-Za-z0-9.\-_]+)")

HostKind = Literal["api", "doubtful", "website", "retired", "placeholder", "other"]


@lru_cache(maxsize=1024)
def host_kind(host: str) -> HostKind:
    """Whose a host is: "api" (a host the docs give AKOOL's API: openapi.akool.com, sg3.akool.com),
    "doubtful" (one the docs serve media or links from: content.akool.com), "website"
    (akool.com, docs.akool.com), "retired" (any other host of AKOOL's: api.akool.com),
    "placeholder" (AKOOL's by its name only: api.akool.example) or "other" (another vendor's)."""
    if not AKOOL_DOMAIN.search(host):
        return "other"
    if not AKOOL_HOST.match(host):
        return "placeholder"
    name, docs = host.lower(), catalogue.load()
    if name in docs.hosts:
        return "api"
    if name in docs.doubtful_hosts:
        return "doubtful"
    return "website" if name in WEBSITE_HOSTS else "retired"


@lru_cache(maxsize=1024)  # (asked for every site: a hit costs no call of host_kind)
def akool_host(host: str) -> bool:
    """A host AKOOL serves, whichever (`api.akool.com` as `openapi.akool.com`); no placeholder."""
    return host_kind(host) not in ("other", "placeholder")


@lru_cache(maxsize=1024)
def akool_domain(host: str) -> bool:
    """A host of AKOOL's domain, a placeholder for one included: not another vendor's."""
    return host_kind(host) != "other"


@lru_cache(maxsize=1024)
def api_named(host: str) -> bool:
    """A host of AKOOL's domain whose name says an API (`api.akool.com`, `sg3.akool.com`)."""
    return API_NAMED.match(host) is not None


def other_host(text: str) -> bool:
    """Text that names a URL on another vendor's host and none on AKOOL's domain."""
    found = [m.group("host") for m in URL_HOST.finditer(text)]
    return bool(found) and not any(akool_domain(h) for h in found)

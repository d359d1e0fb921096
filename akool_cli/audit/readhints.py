"""Which documented answer field a wrong read most likely means: never one of another kind (a URL
read is not pointed at a status, an id at a URL), and, for a result URL a create answer does not
carry, the field of the endpoint that does (the image's URL is in infobymodelid's data.image)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from akool_cli.core import catalogue
from akool_cli.core.catalogue import DocEndpoint
from akool_cli.core.kinds import KINDS

# The fields AKOOL's answers give a job's result in, most specific first.
RESULT_FIELDS = ("video", "image", "url", "audio", "preview", "upscaled_urls")

# Reads that ask whether the call worked: AKOOL's answers say so in `code` (1000: success), and
# why not in `msg` (every page's response table: "code ... 1000:success").
SUCCESS_NAMES = frozenset(
    {
        "success",
        "succeeded",
        "successful",
        "isSuccess",
        "is_success",
        "ok",
        "status_code",
        "statusCode",
    }
)
SUCCESS_HINT = "code (1000 means success; msg says why not)"


def kind(name: str) -> str | None:
    """What a field holds, as its name says: "url", "status", "id", or None (anything else)."""
    if name in RESULT_FIELDS or re.search(
        r"(?:^|_)urls?$|Urls?$|URLs?$|(?:^|_)(?:link|href)$", name
    ):
        return "url"
    if re.search(r"(?:^|_)(?:status|state)$|(?:Status|State)$", name):
        return "status"
    if re.fullmatch(r"_?id|_?ids", name) or re.search(r"_ids?$|Ids?$|IDs?$", name):
        return "id"
    return None


def closest(name: str, names: frozenset[str], under: frozenset[str]) -> str | None:
    """The documented name most like `name` (difflib's) that is not of another kind (a URL, a
    status, an id: `image_url` is not `image_status`), with `data.` before one under data; None
    when none is close."""
    own = kind(name)
    same = sorted(n for n in names if own is None or kind(n) in (None, own))
    close = difflib.get_close_matches(name, same, n=1, cutoff=0.6)
    if not close:
        return None
    return ("data." if close[0] in under else "") + close[0]


def result_elsewhere(endpoint: DocEndpoint) -> tuple[str, DocEndpoint, str] | None:
    """For a create endpoint whose jobs' results another endpoint reads, (what the job makes,
    that endpoint, the result's field in its answer as the docs show it): createbyprompt's
    image is at data.image of GET .../content/image/infobymodelid."""
    return _results().get((endpoint.method, endpoint.path))


@lru_cache(maxsize=1)
def _results() -> dict[tuple[str, str], tuple[str, DocEndpoint, str]]:
    docs = catalogue.load()
    found: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
    for k in KINDS.values():
        reader = docs.find(k.status.endpoint.method, k.status.endpoint.path)
        if not k.shape.result or reader is None or k.status.endpoint.path == k.create.path:
            continue
        parts = ["data", *k.status.items, *k.shape.nested, *k.shape.result]
        plain = ".".join(parts)
        if plain not in reader.response:
            continue  # only where the reader's docs show the field
        items = len(k.status.items)
        shown = ".".join(p + ("[i]" if items and n == items else "") for n, p in enumerate(parts))
        found.setdefault((k.create.method, k.create.path), set()).add(
            (k.result, reader.method + " " + reader.path, shown)
        )
    return {
        key: (made, docs.find(*where.split(" ", 1)) or docs.endpoints[0], shown)
        for key, ways in found.items()
        if len(ways) == 1
        for made, where, shown in ways
    }

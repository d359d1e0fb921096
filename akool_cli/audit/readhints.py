"""Which documented answer field a wrong read most likely means: never one of another kind (a URL
read is not pointed at a status, an id at a URL), and, for a result URL a create answer does not
carry, the field of the endpoint that does (the image's URL is in infobymodelid's data.image)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from akool_cli.audit import rx
from akool_cli.core import catalogue
from akool_cli.core.catalogue import DocEndpoint

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
ENVELOPE = frozenset({"code", "msg", "data"})  # every answer's; no URL, state or id of a job


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
    same = sorted(
        n
        for n in names
        if own is None or (kind(n) in (None, own) and n not in ENVELOPE)  # (data_url: not data)
    )
    close = [n for n in difflib.get_close_matches(name, same, n=3, cutoff=0.6) if _alike(name, n)]
    if not close:
        return None
    return ("data." if close[0] in under else "") + close[0]


# The words that say what kind of thing a field holds: two names alike only in them (`data_id`,
# `team_id`) are two fields, not one misspelt.
KIND_WORDS = frozenset({"id", "ids", "url", "urls", "uri", "link", "href", "status", "state"})
WORD = rx.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
WORD_ALIKE = 0.75  # (difflib's ratio of two words: vidoe/video 0.8, data/team 0.5)


def _alike(name: str, other: str) -> bool:
    """Whether two names are near in what they name, not only in their kind: each has a word
    beside the kind words and those words are near (one misspelt), or one has none."""
    mine = [w.lower() for w in WORD.findall(name) if w.lower() not in KIND_WORDS]
    theirs = [w.lower() for w in WORD.findall(other) if w.lower() not in KIND_WORDS]
    if not mine or not theirs:
        return True
    return any(
        difflib.SequenceMatcher(None, a, b).ratio() >= WORD_ALIKE for a in mine for b in theirs
    )


def elsewhere(endpoint: DocEndpoint, name: str) -> tuple[str, DocEndpoint, str] | None:
    """For a read of a job's result URL or state on the answer of the call that creates the job,
    where another endpoint answers it: (what it is, that endpoint, its field in that answer as
    the docs show it). createbyprompt's image is data.image of GET .../image/infobymodelid; a
    face swap's state is data.result[i].faceswap_status of GET .../result/listbyids."""
    what = kind(name)
    if what not in ("url", "status"):
        return None
    return _readers().get((endpoint.method, endpoint.path, what))


@lru_cache(maxsize=1)
def _readers() -> dict[tuple[str, str, str], tuple[str, DocEndpoint, str]]:
    docs = catalogue.load()
    found: dict[tuple[str, str, str], set[tuple[str, str, str]]] = {}
    readers: dict[str, DocEndpoint] = {}
    from akool_cli.core.kinds import KINDS  # (akool's job table: imported when first asked)

    for k in KINDS.values():
        reader = docs.find(k.status.endpoint.method, k.status.endpoint.path)
        if reader is None or k.status.endpoint.path == k.create.path:
            continue
        readers[reader.method + " " + reader.path] = reader
        for what, path, noun in (
            ("url", k.shape.result, f"the {k.result}'s URL"),
            ("status", k.shape.status, f"the {k.noun} job's state"),
        ):
            parts = ["data", *k.status.items, *k.shape.nested, *path]
            if not path or ".".join(parts) not in reader.response:
                continue  # only where the reader's docs show the field
            items = len(k.status.items)
            shown = ".".join(
                p + ("[i]" if items and n == items else "") for n, p in enumerate(parts)
            )
            key: tuple[str, str, str] = (str(k.create.method), k.create.path, what)
            found.setdefault(key, set()).add((noun, reader.method + " " + reader.path, shown))
    result: dict[tuple[str, str, str], tuple[str, DocEndpoint, str]] = {}
    for key, ways in found.items():
        places = {(where, shown) for _, where, shown in ways}
        if len(places) == 1:  # (kinds of one create call that differ only in what they make)
            nouns = {noun for noun, _, _ in ways}
            noun = (
                nouns.pop()
                if len(nouns) == 1
                else f"the job's {'result URL' if key[2] == 'url' else 'state'}"
            )
            where, shown = places.pop()
            result[key] = (noun, readers[where], shown)
    return result

"""Which documented field an unknown key of a request body stands for, judged from the endpoint's
documented fields that the body lacks (not from a list of pairs): the same stem but for a kind
word (`video_url` for `video`, `language` for `language_code`), or, in a body that is certainly
all the call sends, the only required field it lacks and the only unknown key of the same role
(`audio_url` where `source_voice_file` is required: both links to a file)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from akool_cli.audit import rx
from akool_cli.core.catalogue import DocEndpoint

# The last word of a field's name that says what kind of value it holds, by the role it gives it.
# A link (url, file, ...) is what a bare name holds (`video` is a video's URL), and a code what a
# bare name of a setting holds (`language` is a language code): a rename adding or dropping one
# of those, or swapping two words of one role, keeps the value; an id or a name is another thing
# (and `type` is no kind word: `mode: "retelling"` is not mode_type's 1 or 2 renamed).
KIND_ROLES = {
    "url": "link",
    "uri": "link",
    "link": "link",
    "file": "link",
    "path": "link",
    "src": "link",
    "code": "code",
    "id": "id",
    "name": "name",
}
SAME_VALUE_ROLES = frozenset({"link", "code"})
CAMEL = rx.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class Twin:
    documented: str  # the documented field the key stands for
    certain: bool  # whether renaming the key keeps its value right (a patch may rename it)
    by_role: bool = False  # the only unknown key of the role of the only required field lacking
    example: bool = False  # a key only the docs' examples send, for the field their schema requires


def words(name: str) -> list[str]:
    """A field name's words, lower case (`webhookUrl`, `webhook_url`: webhook, url)."""
    return [w for w in re.split(r"[_\-]+", CAMEL.sub("_", name).lower()) if w]


@lru_cache(maxsize=4096)
def _stem(name: str) -> tuple[tuple[str, ...], str | None]:
    """A name's words but for a last kind word, and that word (None: no kind word)."""
    said = words(name)
    if len(said) > 1 and said[-1] in KIND_ROLES:
        return tuple(said[:-1]), said[-1]
    return tuple(said), None


@lru_cache(maxsize=4096)
def role(name: str) -> str | None:
    """The role a name's last word gives its value, if it is a kind word."""
    said = words(name)
    return KIND_ROLES.get(said[-1]) if said else None


@lru_cache(maxsize=4096)
def stem_twin(sent: str, documented: str) -> Twin | None:
    """Whether two names are one field's but for a kind word, and whether the value is the same
    (a link for a bare name or another link word, a code for a bare name)."""
    a, kind_a = _stem(sent)
    b, kind_b = _stem(documented)
    if a != b or kind_a == kind_b or not a:
        return None
    roles = {KIND_ROLES.get(kind_a or ""), KIND_ROLES.get(kind_b or "")}
    certain = roles <= SAME_VALUE_ROLES | {None} and len(roles - {None}) == 1
    return Twin(documented, certain)


def sole_id(endpoint: DocEndpoint) -> str | None:
    """The one query field of a GET that documents one, an id (`image_model_id` of
    image/infobymodelid, whose page marks nothing required): what the GET is of, so needed."""
    if endpoint.method != "GET" or len(endpoint.query) != 1:
        return None
    name = endpoint.query[0].name
    return name if role(name) == "id" else None


def twins(
    endpoint: DocEndpoint,
    sent: Iterable[str],
    known: Callable[[str], bool],
    complete: Callable[[], bool],
    covered: Iterable[str] = (),
) -> dict[str, Twin]:
    """The unknown keys of one body (`known`: documented, or a known near miss) that stand for a
    documented top-level field the body lacks: by stem when that field is the only one of the
    key's stem and the key the only one of its; by role only when the body is `complete` (all
    the call sends) and lacks a required field of the key's role, one of each. `covered`: the
    documented fields its known near misses stand for (not lacking)."""
    names = set(sent) | set(covered)
    unknown = sorted(n for n in set(sent) if not known(n))
    lacking = [s for s in (*endpoint.body, *endpoint.query) if s.name not in names]
    found: dict[str, Twin] = {}
    pairs = [(n, t) for n in unknown for s in lacking if (t := stem_twin(n, s.name)) is not None]
    by_key = Counter(p[0] for p in pairs)  # (counted once: a body of thousands of keys)
    by_field = Counter(p[1].documented for p in pairs)
    for name, twin in pairs:
        if by_key[name] == 1 and by_field[twin.documented] == 1:
            found[name] = twin
    taken = {t.documented for t in found.values()}
    required = [
        s.name
        for s in lacking
        if (s.required or s.name == sole_id(endpoint))
        and s.name not in taken
        and s.name not in endpoint.required_unshown
    ]
    left = [n for n in unknown if n not in found]
    if not required or not left or not complete():
        return found
    roles = {n: role(n) for n in left}
    rivals = Counter(roles.values())  # (each key's role once, not once per other key: break21f #3)
    for name in left:
        kind = roles[name]
        wanted = [d for d in required if kind is not None and role(d) == kind]
        if len(wanted) == 1 and rivals[kind] == 1:
            found[name] = Twin(wanted[0], False, by_role=True)
    return found


def example_twins(
    endpoint: DocEndpoint, sent: Iterable[str], complete: Callable[[], bool]
) -> dict[str, Twin]:
    """A key that only the docs' own example bodies send (live avatar close's `session_id`),
    standing for the field the endpoint's schema requires and those examples leave out (`id`),
    of the same role, in a body that is certainly all the call sends and lacks that field."""
    names = set(sent)
    keys = [n for n in names if n in endpoint.example_fields and n not in endpoint.field_names()]
    lacking = [r for r in endpoint.required_unshown if r not in names]
    if len(keys) != 1 or not lacking:
        return {}
    wanted = [r for r in lacking if role(r) is not None and role(r) == role(keys[0])]
    if len(wanted) != 1 or not complete():
        return {}
    return {keys[0]: Twin(wanted[0], False, by_role=True, example=True)}

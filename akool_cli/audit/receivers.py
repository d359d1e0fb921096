"""Whether the object a `.get(`/`.put(`/`.delete(` is called on is a container (a dict, a Map, a
cache, a queue, a metrics registry) rather than an HTTP client, so that the verb says no method."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit.fields import Text

# What a name bound to a container is made from: `{}`, `dict()`, `new Map()`, `Queue()`,
# `defaultdict(...)`, `LRUCache(...)`, `[]`, `set()`, `Object.create(null)`.
CONTAINER_MAKERS = (
    r"\{\s*\}",
    r"\[\s*\]",
    r"\{\s*[\"'\w$.\[\]]+\s*:",  # a dict or object literal with keys
    r"(?:new\s+)?(?:Weak)?Map\s*(?:<[^<>()]*>)?\s*\(",
    r"(?:new\s+)?(?:Weak)?Set\s*(?:<[^<>()]*>)?\s*\(",
    r"new\s+(?:LRU|LRUCache|Cache|NodeCache|Keyv|QuickLRU)\b",
    r"(?:[\w.]+\.)?(?:dict|set|frozenset|OrderedDict|defaultdict|Counter|ChainMap|deque)\s*\(",
    r"(?:[\w.]+\.)?(?:Simple|LifoQueue|PriorityQueue|Joinable)?Queue\s*\(",
    r"(?:[\w.]+\.)?(?:LRUCache|TTLCache|LFUCache|Cache|lru|LRU|Redis|StrictRedis)\s*\(",
    r"Object\.create\s*\(",
    r"(?:[\w.]+\.)?Manager\s*\(\s*\)\s*\.\s*(?:dict|list|Queue)\s*\(",
)
# Names that are a container by what they are called, bound in the file or not:
# `metrics.get(URL).inc()`, `cache.get(URL)`, `seen.delete(URL)`.
CONTAINER_NAME = re.compile(
    r"(?i)^_*(?:\w*_)?(?:cache|cached|caches|memo|memos|seen|visited|pending|done|inflight"
    r"|in_flight|metrics|counters?|stats|registry|store|storage|lookup|table|index|queue|q"
    r"|dict|map|mapping|lru|results|by_url|urls|deduped?|locks?|timers?|gauges?"
    r"|histograms?|kv|redis|db)$|(?:Cache|Map|Queue|Dict|Metrics|Registry|Store|Set|Seen)$"
)
# The receiver's name: the last identifier before `.get(` (`self._cache`, `this.seen`, `q`).
RECEIVER = re.compile(r"(?P<name>[A-Za-z_$][\w$]*)\s*(?:\.|->)\s*\w+\s*$")


def receiver_name(opener: str) -> str | None:
    """The name of the object whose method ends `opener` (text up to a call's parenthesis)."""
    found = RECEIVER.search(opener)
    return found.group("name") if found is not None else None


def is_container(doc: Text, name: str) -> bool:
    """Whether `name` is a dict/Map/cache/queue: by its own name, or by what the file binds it to
    (`_cache = {}`, `const seen = new Map()`, `self.q: Queue[str] = queue.Queue()`)."""
    return CONTAINER_NAME.search(name) is not None or _bound_to_container(doc.text, name)


@lru_cache(maxsize=64)  # (few files at a time: each entry holds its text)
def _bound_to_container(text: str, name: str) -> bool:
    """Whether the text binds `name` to a container (once per file and name: str hashes are kept)."""
    binding = re.compile(
        rf"(?<![\w$]){re.escape(name)}\s*(?::[^=\n]{{0,80}})?(?<![=!<>])=(?!=)\s*"
        rf"(?:{'|'.join(CONTAINER_MAKERS)})"
    )
    return binding.search(text) is not None

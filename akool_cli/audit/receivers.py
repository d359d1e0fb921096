"""Whether the object a `.get(`/`.put(`/`.delete(` is called on is a container (a dict, a Map, a
cache, a queue, a metrics registry, in any language the audit reads) rather than an HTTP client,
so that the verb says no method."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import rx
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
    # Java, Kotlin, C#: `new HashMap<>()`, `ConcurrentHashMap()`, `new Dictionary<string, int>()`
    r"(?:new\s+)?(?:[\w.]+\.)?(?:Concurrent|Linked|Tree|Weak|Identity|Enum|Sorted|Hash|Array)*"
    r"(?:HashMap|Hashtable|Dictionary|SkipListMap|HashSet|TreeSet|ArrayDeque|MemoryCache)"
    r"\s*(?:<[^;=\n]*>)?\s*\(",
    r"(?:mutableMapOf|hashMapOf|linkedMapOf|sortedMapOf|mapOf|mutableSetOf|hashSetOf|setOf)"
    r"\s*(?:<[^;=\n]*>)?\s*\(",  # Kotlin
    r"(?:Map\.of|Collections\.synchronized\w+|Maps\.new\w+|Caffeine\.newBuilder|CacheBuilder\.newBuilder)\b",
    r"(?:Hash|Concurrent::Map|Set)\.new\b",  # Ruby
    r"collect\s*\(|array\s*\(|new\s+\\?(?:[\w\\]+\\)?(?:Collection|ArrayObject|SplObjectStorage|Map)\b",  # PHP
    r"(?:make\s*\(\s*)?map\[|&?sync\.Map\s*\{",  # Go
)
# A name declared with a container's type: Java's and C#'s `Map<String, Long> started;`,
# `ConcurrentDictionary<string, int> hits = new();`, Go's `var seen map[string]bool`,
# `cache sync.Map`; Kotlin's, TypeScript's and Python's `cache: MutableMap<String, Long>`,
# `seen: Map<string, string>`, `pending: dict[str, str]`.
CONTAINER_TYPE = (
    r"(?:[\w.]+\.)?(?:I|IReadOnly|ReadOnly|Readonly|Mutable|Immutable|Concurrent|Linked|Tree|Weak"
    r"|Identity|Enum|Sorted|Navigable|Hash|Loading|Array|Multi|Lru|LRU)*"
    r"(?:Map|HashMap|Hashtable|Dictionary|Set|Cache|Multimap|Queue|Deque|MemoryCache)"
)
# (one of them is in any text that declares a name with a container's type)
TYPE_WORDS = ("Map", "Hashtable", "Dictionary", "Set", "Cache", "Multimap", "Queue", "Deque")
# (a type word without type arguments declares the name only where a declaration goes on after
# it, `HashMap cache;`, not in prose: "Set http to the client")
TYPE_BEFORE = (
    rf"(?<![\w$.]){CONTAINER_TYPE}\s*(?:(?P<args><[^;=(){{}}\n]*>)\s+{{name}}(?![\w$])"
    rf"|\s+{{name}}\s*(?:[;,)]|=(?!=)))"
)
TYPE_AFTER = (  # (searched where no [\w$] is before the name: see _named)
    rf"{{name}}(?:\s*:\s*(?:{CONTAINER_TYPE}\b|(?:typing\.)?(?:dict|Dict|Mapping"
    r"|MutableMapping|defaultdict|OrderedDict|set|Counter)\b)|\s+(?:\*?sync\.Map\b|map\[))"
)
# Names that are a container by what they are called, bound in the file or not:
# `metrics.get(URL).inc()`, `cache.get(URL)`, `seen.delete(URL)`.
CONTAINER_NAME = rx.compile(
    r"(?i)^_*(?:\w*_)?(?:cache|cached|caches|memo|memos|seen|visited|pending|done|inflight"
    r"|in_flight|metrics|counters?|stats|registry|store|storage|lookup|table|index|queue|q"
    r"|dict|map|mapping|lru|results|by_url|urls|deduped?|locks?|timers?|gauges?"
    r"|histograms?|kv|redis|db)$|(?:Cache|Map|Queue|Dict|Metrics|Registry|Store|Set|Seen)$"
)
# The receiver's name: the last identifier before `.get(` (`self._cache`, `this.seen`, `q`).
# Also a facade's (`Cache::put(`) and a getter's (`getCache().put(`, `cacheManager.getCache("x").put(`).
# (a name is tried from the start of its run only, and whole: `(?=(?P<name>...))(?P=name)` takes
# it as an atomic group would; trying each of its places and lengths was quadratic in the text
# before a call, about 80 µs a call; the leftmost match, and its name, are the same)
RECEIVER = rx.compile(
    r"(?<![A-Za-z_$])(?=(?P<name>[A-Za-z_$][\w$]*))(?P=name)"
    r"\s*(?:\([^()]*\))?\s*(?:\.|->|::)\s*\w+\s*(?:<[^<>()]*>)?\s*$"
)


def receiver_name(opener: str) -> str | None:
    """The name of the object whose method ends `opener` (text up to a call's parenthesis)."""
    found = RECEIVER.search(opener)
    return found.group("name") if found is not None else None


def is_container(doc: Text, name: str) -> bool:
    """Whether `name` is a dict/Map/cache/queue: by its own name, or by what the file binds it to
    (`_cache = {}`, `const seen = new Map()`, `self.q: Queue[str] = queue.Queue()`)."""
    return _container_name(name) or _bound_to_container(doc.text, name)


@lru_cache(maxsize=1024)
def _container_name(name: str) -> bool:
    """Whether a receiver is a container by its own name (CONTAINER_NAME; asked for each call made
    on it, by the few names a file's calls are made on)."""
    return CONTAINER_NAME.search(name) is not None


@lru_cache(maxsize=64)  # (few files at a time: each entry holds its text)
def _bound_to_container(text: str, name: str) -> bool:
    """Whether the text binds `name` to a container (once per file and name: str hashes are kept)."""
    binding = (
        rf"{re.escape(name)}\s*(?::[^=\n]{{0,80}})?(?<![=!<>])=(?!=)\s*"
        rf"(?:{'|'.join(CONTAINER_MAKERS)})"
    )
    return _named(binding, text) or _declared_container(text, name)


def _declared_container(text: str, name: str) -> bool:
    """Whether the text declares `name` with a container's type (a field, a local, a parameter)."""
    escaped = re.escape(name)
    if _named(TYPE_AFTER.replace("{name}", escaped), text):
        return True
    return any(w in text for w in TYPE_WORDS) and (
        re.search(TYPE_BEFORE.replace("{name}", escaped), text) is not None
    )


NAME_CHAR = rx.compile(r"[\w$]")


def _named(pattern: str, text: str) -> bool:
    r"""Whether `pattern`, which opens with a name, matches where no word character or `$` is
    before it: `(?<![\w$])` + pattern searched, the name kept as the pattern's literal prefix
    (re looks for a literal prefix fast; a pattern opening with a lookbehind is tried at every
    place of the text: a file's thousands of `requests.get(` cost tens of milliseconds)."""
    compiled = re.compile(pattern)
    at = 0
    while (m := compiled.search(text, at)) is not None:
        if m.start() == 0 or not NAME_CHAR.match(text, m.start() - 1):
            return True
        at = m.start() + 1
    return False

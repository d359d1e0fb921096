"""Every endpoint AKOOL documents, read (once, lazily) from catalogue.json, the data that
scripts/gen_catalogue.py generates from AKOOL's documentation pages and OpenAPI files.

Standard library only: the client, the sandbox and the audit all import it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

DOCS_SITE = "docs.akool.com"
DATA_FILE = Path(__file__).with_name("catalogue.json")


@dataclass(frozen=True)
class DocField:
    name: str
    type: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    # The fields of an object field, or of each item of an array field (talking avatar's
    # elements[]: url, type, ...); empty when the docs list none.
    fields: tuple[DocField, ...] = ()
    example_fields: tuple[str, ...] = ()  # keys inside it that only the docs' examples show
    # A number's documented bounds (face_reage: -30 to 30), where the docs state them.
    minimum: float | None = None
    maximum: float | None = None
    # A text's documented format, where its row states one ("iso639-1": a two-letter language code).
    format: str | None = None
    # What separates the values a text holds several of, where the docs say so ("," for
    # video translation's language "ja,zh-CN" and delbyids' _ids "a,b": one string, not a list).
    separator: str | None = None
    # The value the docs give for "detect it automatically" (video translation's source_language:
    # "DEFAULT"), where they give one.
    detect: str | None = None
    # The kinds of value the docs' own examples send it as ("string", "number", ...), and an
    # array's item kind where the docs give one alone ("object": knowledge docs' {name, url, size}).
    sent_as: tuple[str, ...] = ()
    items: str | None = None
    # The other field and its value that make this optional field required (image to video's
    # audio_url "required when audio_type = 2": ("audio_type", "2")), where the docs say one.
    required_when: tuple[str, str] | None = None

    def field(self, name: str) -> DocField | None:
        return next((f for f in self.fields if f.name == name), None)

    def names(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields) | frozenset(self.example_fields)


@dataclass(frozen=True)
class DocEndpoint:
    method: str
    path: str  # a template: {_id} stands for one segment
    host: str
    product: str
    auth: str  # "api-key" (x-api-key or Bearer) or "none"
    page: str  # the page about it, under the docs site
    pages: tuple[str, ...]
    body: tuple[DocField, ...]
    query: tuple[DocField, ...]
    # The fields its answers show (dotted paths: "data._id", "token"), from the response tables,
    # schemas and examples; empty when the docs show no answer.
    response: tuple[str, ...] = ()
    response_arrays: tuple[str, ...] = ()  # the fields of its answers that are lists ("data")
    deprecated: bool = False  # every page about it says it is no longer available
    deprecated_fields: tuple[str, ...] = ()  # request fields the docs say are no longer supported
    example_fields: tuple[str, ...] = ()  # request keys only the docs' example bodies show
    # Required body fields that one of the docs' own example bodies leaves out: not certain.
    required_unshown: tuple[str, ...] = ()
    # For an endpoint several products' pages document with different answers: (product, its
    # pages' answer fields). A script that calls a product is judged by that product's pages.
    answers_by_product: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def answer_for(self, products: frozenset[str]) -> tuple[str, ...]:
        """The answer fields for a script that calls these products; when it calls none of those
        whose pages document this endpoint (it only polls), the fields that more than one
        product's page shows, and those no product's page claims: a field only one product shows
        (character swap's `data.video_url` of video/infobymodelid, its input video) is that
        product's."""
        chosen = [fields for product, fields in self.answers_by_product if product in products]
        if chosen:
            return tuple(sorted({name for fields in chosen for name in fields}))
        shown = Counter(name for _, fields in self.answers_by_product for name in fields)
        return tuple(name for name in self.response if shown[name] != 1)

    @cached_property
    def answer_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The fields of its answer at the top and under `data` (first level)."""
        top = frozenset(p for p in self.response if "." not in p)
        under = frozenset(p.split(".")[1] for p in self.response if p.startswith("data."))
        return top, under

    @property
    def url(self) -> str:
        """Where a person reads about it, e.g. docs.akool.com/ai-tools-suite/talking-photo."""
        return page_url(self.page)

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(f.name for f in (*self.body, *self.query))

    def field_names(self) -> frozenset[str]:
        return self._names

    @cached_property
    def request_names(self) -> frozenset[str]:
        """Its documented request fields and the keys that only the docs' example bodies show."""
        return self._names | frozenset(self.example_fields)

    @cached_property
    def _by_name(self) -> dict[str, DocField]:
        found: dict[str, DocField] = {}
        for spec in (*self.body, *self.query):
            found.setdefault(spec.name, spec)  # (the first of a name, body before query)
        return found

    def field(self, name: str) -> DocField | None:
        return self._by_name.get(name)


@dataclass(frozen=True)
class Retired:
    path: str
    last_documented: str  # year-month
    replacement: str | None  # the documented path that does the same today, if any


@dataclass(frozen=True)
class Catalogue:
    api_host: str
    hosts: tuple[str, ...]
    doubtful_hosts: tuple[str, ...]
    documented_path_strings: tuple[str, ...]
    endpoints: tuple[DocEndpoint, ...]
    retired: tuple[Retired, ...]

    def products(self) -> tuple[str, ...]:
        return tuple(sorted({e.product for e in self.endpoints}))

    def find(self, method: str | None, path: str) -> DocEndpoint | None:
        """The documented endpoint for a method (None: any) and a concrete path."""
        got = _segments(path)
        for endpoint, want in self._endpoints_by_length.get(len(got), ()):
            if method is not None and endpoint.method != method.upper():
                continue
            if _segments_match(want, got):
                return endpoint
        return None

    def find_retired(self, path: str) -> Retired | None:
        got = _segments(path)
        retired = self._retired_by_length.get(len(got), ())
        return next((r for r, want in retired if _segments_match(want, got)), None)

    # The paths by their number of segments, in order, each with its segments, worked out once:
    # a path is compared only with those of its length (an audit looks up every path it finds).
    @cached_property
    def _endpoints_by_length(self) -> dict[int, list[tuple[DocEndpoint, list[str]]]]:
        return _by_length(self.endpoints)

    @cached_property
    def _retired_by_length(self) -> dict[int, list[tuple[Retired, list[str]]]]:
        return _by_length(self.retired)


def page_url(page: str) -> str:
    return f"{DOCS_SITE}/{page}"


def path_matches(template: str, path: str) -> bool:
    """A {param} segment of the template matches any one non-empty segment."""
    return _segments_match(_segments(template), _segments(path))


Pathed = TypeVar("Pathed", DocEndpoint, Retired)


def _by_length(items: tuple[Pathed, ...]) -> dict[int, list[tuple[Pathed, list[str]]]]:
    found: dict[int, list[tuple[Pathed, list[str]]]] = {}
    for item in items:
        want = _segments(item.path)
        found.setdefault(len(want), []).append((item, want))
    return found


def _segments(path: str) -> list[str]:
    return path.rstrip("/").split("/")


def _segments_match(want: list[str], got: list[str]) -> bool:
    return len(want) == len(got) and all(
        t == p or (t.startswith("{") and t.endswith("}") and bool(p))
        for t, p in zip(want, got, strict=True)
    )


def _fields(raw: list[dict[str, Any]]) -> tuple[DocField, ...]:
    return tuple(
        DocField(
            f["name"],
            f["type"],
            f["required"],
            tuple(f["enum"]) if f.get("enum") else None,
            _fields(f.get("fields", [])),
            tuple(f.get("example_fields", ())),
            f.get("minimum"),
            f.get("maximum"),
            f.get("format"),
            f.get("separator"),
            f.get("detect"),
            tuple(f.get("sent_as", ())),
            f.get("items"),
            tuple(f["required_when"]) if f.get("required_when") else None,
        )
        for f in raw
    )


def parse(data: dict[str, Any]) -> Catalogue:
    endpoints = tuple(
        DocEndpoint(
            method=e["method"],
            path=e["path"],
            host=e["host"],
            product=e["product"],
            auth=e["auth"],
            page=e["page"],
            pages=tuple(e["pages"]),
            body=_fields(e["body"]),
            query=_fields(e["query"]),
            response=tuple(e.get("response", ())),
            response_arrays=tuple(e.get("response_arrays", ())),
            deprecated=bool(e.get("deprecated")),
            deprecated_fields=tuple(e.get("deprecated_fields", ())),
            example_fields=tuple(e.get("example_fields", ())),
            required_unshown=tuple(e.get("required_unshown", ())),
            answers_by_product=tuple(
                (product, tuple(fields))
                for product, fields in e.get("answers_by_product", {}).items()
            ),
        )
        for e in data["endpoints"]
    )
    return Catalogue(
        api_host=data["api_host"],
        hosts=tuple(data["hosts"]),
        doubtful_hosts=tuple(data["doubtful_hosts"]),
        documented_path_strings=tuple(data["documented_path_strings"]),
        endpoints=endpoints,
        retired=tuple(Retired(**r) for r in data["retired"]),
    )


@lru_cache(maxsize=1)
def load() -> Catalogue:
    """The catalogue shipped with the package (read on first use, then kept)."""
    return parse(json.loads(DATA_FILE.read_text(encoding="utf-8")))

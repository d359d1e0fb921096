"""Values AKOOL lists at run time (translation's languages, image to video's effects, text to
video's models with their resolutions and lengths): which field of which product takes one, and
what is wrong with a request against the lists, said before anything is billed. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Items = Sequence[Mapping[str, Any]]
SHOWN = 10  # allowed values named in a message; the rest are counted


def _key(key: str) -> Callable[[Items, Mapping[str, Any]], tuple[str, ...]]:
    """Each listed item's `key`."""
    return lambda items, fields: tuple(str(i.get(key)) for i in items if i.get(key) is not None)


def _of_model(key: str) -> Callable[[Items, Mapping[str, Any]], tuple[str, ...]]:
    """The chosen model's `key` values (its resolutions, its lengths); with no model chosen,
    those some model offers (AKOOL does not document which model it picks then)."""

    def allowed(items: Items, fields: Mapping[str, Any]) -> tuple[str, ...]:
        model = fields.get("model_name")
        chosen = [m for m in items if m.get("value") == model] if model else list(items)
        return tuple(dict.fromkeys(str(v) for m in chosen for v in m.get(key) or []))

    return allowed


@dataclass(frozen=True)
class Listed:
    """A request field whose values come from one of AKOOL's lists."""

    field: str
    source: str  # the list: a key of the client's LIST_SOURCES
    allowed: Callable[[Items, Mapping[str, Any]], tuple[str, ...]]
    see: str  # the command that shows the list
    many: bool = False  # several values, comma-separated (translation's languages)


# Each kind's fields checked against a list (text2video.mdx, image2video.mdx, aimodel.mdx,
# video-translation/get-languages.mdx).
LISTED: dict[str, tuple[Listed, ...]] = {
    "video_translation": (
        Listed("language", "languages", _key("lang_code"), "akool languages", many=True),
        Listed("source_language", "languages", _key("lang_code"), "akool languages"),
    ),
    "image2video": (Listed("effect_code", "effects", _key("effect_code"), "akool effects"),),
    "text2video": (
        Listed("model_name", "text2video models", _key("value"), "akool models"),
        Listed("resolution", "text2video models", _of_model("resolutions"), "akool models"),
        Listed("video_length", "text2video models", _of_model("durationList"), "akool models"),
    ),
}
ANY_SOURCE_LANGUAGE = "DEFAULT"  # translation's source_language: detect it (not a listed code)


def sources(kind: str, fields: Mapping[str, Any]) -> list[str]:
    """The lists a request of this kind needs read (none when it gives no listed field)."""
    needed = [r.source for r in LISTED.get(kind, ()) if _values(r, fields)]
    return list(dict.fromkeys(needed))


def problems(kind: str, fields: Mapping[str, Any], lists: Callable[[str], Items]) -> list[str]:
    """What in the request AKOOL's lists do not offer, one message per field."""
    found = []
    for rule in LISTED.get(kind, ()):
        values = _values(rule, fields)
        if not values:
            continue
        allowed = rule.allowed(lists(rule.source), fields)
        if not allowed:  # an empty list ("not yet implemented"): nothing to check against
            continue
        unknown = [v for v in values if v not in allowed]
        if unknown:
            found.append(_message(rule, unknown, allowed, fields))
    return found


def _values(rule: Listed, fields: Mapping[str, Any]) -> list[str]:
    value = fields.get(rule.field)
    if value is None or value == "":
        return []
    if rule.many:
        return [v.strip() for v in str(value).split(",") if v.strip()]
    if rule.field == "source_language" and value == ANY_SOURCE_LANGUAGE:
        return []
    return [str(value)]


def _message(
    rule: Listed, unknown: list[str], allowed: Sequence[str], fields: Mapping[str, Any]
) -> str:
    """`language 'xx' is not one AKOOL lists; one of: en, es, … (+90 more: akool languages)`."""
    names = ", ".join(repr(v) for v in unknown)
    close = [a for v in unknown for a in allowed if a.lower() == v.lower()]
    if close:
        return f"{rule.field} {names} is not one AKOOL lists; did you mean {', '.join(close)}?"
    whose = ""
    if rule.source.endswith("models") and rule.field != "model_name" and fields.get("model_name"):
        whose = f" for model {fields['model_name']}"
    shown = ", ".join(allowed[:SHOWN])
    more = f" … (+{len(allowed) - SHOWN} more: {rule.see})" if len(allowed) > SHOWN else ""
    return f"{rule.field} {names} is not one AKOOL lists{whose}; one of: {shown}{more}"

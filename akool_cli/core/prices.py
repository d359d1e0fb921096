"""What AKOOL jobs cost and how long their results live, as the docs say it: no I/O.

AKOOL reports a job's cost in fields of its answers (`deduction_credit`, or `deduction_duration`,
"credits consumed by the final result"), and prices a few products in tables on their pages.
The ledger (`akool spend`), the budgets (`--max-credits`) and the sandbox read them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from akool_cli.core.kinds import JobKind

# "Generated resources are kept 7 days" (the warning on nearly every product page).
RETENTION_SECONDS = 7 * 86400
# The cost fields that are credits charged, in the order they are believed: deduction_credit (v4
# products, VoiceLab) and deduction_duration (v3 video products: "credits consumed by the final
# result"). The *_lock_duration fields are holds, not charges, and are never summed.
CREDIT_FIELDS = ("deduction_credit", "deduction_duration")


def credits_of(cost: Mapping[str, Any]) -> float | None:
    """The credits a job's recorded cost fields say it was charged, or None if they say nothing."""
    for name in CREDIT_FIELDS:
        value = cost.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def credit_field(kind: JobKind) -> str | None:
    """The field a kind's answers charge credits in (the sandbox fills it when a job finishes)."""
    return next((name for name in kind.shape.cost if name in CREDIT_FIELDS), None)


@dataclass(frozen=True)
class PriceTable:
    """A product's documented price: a table by request fields, or a rate per unit of a field."""

    page: str  # where AKOOL documents it
    by: tuple[str, ...] = ()  # the request fields the table is keyed by
    table: Mapping[tuple[Any, ...], float] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)  # what akool sends when not given
    rate: tuple[str, float, float] | None = None  # (text field, credits, per characters)


# 5 s: 720p 20, 1080p 25, 4k 30 credits; 10 s: 40, 50, 60 (image2video.mdx). Text to video has
# "the same table", though "actual pricing may vary by model".
_VIDEO_TABLE = {
    ("720p", 5): 20.0,
    ("1080p", 5): 25.0,
    ("4k", 5): 30.0,
    ("720p", 10): 40.0,
    ("1080p", 10): 50.0,
    ("4k", 10): 60.0,
}
PRICES: dict[str, PriceTable] = {
    "image2video": PriceTable(
        "ai-tools-suite/image2video.mdx",
        by=("resolution", "video_length"),
        table=_VIDEO_TABLE,
        defaults={"resolution": "720p", "video_length": 5},
    ),
    "text2video": PriceTable(
        "ai-tools-suite/text2video.mdx (the image to video table; may vary by model)",
        by=("resolution", "video_length"),
        table=_VIDEO_TABLE,
        defaults={"resolution": "720p", "video_length": 5},
    ),
    # 4.4 / 3.2 / 2.4 credits per 1000 characters (Pro / Max / Business): the highest is assumed.
    "tts": PriceTable("ai-tools-suite/voiceLab.mdx (Pro plan)", rate=("input_text", 4.4, 1000)),
}


@dataclass(frozen=True)
class Estimate:
    """What a job is expected to cost before it is made, and where that figure comes from."""

    credits: float | None
    source: str  # "documented: <page>", "largest seen: <n> job(s)", or "unknown"

    @property
    def known(self) -> bool:
        return self.credits is not None

    def to_json(self) -> dict[str, Any]:
        return {"credits": self.credits, "source": self.source}


UNKNOWN = Estimate(None, "unknown")


def documented(kind: str, fields: Mapping[str, Any]) -> Estimate | None:
    """The documented price of a job with these request fields, when the docs give one."""
    price = PRICES.get(kind)
    if price is None:
        return None
    if price.rate is not None:
        name, credits, per = price.rate
        return Estimate(
            round(len(str(fields.get(name, ""))) / per * credits, 4),
            f"documented: {price.page}",
        )
    key = tuple(fields.get(name, price.defaults.get(name)) for name in price.by)
    value = price.table.get(key)
    return None if value is None else Estimate(value, f"documented: {price.page}")


def seen(largest: float | None, jobs: int, above: Estimate | None = None) -> Estimate:
    """The largest cost recorded for a kind so far (its price is not documented, or `above`, the
    documented one, is lower)."""
    if largest is None:
        return UNKNOWN
    if above is not None:
        return Estimate(largest, f"largest seen: {jobs} job(s), above the {above.source} price")
    return Estimate(largest, f"largest seen: {jobs} job(s)")

"""Whether a job's status answer is of the create a record says made it: the inputs AKOOL reports
against the ones sent. One comparison for `akool settle --created` and for every job's first
status read (a server that gives one create's id to another is caught before any download)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reported:
    """An input as an answer reports it: the name the history records it under, and whether
    AKOOL reports the value sent (an echo) or a copy it made under its own URL."""

    name: str
    copy: bool = False  # AKOOL's own copy: comparable only with what its create's answer gave
    setting: bool = False  # a setting many creates share: it alone does not tell creates apart


# The inputs a status answer reports, by the answer's field, as AKOOL's docs show them. Only
# these are compared: an answer's other fields may share an input's name and mean a result.
ANSWERED_AS = {
    # openapi/talking-photo.yaml: the create sends talking_photo_url …/1688098804494-…-9907.jpg
    # and its answer's talking_photo is …/1692242161763-…-6613.jpeg: AKOOL's copy of the image.
    "talking_photo": Reported("image_url", copy=True),
    "talking_photo_url": Reported("image_url"),  # the request's own name: what was sent
    "audio_url": Reported("audio_url"),  # image2video.mdx's answers: the URL sent
    "prompt": Reported("prompt"),
    "resolution": Reported("resolution", setting=True),
}
# What a kind's own echoes (JobKind.echoes: lip sync's target_video, image to video's image_url,
# character swap's image_url/video_url, text to video's model_name) are: each of their pages
# shows the URL or value the create sent, so they are echoes; these are settings.
SETTINGS = frozenset({"effect_code", "model_name", "resolution"})


@dataclass(frozen=True)
class Compared:
    """One input both sides give: AKOOL's value, the one it is compared with, and where that
    one comes from ("its create's answer gave", or what was sent)."""

    name: str
    value: str
    expected: str
    given: str
    setting: bool
    copy: bool = False


def _reported(echoes: Mapping[str, str] | None) -> dict[str, Reported]:
    kind_own = {f: Reported(n, setting=n in SETTINGS) for f, n in (echoes or {}).items()}
    return {**ANSWERED_AS, **kind_own}


def compared(
    sent: dict[str, Any],
    answer: dict[str, Any],
    echoes: Mapping[str, str] | None = None,
    answered: Mapping[str, Any] | None = None,
    given: str = "the attempt sent",
) -> list[Compared]:
    """The inputs the answer reports that can be compared: an echo with what was `sent` (or,
    not recorded so, with what the create's answer gave: `answered`); AKOOL's copy of an input
    only with what the create's answer gave, never with the URL sent (the copy has another).
    `echoes`: a kind's own answer fields for its inputs (lip sync's target_video)."""
    found = []
    for field, how in _reported(echoes).items():
        value = answer.get(field)
        if not isinstance(value, (str, int)) or value == "":
            continue
        expected, source = (None, given) if how.copy else (sent.get(how.name), given)
        if expected in (None, ""):
            expected, source = (answered or {}).get(how.name), "its create's answer gave"
        if expected in (None, ""):
            continue
        found.append(Compared(how.name, str(value), str(expected), source, how.setting, how.copy))
    return found


def other_inputs(
    sent: dict[str, Any],
    answer: dict[str, Any],
    given: str = "the attempt sent",
    echoes: Mapping[str, str] | None = None,
    answered: Mapping[str, Any] | None = None,
) -> str | None:
    """Where a job's status answer shows other inputs than its create ("image_url: AKOOL
    reports …, the attempt sent …"), or None (also when nothing can be compared). Only fields
    both give, as text; URLs without their query (the history keeps a presigned URL without its
    signature). `given` says where `sent` comes from."""
    found = [
        item
        for item in compared(sent, answer, echoes, answered, given)
        if _comparable(item.value) != _comparable(item.expected)
    ]
    if not found:
        return None
    item = min(found, key=lambda i: i.copy)  # an input as the user gave it says most
    what = f"{item.name} (AKOOL's copy)" if item.copy else item.name
    return f"{what}: AKOOL reports {item.value[:80]!r}, {item.given} {item.expected[:80]!r}"


def echoed(answer: dict[str, Any]) -> dict[str, str]:
    """The inputs a create's answer reports, by the history's names, as AKOOL keeps them (its
    status is compared with these: AKOOL's copy of an image is the same in both)."""
    found: dict[str, str] = {}
    for field, how in ANSWERED_AS.items():
        value = answer.get(field)
        if isinstance(value, (str, int)) and value != "" and how.name not in found:
            found[how.name] = str(value)
    return found


def same_inputs(
    sent: dict[str, Any], answer: dict[str, Any], echoes: Mapping[str, str] | None = None
) -> bool:
    """The answer shows the inputs a create sent: at least one that tells creates apart (not
    only a setting like the resolution, nor AKOOL's copy of an image), and each as sent."""
    found = compared(sent, answer, echoes)
    telling = any(not item.setting for item in found)
    return telling and other_inputs(sent, answer, echoes=echoes) is None


def _comparable(value: str) -> str:
    return value.split("?", 1)[0] if "://" in value else value.strip()

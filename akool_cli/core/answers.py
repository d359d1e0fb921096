"""Whether a job's status answer is of the create a record says made it: the inputs AKOOL reports
against the ones sent. One comparison for `akool settle --created` and for every job's first
status read (a server that gives one create's id to another is caught before any download)."""

from __future__ import annotations

from typing import Any

# The inputs a status answer reports, by the answer's field: the name the history records them
# under (a talking photo answers `talking_photo` for its image_url). Only these are compared: an
# answer's other fields may share an input's name and mean a result.
ANSWERED_AS = {
    "talking_photo": "image_url",
    "talking_photo_url": "image_url",
    "audio_url": "audio_url",
    "prompt": "prompt",
    "resolution": "resolution",
}


def compared(recorded: dict[str, Any], answer: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The inputs both the record and the answer give: (name, AKOOL's value, the sent one)."""
    found = []
    for field, name in ANSWERED_AS.items():
        value, sent = answer.get(field), recorded.get(name)
        if not isinstance(value, (str, int)) or sent in (None, "") or value in (None, ""):
            continue
        found.append((name, str(value), str(sent)))
    return found


def other_inputs(
    recorded: dict[str, Any], answer: dict[str, Any], given: str = "the attempt sent"
) -> str | None:
    """Where a job's status answer shows other inputs than the attempt recorded ("image_url:
    … not …"), or None. Only fields both give, as text; URLs without their query (the history
    keeps a presigned URL without its signature). `given` says where `recorded` comes from."""
    for name, value, sent in compared(recorded, answer):
        if _comparable(value) != _comparable(sent):
            return f"{name}: AKOOL reports {value[:80]!r}, {given} {sent[:80]!r}"
    return None


def echoed(answer: dict[str, Any]) -> dict[str, str]:
    """The inputs an answer reports, by the history's names (a create's answer echoes them as
    AKOOL keeps them: compared with its status, a copy AKOOL made of an image is no mismatch)."""
    found: dict[str, str] = {}
    for field, name in ANSWERED_AS.items():
        value = answer.get(field)
        if isinstance(value, (str, int)) and value not in (None, "") and name not in found:
            found[name] = str(value)
    return found


def same_inputs(recorded: dict[str, Any], answer: dict[str, Any]) -> bool:
    """The answer reports at least one input, and each as the record sent it."""
    return bool(compared(recorded, answer)) and other_inputs(recorded, answer) is None


def _comparable(value: str) -> str:
    return value.split("?", 1)[0] if "://" in value else value.strip()

"""Whether a job's status answer is of the create a record says made it: the inputs AKOOL reports
against the ones sent. One comparison for `akool settle --created` and for every job's first
status read (a server that gives one create's id to another is caught before any download).

What an answer reports is each kind's description (kinds.py, from AKOOL's pages): `echoes`, the
inputs its answers report as they were sent (a speech's input_text, a lip sync's target_video),
and `copies`, those it reports as AKOOL's own copy or version of them (a talking photo's
`talking_photo`: AKOOL's copy of the portrait, under another URL; AKOOL's own voice id). An echo
is compared with what was sent and with what the create's answer reported (a match with either
is no mismatch); a copy only with what the create's answer reported: unlike the sent value, it
says nothing either way, so it is never taken for another create's input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from akool_cli.core import redact
from akool_cli.core.kinds import JobKind

CREATE_GAVE = "its create's answer gave"
# Inputs many creates share (a resolution, a model, an effect): equal, they alone do not show
# that an answer is of one create rather than another.
SETTINGS = frozenset({"resolution", "model_name", "effect_code"})


@dataclass(frozen=True)
class Verdict:
    """One input both sides give: AKOOL's value, the one it is compared with and where that
    comes from; `same` None when it tells nothing (a copy unlike the sent value)."""

    name: str
    value: str
    expected: str
    given: str
    same: bool | None
    copy: bool = False

    @property
    def telling(self) -> bool:
        """Equal, it shows the answer is of this create (not a setting, not AKOOL's copy)."""
        return bool(self.same) and not self.copy and self.name not in SETTINGS


def reported(kind: JobKind) -> list[tuple[str, str, bool]]:
    """(answer field, the history's input name, whether it is AKOOL's copy) for each input the
    kind's answers report."""
    found = [(field, name, False) for field, name in kind.echoes.items()]
    return found + [(field, name, True) for field, name in kind.copies.items()]


def verdicts(
    kind: JobKind,
    sent: Mapping[str, Any],
    answer: Mapping[str, Any],
    created: Mapping[str, Any] | None = None,
    sent_as: str = "the attempt sent",
) -> list[Verdict]:
    """Each reported input against the create's answer (`created`, by input name) and what was
    sent (`sent`, as `sent_as` says)."""
    found, job = [], kind.job_object(answer)
    for field, name, copy in reported(kind):
        value = _text(job.get(field))
        echo, given = _text((created or {}).get(name)), _text(sent.get(name))
        if value is None or (echo is None and given is None):
            continue
        agrees = [_same(value, v) for v in (echo, given) if v is not None]
        if any(agrees):
            found.append(Verdict(name, value, given or echo or "", sent_as, True, copy))
        elif echo is not None:
            found.append(Verdict(name, value, echo, CREATE_GAVE, False, copy))
        elif not copy:
            found.append(Verdict(name, value, given or "", sent_as, False))
        else:
            found.append(Verdict(name, value, given or "", sent_as, None, copy))
    return found


def other_inputs(
    kind: JobKind,
    sent: Mapping[str, Any],
    answer: Mapping[str, Any],
    *,
    created: Mapping[str, Any] | None = None,
    sent_as: str = "the attempt sent",
) -> str | None:
    """Where a job's status answer shows other inputs than its create ("image_url: AKOOL
    reports …, the attempt sent …"), or None (also when nothing can be compared). URLs are
    compared without their query (the history keeps a presigned URL without its signature),
    texts without extra whitespace."""
    found = [v for v in verdicts(kind, sent, answer, created, sent_as) if v.same is False]
    if not found:
        return None
    item = min(found, key=lambda v: v.copy)  # an input as the user gave it says most
    what = f"{item.name} (AKOOL's copy)" if item.copy else item.name
    return f"{what}: AKOOL reports {item.value[:80]!r}, {item.given} {item.expected[:80]!r}"


def same_inputs(kind: JobKind, sent: Mapping[str, Any], answer: Mapping[str, Any]) -> bool:
    """The answer shows the inputs a create sent: at least one that tells creates apart (not
    only a setting like the resolution, nor AKOOL's copy of an image), and none otherwise."""
    found = verdicts(kind, sent, answer)
    return any(v.telling for v in found) and not any(v.same is False for v in found)


def echoed(kind: JobKind, answer: Mapping[str, Any]) -> dict[str, str]:
    """The inputs a create's answer reports, by the history's names, as AKOOL keeps them: what
    the job's status is compared with (AKOOL's copy of an image is the same in both)."""
    found: dict[str, str] = {}
    job = kind.job_object(answer)
    for field, name, _ in reported(kind):
        value = _text(job.get(field))
        if value is not None and name not in found:
            found[name] = value
    return found


def _text(value: Any) -> str | None:
    """A reported or recorded value as text; None when there is none to compare."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = str(value)
    return text if text.strip() else None


def _same(reported: str, recorded: str) -> bool:
    """Whether AKOOL's value is the recorded one, compared like with like: both masked as the
    history masks what it records (a URL's user:password@; before break17i I8 also any
    `token=`-like word of a prompt or a URL's path), so a masked record is never taken for
    another create's input."""
    ours, theirs = _comparable(recorded), _comparable(reported)
    return ours == theirs or redact.signed_before(ours) == redact.signed_before(theirs)


def _comparable(value: str) -> str:
    if "://" in value:
        return redact.signed(value.split("?", 1)[0].strip())
    return " ".join(value.split())

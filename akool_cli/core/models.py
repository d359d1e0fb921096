"""What AKOOL's answers describe: a talking-photo job, a speech job, a voice.

Each decodes from AKOOL's `data` tolerantly (the docs say which fields exist, proxies and other
products add more) and raises UnavailableError only when a field akool needs is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from akool_cli.core import contract
from akool_cli.core.errors import UnavailableError

# An answer without the documented fields: something other than AKOOL answered, or AKOOL broke.
ANSWER_HINT = "check the base URL (akool doctor), then run the command again"


@dataclass(frozen=True)
class JobInfo:
    """A talking-photo job as AKOOL reports it (create and infobymodelid share these fields)."""

    id: str
    video_status: int
    video_url: str = ""
    create_time_ms: int | None = None
    error_reason: str = ""
    progress: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def state(self) -> str:
        return contract.VIDEO_STATUS_NAMES.get(self.video_status, "unknown")

    @property
    def finished(self) -> bool:
        return self.video_status in contract.FINAL_VIDEO_STATUSES

    @classmethod
    def from_payload(cls, data: Any, *, expected_id: str | None = None) -> JobInfo:
        if not isinstance(data, dict):
            raise UnavailableError(
                "AKOOL's answer has no job data (data is not an object)", hint=ANSWER_HINT
            )
        job_id = data.get("_id") or expected_id
        if not isinstance(job_id, str) or not job_id:
            raise UnavailableError(
                "AKOOL's answer has no job id (data._id is missing)", hint=ANSWER_HINT
            )
        status = data.get("video_status")
        if isinstance(status, str) and status.strip().isdigit():
            status = int(status)  # tolerate "3": the docs say integer, proxies disagree
        if isinstance(status, bool) or not isinstance(status, int):
            status = 0
        video = data.get("video")
        create_time = data.get("create_time")
        progress = data.get("progress")
        reason = data.get("error_reason") or data.get("error_msg") or ""
        if not reason and data.get("error_code"):
            reason = f"error code {data['error_code']}"
        return cls(
            id=job_id,
            video_status=status,
            video_url=video if isinstance(video, str) else "",
            create_time_ms=_in_range(create_time, MAX_TIME_MS),
            error_reason=str(reason),
            progress=_percent(progress),
            raw=data,
        )


@dataclass(frozen=True)
class Voice:
    """A VoiceLab voice as the voice list describes it (AKOOL's field names)."""

    voice_id: str
    name: str
    gender: str
    language: str
    locale: str
    voice_model_name: str  # which model speaks it decides which voice_options apply
    support_stream: bool | None
    style: tuple[str, ...]
    age: tuple[str, ...]
    scenario: tuple[str, ...]
    preview: str

    @classmethod
    def from_payload(cls, item: Any) -> Voice:
        data = item if isinstance(item, dict) else {}
        stream = data.get("support_stream")
        return cls(
            voice_id=_text(data.get("voice_id")),
            name=_text(data.get("name")),
            gender=_text(data.get("gender")),
            language=_text(data.get("language")),
            locale=_text(data.get("locale")),
            voice_model_name=_text(data.get("voice_model_name")),
            support_stream=stream if isinstance(stream, bool) else None,
            style=_tags(data.get("style")),
            age=_tags(data.get("age")),
            scenario=_tags(data.get("scenario")),
            preview=_text(data.get("preview")),
        )

    def speaks(self, language: str) -> bool:
        """Whether the voice's language name ("English") or locale ("en", "en-US") matches."""
        wanted = language.strip().lower()
        locale = self.locale.lower().replace("_", "-")
        return wanted in (self.language.lower(), locale) or locale.startswith(wanted + "-")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _tags(value: Any) -> tuple[str, ...]:
    # The docs show arrays of tags; a comma-separated string is tolerated too.
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


@dataclass(frozen=True)
class SpeechInfo:
    """A VoiceLab text-to-speech job: status 1-4 like videos; preview is the audio URL when 3."""

    id: str
    status: int
    audio_url: str = ""
    deduction_credit: float | None = None  # the credits AKOOL deducted, when it says

    @property
    def state(self) -> str:
        return contract.VIDEO_STATUS_NAMES.get(self.status, "unknown")

    @classmethod
    def from_payload(cls, data: Any, *, expected_id: str | None = None) -> SpeechInfo:
        if not isinstance(data, dict):
            raise UnavailableError("AKOOL's speech answer has no data object", hint=ANSWER_HINT)
        nested = data.get("result")
        result: dict[str, Any] = nested if isinstance(nested, dict) else data
        job_id = result.get("_id") or expected_id
        if not isinstance(job_id, str) or not job_id:
            raise UnavailableError("AKOOL's speech answer has no _id", hint=ANSWER_HINT)
        status = result.get("status")
        credit = result.get("deduction_credit")
        return cls(
            id=job_id,
            status=status if isinstance(status, int) and not isinstance(status, bool) else 0,
            audio_url=str(result.get("preview") or ""),
            deduction_credit=(
                float(credit)
                if isinstance(credit, (int, float))
                and not isinstance(credit, bool)
                and math.isfinite(credit)
                else None
            ),
        )


# Numbers from a server are taken only within sense: a 400-digit integer must not crash the
# recording of a billed job (float() of it overflows).
MAX_TIME_MS = 10**14  # milliseconds since 1970: year 5138


def _in_range(value: Any, limit: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < limit:
        return None
    return value


def _percent(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if 0.0 <= number <= 100.0 else None

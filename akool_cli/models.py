"""What AKOOL's answers describe: a talking-photo job, a speech job, a voice.

Each decodes from AKOOL's `data` tolerantly (the docs say which fields exist, proxies and other
products add more) and raises UnavailableError only when a field akool needs is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from akool_cli import contract
from akool_cli.errors import UnavailableError


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
            raise UnavailableError("AKOOL's answer has no job data (data is not an object)")
        job_id = data.get("_id") or expected_id
        if not isinstance(job_id, str) or not job_id:
            raise UnavailableError("AKOOL's answer has no job id (data._id is missing)")
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
            create_time_ms=create_time if isinstance(create_time, int) else None,
            error_reason=str(reason),
            progress=float(progress) if isinstance(progress, (int, float)) else None,
            raw=data,
        )


@dataclass(frozen=True)
class Voice:
    voice_id: str
    name: str
    gender: str
    language: str
    preview: str

    @classmethod
    def from_payload(cls, item: Any) -> Voice:
        data = item if isinstance(item, dict) else {}
        return cls(
            voice_id=str(data.get("voice_id") or ""),
            name=str(data.get("name") or ""),
            gender=str(data.get("gender") or ""),
            language=str(data.get("language") or ""),
            preview=str(data.get("preview") or ""),
        )


@dataclass(frozen=True)
class SpeechInfo:
    """A VoiceLab text-to-speech job: status 1-4 like videos; preview is the audio URL when 3."""

    id: str
    status: int
    audio_url: str = ""

    @property
    def state(self) -> str:
        return contract.VIDEO_STATUS_NAMES.get(self.status, "unknown")

    @classmethod
    def from_payload(cls, data: Any, *, expected_id: str | None = None) -> SpeechInfo:
        if not isinstance(data, dict):
            raise UnavailableError("AKOOL's speech answer has no data object")
        nested = data.get("result")
        result: dict[str, Any] = nested if isinstance(nested, dict) else data
        job_id = result.get("_id") or expected_id
        if not isinstance(job_id, str) or not job_id:
            raise UnavailableError("AKOOL's speech answer has no _id")
        status = result.get("status")
        return cls(
            id=job_id,
            status=status if isinstance(status, int) and not isinstance(status, bool) else 0,
            audio_url=str(result.get("preview") or ""),
        )

"""Every kind of AKOOL job akool makes, described once: its endpoints, its request, its answers.

Creation, the history, following, `status`, `batch` and the sandbox all take a job kind from
here, so a new AKOOL product (lip sync, talking avatar) is one description, one command and one
sandbox handler.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Protocol

from akool_cli.core import contract
from akool_cli.core.contract import Endpoint
from akool_cli.core.errors import UsageError
from akool_cli.core.models import JobInfo, SpeechInfo


class Status(IntEnum):
    """The documented job states (talking photo's video_status, VoiceLab's status)."""

    QUEUED = 1
    PROCESSING = 2
    DONE = 3
    FAILED = 4


FINAL = frozenset({Status.DONE, Status.FAILED})


class Request(Protocol):
    """What a kind's create takes: the JSON body to send and the inputs to record."""

    def body(self) -> dict[str, Any]: ...

    def inputs(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class JobKind:
    name: str  # the history's `kind` column and the sandbox's handler key
    noun: str  # for messages: "talking photo", "speech"
    create: Endpoint
    detail: Endpoint
    id_param: str  # the detail endpoint's query or path parameter that carries the job id
    parse: Callable[[Any, str | None], JobInfo]  # AKOOL's `data` → JobInfo
    result: str = "video"  # what the finished job's URL points at
    suffix: str = ".mp4"  # file suffix of a download
    failure_hint: str = "check the inputs, then create the job again"

    def detail_params(self, job_id: str) -> tuple[dict[str, str], dict[str, str]]:
        """(query, path parameters) that ask the detail endpoint about `job_id`."""
        if "{" + self.id_param + "}" in self.detail.path:
            return {}, {self.id_param: job_id}
        return {self.id_param: job_id}, {}


KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> JobKind:
    KINDS[kind.name] = kind
    return kind


def get(name: str) -> JobKind:
    try:
        return KINDS[name]
    except KeyError:
        raise UsageError(
            f"akool does not know jobs of kind {name!r}", hint="upgrade akool"
        ) from None


def _talking_photo(data: Any, expected_id: str | None) -> JobInfo:
    return JobInfo.from_payload(data, expected_id=expected_id)


def _speech(data: Any, expected_id: str | None) -> JobInfo:
    speech = SpeechInfo.from_payload(data, expected_id=expected_id)
    raw = data if isinstance(data, dict) else {}
    return JobInfo(id=speech.id, video_status=speech.status, video_url=speech.audio_url, raw=raw)


# AKOOL's advice for inputs that fail (talking-photo guide), said in our words.
TALKING_PHOTO_ADVICE = (
    "use a clear, front-facing, well-lit portrait and an MP3 voice recording "
    "(the video is as long as the audio), then create the job again"
)

TALKING_PHOTO = register(
    JobKind(
        name="talking_photo",
        noun="talking photo",
        create=contract.CREATE_TALKING_PHOTO,
        detail=contract.VIDEO_INFO,
        id_param="video_model_id",
        parse=_talking_photo,
        failure_hint=TALKING_PHOTO_ADVICE,
    )
)
SPEECH = register(
    JobKind(
        name="tts",
        noun="speech",
        create=contract.CREATE_TTS,
        detail=contract.TTS_DETAIL,
        id_param="_id",
        parse=_speech,
        result="audio",
        suffix=".mp3",
        failure_hint="check the text and the voice id (akool voices), then try again",
    )
)


@dataclass(frozen=True)
class SpeechRequest:
    """Text to speech with a VoiceLab voice."""

    text: str
    voice_id: str
    voice_options: Mapping[str, Any] = field(default_factory=dict)
    language_code: str | None = None

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"input_text": self.text, "voice_id": self.voice_id}
        if self.voice_options:
            body["voice_options"] = dict(self.voice_options)
        if self.language_code:
            body["language_code"] = self.language_code
        return body

    def inputs(self) -> dict[str, Any]:
        values: dict[str, Any] = {"text": self.text, "voice": self.voice_id}
        values.update(self.voice_options)
        if self.language_code:
            values["language_code"] = self.language_code
        return values

"""What AKOOL's answers describe: a job of any kind, a speech job, a voice.

Each decodes from AKOOL's `data` tolerantly (the docs say which fields exist, proxies and other
products add more) and raises UnavailableError only when a field akool needs is missing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from akool_cli.core import states
from akool_cli.core.errors import UnavailableError

Path = tuple[str, ...]  # keys into an answer's object, outermost first
# A job id as AKOOL documents them for every product (a MongoDB ObjectId): an id in any other
# shape is refused, whatever the answer says, before it reaches a path, a file name or a screen.
JOB_ID_SHAPE = re.compile(r"[0-9a-f]{24}")


def malformed_id(job_id: str) -> str:
    """What is wrong with a server-given job id ("" when it has AKOOL's documented shape).

    The id itself is not shown, not even escaped: a hostile id must not reach the screen
    (reliability.md). Its length is safe to say; what is wrong with 24 characters is their kind.
    """
    if JOB_ID_SHAPE.fullmatch(job_id):
        return ""
    wrong = (
        "24 characters, not all of them lower-case hexadecimal digits"
        if len(job_id) == 24
        else f"{len(job_id)} characters"
    )
    return f"a malformed id of {wrong} (AKOOL's ids are 24 lower-case hexadecimal digits)"


def server_job_id(value: Any, expected_id: str | None, what: str) -> str:
    """The job id an answer gives (or the one asked about, when it gives none), checked."""
    job_id = value or expected_id
    if not isinstance(job_id, str) or not job_id:
        raise UnavailableError(f"AKOOL's {what} has no job id (_id is missing)")
    if value and (wrong := malformed_id(job_id)):
        raise UnavailableError(f"AKOOL's {what} gives a job id that is not one: {wrong}")
    if value and expected_id and value != expected_id:
        # Another job's state (a broken caching proxy serving one status for another): never
        # taken for the job asked about, never written to either job's row (break17h H2).
        raise UnavailableError(
            f"AKOOL's {what} for job {expected_id} is of another job, {value}: akool does not use "
            "it (a proxy or cache between akool and AKOOL may be answering with another request's "
            "answer)",
            hint=f"run the command again later; if it persists, check the network path to AKOOL "
            f"(akool doctor) and follow the job again: akool watch {expected_id}",
        )
    return job_id


@dataclass(frozen=True)
class Shape:
    """Where one product's answers keep a job's fields: read by JobInfo.read, declared per kind.

    Paths are relative to the job's object: `data` itself, or one item of a list of results.
    """

    status: Path = ("video_status",)
    result: Path = ("video",)  # the main result's URL
    files: tuple[tuple[str, Path], ...] = ()  # other result files: (role, path)
    error: tuple[Path, ...] = (("error_reason",), ("error_msg",))
    error_code: Path = ("error_code",)
    cost: tuple[str, ...] = ()  # the cost fields AKOOL reports (credits, seconds), kept as is
    nested: Path = ()  # where the job's object sits inside `data` (speech: ("result",))
    values: tuple[tuple[Any, int], ...] = ()  # raw status → the one table, when not 1-4
    # What the job makes that is not a file (a cloned voice's voice_id, a moderation's text),
    # and ids akool must keep (reage's job_id, for cancelling): (name, path), kept as text.
    outputs: tuple[tuple[str, Path], ...] = ()


TALKING_PHOTO_SHAPE = Shape(cost=("deduction_duration", "deduction_lock_duration"))


@dataclass(frozen=True)
class JobInfo:
    """A job of any kind as AKOOL reports it, in akool's terms.

    `video_status` is the job's state in the one table (states.py), whatever the product calls
    it; `video_url` is its main result (a video, or a speech job's audio); `files` its other
    result files by role (a translation's subtitles); `cost` what AKOOL says it charged.
    """

    id: str
    video_status: int
    video_url: str = ""
    create_time_ms: int | None = None
    error_reason: str = ""
    progress: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    files: dict[str, str] = field(default_factory=dict, compare=False)
    cost: dict[str, float] = field(default_factory=dict, compare=False)
    outputs: dict[str, str] = field(default_factory=dict, compare=False)  # see Shape.outputs
    # The state as AKOOL wrote it, and where (`faceswap_status`, `result.status`): what a state
    # outside the table is shown as.
    status_field: str = field(default="video_status", compare=False)
    raw_status: Any = field(default=None, compare=False)
    # The other jobs the same create's answer named (a `count` over 1, a batch create's
    # successList): each billed, each recorded with this one (break17f F18, F22).
    others: tuple[JobInfo, ...] = field(default=(), compare=False, repr=False)
    # Ids the same answer named that the history holds as earlier jobs (break17h H18): not this
    # create's, never merged; reported.
    foreign: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def state(self) -> str:
        return states.name(self.video_status)

    @property
    def finished(self) -> bool:
        return states.finished(self.video_status)

    @classmethod
    def from_payload(cls, data: Any, *, expected_id: str | None = None) -> JobInfo:
        """A talking-photo answer (create or infobymodelid)."""
        return cls.read(data, TALKING_PHOTO_SHAPE, expected_id=expected_id)

    @classmethod
    def read(cls, data: Any, shape: Shape, *, expected_id: str | None = None) -> JobInfo:
        """A job from its object in AKOOL's answer, by the product's shape."""
        if not isinstance(data, dict):
            raise UnavailableError("AKOOL's answer has no job data (data is not an object)")
        item = at(data, shape.nested) if shape.nested else data
        if not isinstance(item, dict):
            where = ".".join(("data", *shape.nested))
            raise UnavailableError(f"AKOOL's answer has no job data ({where} is not an object)")
        job_id = server_job_id(item.get("_id"), expected_id, "answer")
        status = _status(at(item, shape.status), shape.values)
        files = {role: _url(at(item, path)) for role, path in shape.files}
        return cls(
            id=job_id,
            video_status=status,
            video_url=_url(at(item, shape.result)),
            create_time_ms=_in_range(item.get("create_time"), MAX_TIME_MS),
            error_reason=_reason(item, shape) if status == states.Status.FAILED else "",
            progress=_percent(item.get("progress")),
            raw=data,
            files={role: url for role, url in files.items() if url},
            cost={name: n for name in shape.cost if (n := _number(item.get(name))) is not None},
            outputs={
                name: text for name, path in shape.outputs if (text := _output(at(item, path)))
            },
            status_field=".".join(shape.status),
            raw_status=at(item, shape.status),
        )


def at(data: Any, path: Path) -> Any:
    """The value at a path of keys inside nested objects, or None."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _status(value: Any, values: tuple[tuple[Any, int], ...]) -> int:
    for raw, status in values:
        if value == raw and type(value) is type(raw):
            return status
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)  # tolerate "3": the docs say integer, proxies disagree
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value


def _output(value: Any) -> str:
    """A named output as text: strings and numbers as they are, anything else not at all."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value)


def _url(value: Any) -> str:
    return value if isinstance(value, str) else ""


# A failed job's reason is shown on one line and kept in the history: AKOOL's text beyond this is
# cut (break17j J4: a 3 MB reason flooded a CI log and every `status --json`).
MAX_REASON_CHARS = 2000


def _reason(item: dict[str, Any], shape: Shape) -> str:
    for path in shape.error:
        value = at(item, path)
        if value and isinstance(value, (str, int, float)):
            text = str(value)
            if len(text) <= MAX_REASON_CHARS:
                return text
            return f"{text[:MAX_REASON_CHARS]}… ({len(text):,} characters in all)"
    code = at(item, shape.error_code)
    return f"error code {code}" if code else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


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
        return states.name(self.status)

    @classmethod
    def from_payload(cls, data: Any, *, expected_id: str | None = None) -> SpeechInfo:
        if not isinstance(data, dict):
            raise UnavailableError("AKOOL's speech answer has no data object")
        nested = data.get("result")
        result: dict[str, Any] = nested if isinstance(nested, dict) else data
        job_id = server_job_id(result.get("_id"), expected_id, "speech answer")
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
    number = _number(value)
    return number if number is not None and 0.0 <= number <= 100.0 else None

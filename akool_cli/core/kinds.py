"""Every kind of AKOOL job akool makes, described once, as data: its endpoints, its request, its answers.

Creation, the history, following, `status`, `watch`, `batch`, the webhook receiver, `doctor` and
the sandbox all take a job kind from here: how its state is read (one id per call, or many ids
joined in one), where the answer keeps the state, the result and the other files, the errors and
the cost, and what the result is (media type, suffix). A new AKOOL product is one description
here, one command, one library method and one sandbox handler (docs/architecture.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from akool_cli.core import contract
from akool_cli.core.contract import Endpoint
from akool_cli.core.errors import UnavailableError, UsageError
from akool_cli.core.mediatypes import ResultKind
from akool_cli.core.models import TALKING_PHOTO_SHAPE, JobInfo, Path, Shape, at
from akool_cli.core.states import FINAL, Status

__all__ = ["FINAL", "KINDS", "JobKind", "Request", "Status", "StatusCall", "get"]

Media = ResultKind


class Request(Protocol):
    """What a kind's create takes: the JSON body to send and the inputs to record."""

    def body(self) -> dict[str, Any]: ...

    def inputs(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class StatusCall:
    """How a kind's state is read.

    `many`: the endpoint takes several ids joined by commas in one value (`_ids=a,b`), and
    answers a list of jobs at `items`, matched by `_id`; following N such jobs costs one request
    per interval. Otherwise one call per id, in the query, the path or the body as the endpoint
    says.
    """

    endpoint: Endpoint
    id_param: str
    many: bool = False
    items: Path = ()
    max_ids: int = 100  # the docs state no limit; a long URL or body is split past this

    @property
    def family(self) -> str:
        """Jobs whose states one call can read together (image and text to video share one)."""
        return self.endpoint.key

    def where(self, ids: list[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        """(query, path parameters, JSON body) that ask the endpoint about `ids`."""
        value = ",".join(ids)
        if "{" + self.id_param + "}" in self.endpoint.path:
            return {}, {self.id_param: value}, {}
        if self.endpoint.method == "POST":
            return {}, {}, {self.id_param: value}
        return {self.id_param: value}, {}, {}


@dataclass(frozen=True)
class IdsCall:
    """An endpoint that takes job ids to act on them (delete results, cancel a task).

    `source` is which of a job's ids it takes: its `_id`, or an output kept from the create
    answer (reage's `job_id`). `joined`: the ids go as one comma-separated string (`"a,b"`),
    else as a JSON array (voice/del).
    """

    endpoint: Endpoint
    id_param: str
    source: str = "_id"
    joined: bool = True

    def body(self, ids: list[str]) -> dict[str, Any]:
        return {self.id_param: ",".join(ids) if self.joined else list(ids)}


@dataclass(frozen=True)
class ResultFile:
    """A file a finished job offers besides its main result, saved as `<id>.<role><suffix>`."""

    role: str
    path: Path
    suffix: str
    media: Media


@dataclass(frozen=True)
class JobKind:
    name: str  # the history's `kind` column and the sandbox's handler key
    noun: str  # for messages: "talking photo", "speech"
    create: Endpoint
    status: StatusCall
    shape: Shape = TALKING_PHOTO_SHAPE  # where the status answer keeps the job's fields
    created: Path = ()  # where the create answer keeps the new job (a list: its first item)
    created_shape: Shape | None = None  # the create answer's, when it differs (character swap)
    result: Media = "video"  # what the finished job's URL points at
    suffix: str = ".mp4"  # file suffix of a download
    files: tuple[ResultFile, ...] = ()
    command: str = ""  # the CLI command, and the value of a batch file's `kind` column
    webhook_type: str | None = None  # the `type` of AKOOL's callbacks for it, where documented
    webhook_field: str = "webhookUrl"
    failure_hint: str = "check the inputs, then create the job again"
    codes: Mapping[int, str] = field(default_factory=dict)  # this product's business codes
    # What a finished job makes: a file to download, an asset kept on AKOOL (a voice id, an
    # avatar id: Shape.outputs) or a text (a moderation's verdict), shown and never downloaded.
    makes: Literal["file", "asset", "text"] = "file"
    delete: IdsCall | None = None  # the documented endpoint that deletes its results
    cancel: IdsCall | None = None  # the documented endpoint that cancels it while it runs
    # Fields of its job object (as its page documents it) that no other kind read by the same
    # status endpoint has: they tell which product an id belongs to (see answered_kind).
    marks: tuple[str, ...] = ()
    # The inputs its answers report (its page's create and status answers), by answer field →
    # the history's input name: `echoes` as they were sent, `copies` as AKOOL's own copy or
    # version of them (another URL for the same image, AKOOL's own voice id). The first status
    # read and `akool settle --created` compare them (core/answers.py); a copy only with the
    # create's answer, never with what was sent.
    echoes: Mapping[str, str] = field(default_factory=dict)
    copies: Mapping[str, str] = field(default_factory=dict)

    # -- compatibility: one endpoint, one id ------------------------------------------------

    @property
    def detail(self) -> Endpoint:
        return self.status.endpoint

    @property
    def id_param(self) -> str:
        return self.status.id_param

    def detail_params(self, job_id: str) -> tuple[dict[str, str], dict[str, str]]:
        """(query, path parameters) that ask the status endpoint about `job_id` (a GET)."""
        query, path, _ = self.status.where([job_id])
        return query, path

    # -- reading answers --------------------------------------------------------------------

    def parse(self, data: Any, expected_id: str | None) -> JobInfo:
        """One job from a status answer's `data` (a many-ids answer: the item for the id)."""
        if self.status.many:
            return self.pick(data, [expected_id or ""])[expected_id or ""]
        return JobInfo.read(data, self.shape, expected_id=expected_id)

    def pick(self, data: Any, ids: list[str]) -> dict[str, JobInfo]:
        """The jobs a many-ids answer reports, for the ids asked about (others are ignored)."""
        items = at(data, self.status.items)
        if not isinstance(items, list):
            where = ".".join(("data", *self.status.items))
            raise UnavailableError(f"AKOOL's answer has no list of jobs ({where})")
        wanted = set(ids)
        found: dict[str, JobInfo] = {}
        for item in items:
            if isinstance(item, dict) and item.get("_id") in wanted:
                found[item["_id"]] = JobInfo.read(item, self.shape)
        return found

    def parse_created(self, data: Any) -> JobInfo:
        """The new job in a create answer; of a list of them (text to video's successList, a
        batch create's: `count` up to 10), the first, with the others it names, each billed
        (JobInfo.others: recorded with it, never dropped)."""
        item = at(data, self.created)
        shape = self.created_shape or self.shape
        if not isinstance(item, list):
            return JobInfo.read(item, shape)
        if not item:
            errors = at(data, ("errorList",))
            raise UnavailableError(f"AKOOL created no job (errorList: {errors!r:.200})")
        jobs = {job.id: job for job in (JobInfo.read(one, shape) for one in item)}
        first, *others = jobs.values()
        return replace(first, others=tuple(others))

    def job_object(self, data: Mapping[str, Any]) -> Mapping[str, Any]:
        """The job's own object in an answer's `data`: a speech's status keeps it in `result`;
        a create's answer (and any answer without that object) is read as it is."""
        item = at(data, self.shape.nested) if self.shape.nested else data
        return item if isinstance(item, Mapping) else data

    def shows(self, data: Mapping[str, Any], fields: tuple[str, ...]) -> str | None:
        """The first of these fields the job's object in `data` has, or None."""
        item = self.job_object(data)
        return next((name for name in fields if name in item), None)

    def explain(self, code: int) -> str | None:
        """What this product's page says a business code means, if it says."""
        return self.codes.get(code)

    @property
    def a_noun(self) -> str:
        """The noun with its article: 'a face swap', 'an image'."""
        return ("an " if self.noun[:1].lower() in "aeiou" else "a ") + self.noun

    def role_suffix(self, role: str) -> str:
        return next((f.suffix for f in self.files if f.role == role), self.suffix)


def with_files(shape: Shape, files: tuple[ResultFile, ...]) -> Shape:
    """The shape that also reads these result files."""
    return replace(shape, files=tuple((f.role, f.path) for f in files))


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


def answered_kind(kind: JobKind, answer: Mapping[str, Any]) -> JobKind | None:
    """Another kind that a status answer read with `kind`'s status call shows the job to be:
    the answer has that kind's marks and none of `kind`'s. None when it may be `kind`'s (an
    answer with no kind's marks says nothing)."""
    if kind.shows(answer, kind.marks):
        return None
    return next(
        (
            other
            for other in KINDS.values()
            if other is not kind
            and other.status.family == kind.status.family
            and other.shows(answer, other.marks)
        ),
        None,
    )


def untold(kind: JobKind, answer: Mapping[str, Any]) -> bool:
    """Whether a status answer read with `kind`'s status call cannot tell its job from another
    kind's read by the same call: it has none of `kind`'s marks (a talking avatar's answer and
    a lip sync's, both read by infobymodelid, share every field AKOOL documents)."""
    shared = any(
        other is not kind and other.status.family == kind.status.family for other in KINDS.values()
    )
    return shared and bool(kind.marks) and not kind.shows(answer, kind.marks)


def by_command(name: str) -> JobKind | None:
    """The kind a batch file's `kind` column names: its command (lipsync) or its name."""
    wanted = name.strip().lower()
    # A command first: `avatar` is the talking avatar command, `avatars add` the upload's.
    by_command = next((k for k in KINDS.values() if k.command and wanted == k.command), None)
    return by_command or KINDS.get(wanted)


@dataclass(frozen=True)
class PathUse:
    """What akool makes of a documented path: it creates jobs of these kinds, is the first
    stage of them (followed, not recorded), or reads their states; none: akool only calls it."""

    use: Literal["creates", "first stage", "reads"]
    kinds: tuple[str, ...]

    def __str__(self) -> str:
        names = ", ".join(self.kinds)
        if self.use == "first stage":
            return f"the first stage of {names} jobs"
        return f"{self.use} {names} jobs" if self.use == "creates" else f"reads {names}"

    def to_json(self) -> dict[str, Any]:
        return {"use": self.use, "kinds": list(self.kinds)}


def path_use(path: str) -> PathUse | None:
    """How akool uses a documented path as a job kind (the catalogue's `akool api --list`)."""
    every = list(KINDS.values())
    made = [k.name for k in every if k.create.path == path]
    made += [v.kind for v in VARIANTS if v.path == path]
    if made:
        return PathUse("creates", tuple(made))
    first = [owner for owner, k in FIRST_STAGES.items() if path in (k.create.path, k.detail.path)]
    if first:
        return PathUse("first stage", tuple(first))
    read = [k.name for k in every if k.status.endpoint.path == path]
    return PathUse("reads", tuple(read)) if read else None


def for_webhook_type(type_: str) -> JobKind | None:
    """A kind whose callbacks carry this `type` (webhook.mdx's values), when every kind that
    does saves its result alike (same media, same suffix): enough to save a callback's result
    for a job the history does not know. None when the type names no kind, or kinds that differ."""
    found = [k for k in KINDS.values() if k.webhook_type == type_]
    if not found or len({(k.result, k.suffix) for k in found}) > 1:
        return None
    return found[0]


# -- the kinds --------------------------------------------------------------------------------

# AKOOL's advice for inputs that fail (talking-photo guide), said in our words.
TALKING_PHOTO_ADVICE = (
    "use a clear, front-facing, well-lit portrait and an MP3 voice recording "
    "(the video is as long as the audio), then create the job again"
)
VIDEO_STATUS = StatusCall(contract.VIDEO_INFO, "video_model_id")
V4_VIDEO_RESULTS = StatusCall(contract.IMAGE2VIDEO_RESULTS, "_ids", many=True, items=("result",))

TALKING_PHOTO = register(
    JobKind(
        name="talking_photo",
        noun="talking photo",
        create=contract.CREATE_TALKING_PHOTO,
        status=VIDEO_STATUS,
        command="talk",
        webhook_type="talking photo",
        failure_hint=TALKING_PHOTO_ADVICE,
        marks=("talking_photo",),  # its image, in its documented answers
        echoes={"prompt": "prompt", "resolution": "resolution"},
        # talking-photo.yaml's create answer: talking_photo is AKOOL's copy of talking_photo_url.
        copies={"talking_photo": "image_url"},
    )
)
SPEECH = register(
    JobKind(
        name="tts",
        noun="speech",
        create=contract.CREATE_TTS,
        status=StatusCall(contract.TTS_DETAIL, "_id"),
        shape=Shape(
            status=("status",),
            result=("preview",),
            nested=("result",),
            cost=("deduction_credit",),
        ),
        created_shape=Shape(status=("status",), result=("preview",), cost=("deduction_credit",)),
        result="audio",
        suffix=".mp3",
        failure_hint="check the text and the voice id (akool voices), then try again",
        # voiceLab.mdx: both answers report input_text; voice_id (create answer) is AKOOL's own
        # id for the voice, not the one sent. input_text tells it from a voice change, which
        # the same detail endpoint answers.
        marks=("input_text",),
        echoes={"input_text": "text"},
        copies={"voice_id": "voice"},
    )
)
# Lip sync's own codes (ai-tools-suite/lip-sync, "Response Code Description"), in our words.
LIPSYNC_CODES = {
    1202: "the same video cannot be lip-synced into the same language more than once",
    1203: "the video must have an audio track",
    1204: "the video is longer than 60 seconds",
    1205: "AKOOL could not create the video; try again later",
    1207: "the video is larger than 300 MB",
    1209: "the video's encoding is not supported; re-encode it as H.264 MP4",
    1210: "the video's frame rate is over the limit; AKOOL recommends 25 fps or less",
    1211: "AKOOL could not create the lip sync; try again later",
}
LIPSYNC = register(
    JobKind(
        name="lipsync",
        noun="lip sync",
        create=contract.CREATE_LIPSYNC,
        status=VIDEO_STATUS,
        shape=Shape(cost=("deduction_duration", "deduction_lock_duration", "video_lock_duration")),
        command="lipsync",
        webhook_type="lipsync",
        failure_hint="use a video of 60 s or less at 25 fps or less, with audio about as long "
        "as the video, then create the job again",
        codes=LIPSYNC_CODES,
        marks=("target_video", "input_audio"),  # lip-sync.mdx's job object
        echoes={"target_video": "video_url", "input_audio": "audio_url"},
    )
)
V4_VIDEO_SHAPE = Shape(
    status=("status",),
    result=("video_url",),
    cost=("deduction_credit", "video_duration"),
)
IMAGE2VIDEO = register(
    JobKind(
        name="image2video",
        noun="image to video",
        create=contract.CREATE_IMAGE2VIDEO,
        status=V4_VIDEO_RESULTS,
        shape=V4_VIDEO_SHAPE,
        command="image2video",
        webhook_field="webhookurl",
        failure_hint="check the image URL and the prompt (and the effect code), then create the "
        "job again",
        marks=("image_url", "effect_code"),  # image2video.mdx's job object
        echoes={
            name: name for name in ("image_url", "prompt", "audio_url", "effect_code", "resolution")
        },
        delete=IdsCall(contract.IMAGE2VIDEO_DELETE, "_ids"),
    )
)
TEXT2VIDEO = register(
    JobKind(
        name="text2video",
        noun="text to video",
        create=contract.CREATE_TEXT2VIDEO,
        status=V4_VIDEO_RESULTS,  # "use the same result checking API as Image to Video"
        shape=V4_VIDEO_SHAPE,
        created=("successList",),
        command="text2video",
        webhook_field="webhookurl",
        failure_hint="check the prompt and the model's resolution and length, then try again",
        marks=("batch_id", "batch_count"),  # text2video.mdx's job object
        echoes={name: name for name in ("prompt", "model_name", "resolution")},
    )
)

# Video translation's codes (ai-tools-suite/video-translation, "Response Code Description").
TRANSLATION_CODES = {
    1201: "AKOOL could not create the audio; try again later",
    1202: "the same video cannot be translated with lip sync into the same language twice",
    1203: "the video must have an audio track",
    1204: "the video is longer than 60 seconds",
    1205: "AKOOL could not create the video; try again later",
    1207: "the video is larger than 300 MB",
    1209: "the video's encoding is not supported; re-encode it as H.264 MP4",
    1210: "the video's frame rate is over 30 fps",
}
SUBTITLES = ("audio_splits",)
TRANSLATION_FILES = (
    ResultFile("original", (*SUBTITLES, "original_srt_url"), ".srt", "text"),
    ResultFile("translated", (*SUBTITLES, "translated_srt_url"), ".srt", "text"),
    ResultFile("no_captions", (*SUBTITLES, "no_caption_video_url"), ".mp4", "video"),
)
TRANSLATION = register(
    JobKind(
        name="video_translation",
        noun="video translation",
        create=contract.CREATE_TRANSLATION,
        status=VIDEO_STATUS,
        shape=with_files(
            Shape(cost=("deduction_duration", "deduction_lock_duration")), TRANSLATION_FILES
        ),
        files=TRANSLATION_FILES,
        command="translate",
        webhook_type="video translate",
        failure_hint="use an H.264 MP4 with audio, 60 s or less, 300 MB or less and 30 fps or "
        "less, then create the job again",
        codes=TRANSLATION_CODES,
        marks=SUBTITLES,  # its other files' object
    )
)


# Talking avatar's codes (the page's "Response Code Description"), in our words.
TALKING_AVATAR = register(
    JobKind(
        name="talking_avatar",
        noun="talking avatar",
        create=contract.CREATE_TALKING_AVATAR,
        status=VIDEO_STATUS,
        shape=Shape(cost=("deduction_duration",)),
        command="avatar",
        webhook_type="avatar",  # webhook.mdx's types: "... background change or avatar or lipsync"
        failure_hint="check the avatar (akool avatars list), the background and the speech (an "
        "audio URL, or text with a voice id), then create the job again",
        codes={
            1109: "AKOOL could not create the avatar video; try again later",
            1201: "AKOOL could not create the audio; try again later",
        },
    )
)

# Character swap is read through infobymodelid; its create answer says `status` where the
# status answer says `video_status`, and `video_url` there is the input video, not the result.
CHARACTER_SWAP = register(
    JobKind(
        name="character_swap",
        noun="character swap",
        create=contract.CREATE_CHARACTER_SWAP,
        status=VIDEO_STATUS,
        shape=Shape(
            error=(("faceswap_fail_reason",), ("error_reason",)),
            cost=("deduction_credit", "video_duration"),
        ),
        created_shape=Shape(status=("status",), cost=("deduction_credit", "video_duration")),
        command="charswap",
        webhook_field="webhookurl",
        failure_hint="use a clear PNG or JPEG of the character and an MP4 of 120 s or less, "
        "then create the job again (character swap needs a Pro plan or higher)",
        marks=("image_url",),  # character-swap/get-result.mdx's job object
        echoes={
            "image_url": "image",
            "video_url": "video",
            "prompt": "prompt",
            "resolution": "resolution",
        },
    )
)

# Head swap's first stage, followed on the way to the task and never recorded as a job of its own.
HEADSWAP_ANALYSIS = JobKind(
    name="head_swap_analysis",
    noun="head swap analysis",
    create=contract.HEADSWAP_ANALYZE,
    status=StatusCall(contract.HEADSWAP_ANALYSIS, "_id"),
    shape=Shape(status=("status",), result=()),
    failure_hint="use a video of about 3 to 20 seconds in which each person's head is visible",
)
HEAD_SWAP = register(
    JobKind(
        name="head_swap",
        noun="head swap",
        create=contract.CREATE_HEADSWAP,
        status=StatusCall(contract.HEADSWAP_TASK, "_id"),
        shape=Shape(
            status=("status",),
            result=("video_url",),
            cost=("deduction_duration", "deduction_lock_duration", "video_duration"),
        ),
        command="headswap",
        failure_hint="use a video of about 3 to 20 seconds and one clear face image per person, "
        "then try again",
        # head-swap/get-result.mdx: source_video_url is its input (video_url, the result).
        echoes={"source_video_url": "video_url", "resolution": "resolution"},
        codes={1104: "the account has not enough credit for this head swap"},
    )
)

# Kinds made after a first stage of their own (followed on the way, not recorded as a job).
FIRST_STAGES: dict[str, JobKind] = {HEAD_SWAP.name: HEADSWAP_ANALYSIS}


# -- requests -----------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class FieldsRequest:
    """A request given as its documented fields (products.py builds and checks them)."""

    fields: Mapping[str, Any]
    webhook_field: str = "webhookUrl"

    def body(self) -> dict[str, Any]:
        return dict(self.fields)

    def inputs(self) -> dict[str, Any]:
        return {k: v for k, v in self.fields.items() if k != self.webhook_field}


# A video by its URL's suffix (no bytes to read): what makes Face Swap Plus a video's swap.
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".avi", ".webm", ".mkv")


@dataclass(frozen=True)
class Variant:
    """Another documented path that creates jobs of a kind, whose status reads them as the
    kind's own: AKOOL's batch create (`count` jobs, listed at `created`), a legacy create, a
    create made from an earlier job. `akool api POST` to it is created as every create is
    (claimed before it is sent, each job recorded: break17f F23); the jobs are the kind's."""

    path: str
    kind: str
    created: Path = ()
    endpoint: Endpoint | None = None  # its fields, where akool (the sandbox) checks them

    def as_kind(self) -> JobKind:
        """The kind, created at this path, its answer read where this path keeps its jobs."""
        base = KINDS[self.kind]
        endpoint = self.endpoint or Endpoint(
            key=f"{base.create.key}_at_{self.path.rsplit('/', 1)[-1]}",
            method="POST",
            path=self.path,
            summary=f"another create of {base.noun} jobs",
            billable=True,
        )
        return replace(base, create=endpoint, created=self.created)


# Every documented create of jobs akool follows that is not a kind's own (the catalogue's
# POSTs: tests/test_one_identity.py checks that none is left out), as data.
VARIANTS: tuple[Variant, ...] = (
    # image2video.mdx "Create Batch Image to Video": count 1-10, data.successList[]
    Variant(
        contract.CREATE_IMAGE2VIDEO_BATCH.path,
        "image2video",
        ("successList",),
        contract.CREATE_IMAGE2VIDEO_BATCH,
    ),
    # image2video.mdx "Update Video Audio": a new image-to-video job (its own _id, billed)
    Variant("/api/open/v4/image2Video/updateVideoAudio", "image2video"),
    # faceswap/image-faceswap.mdx: the v3 image face swap, read by result/listbyids
    Variant("/api/open/v3/faceswap/highquality/specifyimage", "faceswap"),
    # avatar.mdx "Create Avatar Video": data {_id, video_status, video}, read by infobymodelid
    Variant("/api/open/v3/avatar/createVideo", "talking_avatar"),
)


# The documented POSTs that make no job akool follows, each with why (as data). Every POST of
# the catalogue is a kind's create, a Variant, a first stage, a status read or one of these
# (tests/test_one_identity.py); these are sent as they are and recorded nowhere.
MAKES_NO_JOB: dict[str, str] = {
    "/api/open/v3/getToken": "exchanges clientId and clientSecret for a token",
    "/detect": "finds faces (legacy face detection, not billed)",
    "/interface/detect-api/detect_faces": "finds faces (not billed)",
    "/interface/detect-api/faceswap/analyze_frames": "finds faces in a video (not billed)",
    "/api/open/v3/faceswap/job/del": "cancels face swap jobs",
    "/api/open/v3/faceswap/result/delbyids": "deletes face swap results",
    "/api/open/v4/image2Video/delbyids": "deletes image and text to video results",
    "/api/open/v4/voice/del": "deletes voices",
    "/api/open/v4/knowledge/create": "makes a knowledge base for live avatars (no job, no price)",
    "/api/open/v4/knowledge/update": "changes a knowledge base",
    "/api/open/v3/faceswap/live/update": "changes a live face swap session",
    "/api/open/v3/faceswap/live/close": "ends a live face swap session",
    "/api/open/v4/liveAvatar/session/close": "ends a live avatar session",
    "/api/open/v3/content/image/bg/replace": "retired: every page about it says it is gone",
}
# Of those, the ones AKOOL bills that no job of akool's stands for (a live session is billed
# while it runs; the legacy v3 audio jobs are read by audio/infobymodelid, which no kind reads):
# `akool api` says before sending one that nothing of it is recorded.
BILLED_NO_JOB: dict[str, str] = {
    "/api/open/v3/faceswap/live/create": "a live face swap session (billed while it runs)",
    "/api/open/v4/liveAvatar/session/create": "a live avatar session (billed while it runs)",
    "/api/open/v3/audio/create": "a legacy text to speech (v3 audio, read by infobymodelid)",
    "/api/open/v3/audio/clone": "a legacy voice clone (v3 audio, read by infobymodelid)",
}
MAKES_NO_JOB.update(BILLED_NO_JOB)


def created_by(path: str, body: Mapping[str, Any]) -> JobKind | None:
    """The kind a POST of `body` to `path` creates (`akool api`, the sandbox), or None for a
    path that creates no job: the kind whose create it is (a Variant's: created there); Face
    Swap Plus (one path for both) makes a video when its target is one."""
    spelled = _as_routed(path)
    made = [k for k in KINDS.values() if k.create.path == spelled]
    if not made:
        variant = next((v for v in VARIANTS if v.path == spelled), None)
        return variant.as_kind() if variant is not None else None
    if len(made) < 2:
        return made[0]
    target = str(body.get("target_url", "")).lower().split("?")[0]
    video = target.endswith(VIDEO_SUFFIXES)
    return next((k for k in made if (k.result == "video") == video), made[0])


def _as_routed(path: str) -> str:
    """A path as a server routes it: without its query, `//` merged, `.` and `..` resolved, no
    trailing slash (break17f F21: `…/createbytalkingphoto/` was sent unclaimed)."""
    from akool_cli.core.urls import remove_dot_segments

    bare = re.sub("/{2,}", "/", path.split("?", 1)[0].split("#", 1)[0])
    return remove_dot_segments(bare).rstrip("/") or "/"


def _talk_inputs(body: Mapping[str, Any]) -> dict[str, Any]:
    """A talking photo's body as TalkRequest records it."""
    names = {"talking_photo_url": "image_url", "webhookUrl": "webhook_url"}
    return {names.get(k, k): v for k, v in body.items() if v}


def _speech_inputs(body: Mapping[str, Any]) -> dict[str, Any]:
    """A speech's body as SpeechRequest records it (its voice options among the inputs)."""
    names = {"input_text": "text", "voice_id": "voice"}
    values = {names.get(k, k): v for k, v in body.items() if k != "voice_options"}
    options = body.get("voice_options")
    values.update(options if isinstance(options, Mapping) else {})
    return {k: v for k, v in values.items() if k != "language_code" or v}


# How a kind's own request records the inputs of a body, where not as its fields without the
# webhook (FieldsRequest's): the inverse of its body().
RECORDED_INPUTS = {TALKING_PHOTO.name: _talk_inputs, SPEECH.name: _speech_inputs}


@dataclass(frozen=True)
class RawRequest:
    """A create's body as a caller wrote it (`akool api POST`, Client.raw_call): sent as it
    is, and recorded with the inputs the kind's own request records for that body, so that an
    unknown outcome blocks the same request however it is sent again (a command, a batch row,
    an MCP call, the same api call: break17f F7)."""

    kind: JobKind
    fields: Mapping[str, Any]

    def body(self) -> dict[str, Any]:
        return dict(self.fields)

    def inputs(self) -> dict[str, Any]:
        """The inputs the kind's own request records for this body: a field left out that
        AKOOL documents a default for is that default, as the product command sends it (one
        request, one job on AKOOL's side, however it was written)."""
        fields = {**DOCUMENTED_DEFAULTS.get(self.kind.create.path, {}), **self.fields}
        recorded = RECORDED_INPUTS.get(self.kind.name)
        if recorded is not None:
            return recorded(fields)
        return {k: v for k, v in fields.items() if k != self.kind.webhook_field}


# The defaults AKOOL's pages state for optional create fields ("default: 1"), by create path, as
# data: a body without one is the body with it (products.py fills them the same way).
DOCUMENTED_DEFAULTS: dict[str, dict[str, Any]] = {
    contract.CREATE_TEXT2VIDEO.path: {"count": 1},  # text2video.mdx
    contract.CREATE_IMAGE2VIDEO_BATCH.path: {"count": 1},  # image2video.mdx
    contract.CREATE_CHARACTER_SWAP.path: {"resolution": "720p", "mode": "animate"},  # create.mdx
    contract.CREATE_TRANSLATION.path: {"source_language": "DEFAULT"},  # video-translation.yaml
}

# The defaults AKOOL documents for optional create fields that akool's commands leave out when
# not given, by kind, in the names the kind's requests record (RECORDED_INPUTS; a speech's voice
# options among them): a create that restates one (an MCP call filling in its schema's defaults,
# `--speed 1.0`, `"lipsync": false` in an api body) is the create that leaves it out, one request
# identity (break17i I17; requests.identity_digest drops them). Those the commands always send
# are filled in instead (DOCUMENTED_DEFAULTS, products.py). A talking photo's resolution has no
# documented default ("720" and none may differ), so it is not here.
LEFT_OUT_DEFAULTS: dict[str, dict[str, Any]] = {
    "image": {"scale": "1:1"},  # image-generate.mdx: default "1:1"
    "video_translation": {  # openapi/video-translation.yaml
        "lipsync": False,
        "speaker_num": 0,
        "remove_bgm": False,
        "caption_type": 0,
        "dynamic_duration": False,
    },
    "faceswap": {  # faceswap/image-faceswap-v4.mdx, openapi/faceswap.yaml
        "model_name": "akool_faceswap_image_hq",
        "face_enhance": False,
        "single_face_mode": False,
    },
    "faceswap_plus": {"face_enhance": False, "model_style": "realistic", "single_face_mode": False},
    "faceswap_plus_video": {  # faceswap/faceswap-plus.mdx
        "face_enhance": False,
        "model_style": "realistic",
        "single_face_mode": False,
    },
    "faceswap_video": {"face_enhance": 0},  # openapi/faceswap.yaml: 0 (close)
    "head_swap": {"keep_original_sound": True},  # head-swap/create.mdx: default `true`
    "tts": {"speed": 1},  # voiceLab.mdx: voice_options speed, "default value is 1"
}


def restates(value: Any, default: Any) -> bool:
    """Whether a given value is the documented default itself: "1:1" is "1:1", 1.0 is 1, false
    is false (and 0 for a 0/1 flag); a string never stands for a number or a flag."""
    if isinstance(default, str) or isinstance(value, str):
        return isinstance(value, str) and isinstance(default, str) and value == default
    return isinstance(value, (bool, int, float)) and value == default


def without_defaults(kind: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """A create's inputs without the values that restate a default AKOOL documents for them
    (LEFT_OUT_DEFAULTS): the request as its identity counts it."""
    defaults = LEFT_OUT_DEFAULTS.get(kind, {})
    return {
        name: value
        for name, value in inputs.items()
        if name not in defaults or not restates(value, defaults[name])
    }


# The image, face and voice products' kinds, described in their own module, register themselves.
from akool_cli.core import media_kinds  # noqa: E402, F401

"""The request half of each product's description: its documented fields as parameters, their
defaults and limits, and the rules between them; one `build` for commands, the library and batch.

A command, a library method and a batch row all hand `build` the documented field names and
values (text from a CSV, or typed values); it fills documented defaults, converts and checks
every value (enums, ranges, lengths, the rules between fields) and returns the request to send,
so nothing that the docs forbid is ever billed. No I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from akool_cli.core import contract, kinds
from akool_cli.core.errors import UsageError
from akool_cli.core.faces import Completed
from akool_cli.core.kinds import FieldsRequest, JobKind
from akool_cli.core.mediatypes import Role, named_kind
from akool_cli.core.wording import DIGITS_0_9, plain

ParamType = Literal["string", "integer", "boolean", "number", "object", "array"]
# A URL or file name ending so names a video, never an image (face swap's image TARGET).
VIDEO_SUFFIXES = (".mp4", ".mov", ".avi", ".webm", ".mkv")
TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Param:
    """One documented request field, as akool takes it."""

    name: str  # the field AKOOL documents; also the batch file's column
    type: ParamType = "string"
    default: Any = None  # sent when not given (the docs' default, or akool's, said in help)
    media: Role | None = None  # an input file: a URL, or a local file with --upload-to
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


@dataclass(frozen=True)
class Limits:
    """What the docs say a product's input video may be, checked on local files before billing."""

    max_seconds: float | None = None
    min_seconds: float | None = None
    max_bytes: int | None = None
    warn_fps: float | None = None  # above this the result degrades (a warning, not a refusal)
    max_fps: float | None = None  # above this AKOOL refuses the video
    # The kinds of file (mediatypes' names) a role takes when the docs say fewer than AKOOL's
    # usual (character swap: a PNG or JPEG image, an MP4 video): a local file judged by its
    # bytes, a URL or file name by its suffix.
    accepts: Mapping[Role, tuple[str, ...]] = field(default_factory=dict, hash=False)

    def refuses(self, role: Role, kind: str | None) -> bool:
        """Whether a file of this kind is one the role does not take (an unknown kind is
        left to the other checks)."""
        wanted = self.accepts.get(role)
        return bool(wanted) and kind is not None and kind not in (wanted or ())

    def accepted(self, role: Role) -> str:
        """`a PNG or JPEG image`."""
        names = self.accepts.get(role) or ()
        listed = (
            " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
        )
        article = "an" if listed[:1] in "AEFHILMNORSX" else "a"  # an MP4, a PNG (as said)
        return f"{article} {listed} {role}"


@dataclass(frozen=True)
class Product:
    kind: JobKind
    params: tuple[Param, ...]
    example: str  # one command line, for the docs
    summary: str
    derive: Callable[[dict[str, Any]], None] | None = None  # fields that follow from others
    rules: Callable[[dict[str, Any]], list[str]] | None = None  # what the docs forbid together
    limits: Limits = Limits()
    # The request: the fields as AKOOL's body (the default), or one whose body is made just
    # before it is sent (face swap's, from face detection), which checks that body then.
    request: type[FieldsRequest] = FieldsRequest
    # Media fields whose kind the values decide (an avatar's URL: an image or a video).
    roles: Callable[[Mapping[str, Any]], dict[str, Role]] | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def media(self, values: Mapping[str, Any] | None = None) -> dict[str, Role]:
        """The fields that name input files, and what each must be (for these values, when
        the values decide it)."""
        found = {p.name: p.media for p in self.params if p.media is not None}
        if values is not None and self.roles is not None:
            found.update(self.roles(values))
        return found

    def build(self, values: Mapping[str, Any], *, webhook_url: str | None = None) -> FieldsRequest:
        """The request for these values, or one UsageError naming every problem."""
        problems = [
            f"{name} is not a field of {self.kind.noun}" for name in values if not self.param(name)
        ]
        fields: dict[str, Any] = {}
        for param in self.params:
            value = values.get(param.name)
            if value is None or value == "":
                value = param.default
            if value is None:
                continue
            try:
                fields[param.name] = _convert(param, value)
            except ValueError as exc:
                problems.append(str(exc))
        problems += self._video_for_image(fields) + self._named_kinds(fields)
        if self.derive is not None and not problems:
            self.derive(fields)
        if webhook_url:
            fields[self.kind.webhook_field] = webhook_url
        if not problems:
            problems += (self.rules or _none)(fields)
        if not problems and self.request is FieldsRequest:
            problems += contract.request_problems(self.kind.create, fields)
        if problems:
            raise UsageError(
                f"the {self.kind.noun} request is not valid: " + "; ".join(dict.fromkeys(problems)),
                hint=f"see: akool {self.kind.command} --help",
            )
        return self.request(fields, self.kind.webhook_field)

    def _video_for_image(self, fields: Mapping[str, Any]) -> list[str]:
        """An image field given what its name says is a video (clip.mp4): refused for every
        caller (command, library, batch row), with where a video goes when there is a place."""
        roles = self.media(fields)
        problems = []
        for name, value in fields.items():
            path = str(value).lower().split("?")[0].split("#")[0]
            if roles.get(name) == "image" and path.endswith(VIDEO_SUFFIXES):
                problems.append(f"{name} {str(value)[:80]!r} looks like a video, not an image")
        return problems

    def _named_kinds(self, fields: Mapping[str, Any]) -> list[str]:
        """A URL or file name whose suffix names a kind of file its field does not take
        (a character swap's .webp image or .mov video), for every caller."""
        problems = []
        for name, role in self.media(fields).items():
            value = str(fields.get(name) or "")
            kind = named_kind(value)
            if value and self.limits.refuses(role, kind):
                problems.append(
                    f"{name} {value[:80]!r} is {kind}; AKOOL's {self.kind.noun} takes "
                    f"{self.limits.accepted(role)}"
                )
        return problems


def _none(fields: dict[str, Any]) -> list[str]:
    return []


def _convert(param: Param, value: Any) -> Any:
    """A value given as text (a CSV cell, an option) or typed, as the field's JSON type."""
    name = param.name
    if param.type == "boolean":
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in TRUE:
            return True
        if str(value).strip().lower() in FALSE:
            return False
        raise ValueError(f"{name} must be true or false, not {value!r}")
    if param.type in ("integer", "number"):
        what = "an integer" if param.type == "integer" else "a number"
        if not plain(str(value)):  # int() and float() read '٣' as 3 (break17j J8)
            raise ValueError(f"{name} must be {what}, not {value!r}: {DIGITS_0_9}")
        try:
            number: float | int = (
                int(str(value).strip()) if param.type == "integer" else float(str(value).strip())
            )
        except ValueError:
            raise ValueError(f"{name} must be {what}, not {value!r}") from None
        if not math.isfinite(number):  # NaN passes every comparison; JSON carries neither
            raise ValueError(f"{name} must be a finite number, not {value!r}")
        low, high = param.minimum, param.maximum
        if low is not None and number < low:
            raise ValueError(f"{name} must be {low:g} or more, not {number:g}")
        if high is not None and number > high:
            raise ValueError(f"{name} must be {high:g} or less, not {number:g}")
        return number
    if param.type in ("object", "array"):
        if not isinstance(value, dict if param.type == "object" else list):
            raise ValueError(
                f"{name} must be {'an object' if param.type == 'object' else 'a list'}"
            )
        return value
    text = str(value)
    return text.strip() if param.media is not None else text


# -- the products -------------------------------------------------------------------------------

LIPSYNC = Product(
    kind=kinds.LIPSYNC,
    summary="a video's lips moved to new speech",
    example="akool lipsync https://example.com/clip.mp4 https://example.com/speech.mp3 -o out/",
    params=(
        Param("video_url", media="video", help="The video whose lips move (25 fps or less)."),
        Param("audio_url", media="audio", help="The speech, about as long as the video."),
    ),
    # lip-sync.mdx: codes 1204 (over 60 s), 1207 (over 300 MB), 1210 (over "60fp"); the
    # field's description: fps above 25 degrades the result.
    limits=Limits(max_seconds=60, max_bytes=300 * 1024 * 1024, warn_fps=25, max_fps=60),
)

IMAGE2VIDEO_AUDIO = {"ai": 1, "file": 2, "none": 3}  # audio_type: AI-generated, yours, none


def _image2video_audio(fields: dict[str, Any]) -> None:
    if "audio_type" not in fields:
        fields["audio_type"] = IMAGE2VIDEO_AUDIO["file" if fields.get("audio_url") else "ai"]


def _image2video_rules(fields: dict[str, Any]) -> list[str]:
    problems = []
    if fields.get("audio_type") == IMAGE2VIDEO_AUDIO["file"] and not fields.get("audio_url"):
        problems.append("audio_type 2 (your audio) needs audio_url")
    if fields.get("audio_url") and fields.get("audio_type") != IMAGE2VIDEO_AUDIO["file"]:
        problems.append("audio_url goes with audio_type 2 (your audio)")
    return problems


IMAGE2VIDEO = Product(
    kind=kinds.IMAGE2VIDEO,
    summary="an image animated by a prompt or an effect",
    example='akool image2video photo.jpg --prompt "slow zoom in" --upload-to s3://my-bucket/akool/ -o out/',
    params=(
        Param("image_url", media="image", help="The image to animate."),
        Param("prompt", help="How to animate it (ignored by AKOOL when an effect is given)."),
        Param("negative_prompt", default="", help="What to avoid."),
        Param("extend_prompt", type="boolean", help="Let AKOOL extend the prompt."),
        Param("resolution", default="720p", help="720p, 1080p or 4k."),
        Param("audio_url", media="audio", help="Your soundtrack (audio_type 2)."),
        Param(
            "audio_type", type="integer", help="1 AI-generated sound (default), 2 yours, 3 none."
        ),
        Param("video_length", type="integer", default=5, help="5 or 10 seconds (10: Pro plans)."),
        Param("is_premium_model", type="boolean", help="The premium model (Pro plans)."),
        Param("effect_code", help="An effect from: akool effects."),
    ),
    derive=_image2video_audio,
    rules=_image2video_rules,
)


def _one_video(fields: dict[str, Any]) -> None:
    # One job per create, so that each is one row of the history (the docs' default is 1).
    fields["count"] = 1


TEXT2VIDEO = Product(
    kind=kinds.TEXT2VIDEO,
    summary="a video from a prompt",
    example='akool text2video --prompt "a calm lake at sunset" -o out/',
    params=(
        Param("prompt", help="The video to make (5000 characters at most)."),
        Param("model_name", help="A model's value from AKOOL's model list (type 1502)."),
        Param("negative_prompt", help="What to avoid (1000 characters at most)."),
        Param("extend_prompt", type="boolean", help="Let AKOOL extend the prompt."),
        Param("resolution", help="One of the model's resolutions, e.g. 720p."),
        Param("video_length", type="integer", help="One of the model's lengths, in seconds."),
    ),
    derive=_one_video,
)


LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,12})*$")


def _language_list(fields: dict[str, Any]) -> None:
    # "es, fr" as typed → "es,fr" as the docs write several languages.
    codes = [c.strip() for c in str(fields.get("language") or "").split(",") if c.strip()]
    if codes:
        fields["language"] = ",".join(codes)
    else:
        fields.pop("language", None)  # none given: the required field is reported missing


def _translation_rules(fields: dict[str, Any]) -> list[str]:
    codes = [c for c in str(fields.get("language", "")).split(",") if c]
    problems = [
        f"language {code!r} is not a language code (see: akool languages)"
        for code in codes
        if not LANGUAGE_CODE.match(code)
    ]
    twice = [c for c in dict.fromkeys(codes) if codes.count(c) > 1]
    if twice:  # each target language is a translation AKOOL bills
        problems.append(f"language {', '.join(twice)} is given twice (each is billed once)")
    source = str(fields.get("source_language", ""))
    if source and source != "DEFAULT" and not LANGUAGE_CODE.match(source):
        problems.append(f"source_language {source!r} is not DEFAULT or a language code")
    same = [c for c in dict.fromkeys(codes) if c.lower() == source.lower()]
    if same:  # billed, and nothing to translate
        problems.append(f"language {same[0]} is the video's own (source_language {source})")
    problems += glossary_problems(fields.get("studio_voice"))
    return problems


GLOSSARY_KEYS = {
    "no_translate_words": "a list of words",
    "fixed_words": "an object of word: translation",
    "pronounced_words": "an object of word: pronunciation",
    "style": f"one of {', '.join(contract.STUDIO_VOICE_STYLES)}",
}


def glossary_problems(value: Any) -> list[str]:
    """What is wrong with a studio_voice object (a --glossary file), as the OpenAPI file says."""
    if value is None:
        return []
    if not isinstance(value, dict):
        return ["the glossary must be a JSON object"]
    problems = [
        f"the glossary has no key {k!r} (keys: {', '.join(GLOSSARY_KEYS)})"
        for k in value
        if k not in GLOSSARY_KEYS
    ]
    words = value.get("no_translate_words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        problems.append(f"no_translate_words must be {GLOSSARY_KEYS['no_translate_words']}")
    for key in ("fixed_words", "pronounced_words"):
        table = value.get(key, {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            problems.append(f"{key} must be {GLOSSARY_KEYS[key]}")
    if value.get("style", "professional") not in contract.STUDIO_VOICE_STYLES:
        problems.append(f"style must be {GLOSSARY_KEYS['style']}")
    return problems


TRANSLATION = Product(
    kind=kinds.TRANSLATION,
    summary="a video translated into other languages (subtitles too)",
    example="akool translate talk.mp4 --to es,fr --lipsync --upload-to s3://my-bucket/akool/ -o out/",
    params=(
        Param("url", media="video", help="The video to translate."),
        Param("language", help="Target language codes, comma-separated (akool languages)."),
        Param("source_language", default="DEFAULT", help="The video's language (DEFAULT: detect)."),
        Param("lipsync", type="boolean", help="Move the lips to the translated speech."),
        Param("speaker_num", type="integer", minimum=0, help="Speakers in the video (0: detect)."),
        Param("remove_bgm", type="boolean", help="Remove the background music."),
        Param(
            "caption_type",
            type="integer",
            help="0 none, 1 original, 2 target, 3 replace, 4 translated.",
        ),
        Param("caption_url", media="subtitle", help="Your SRT or ASS subtitles."),
        Param("studio_voice", type="object", help="Words kept, fixed or pronounced; a style."),
        Param("dynamic_duration", type="boolean", help="Let the video's length follow the speech."),
    ),
    derive=_language_list,
    rules=_translation_rules,
    # video-translation.mdx: 1204 over 60 s, 1207 over 300 MB, 1210 over 30 fps.
    limits=Limits(max_seconds=60, max_bytes=300 * 1024 * 1024, max_fps=30),
)


CHARACTER_SWAP = Product(
    kind=kinds.CHARACTER_SWAP,
    summary="a character put into a video, or animated with its motion",
    example="akool charswap hero.png dance.mp4 --mode replace --upload-to s3://my-bucket/akool/ -o out/",
    params=(
        Param("image", media="image", help="The character: a PNG or JPEG."),
        Param("video", media="video", help="The motion source: an MP4 of 120 s or less."),
        Param("duration", type="number", minimum=1, maximum=120, help="Seconds (default: all)."),
        Param("resolution", default="720p", help="480p, 720p or 1080p."),
        Param("mode", default="animate", help="animate (the image moves) or replace."),
        Param("prompt", help="Guidance for the animation (500 characters at most)."),
    ),
    # character-swap/create.mdx: "Maximum is 120 seconds"; "PNG or JPEG" for the image, MP4
    # "required" for the video.
    limits=Limits(max_seconds=120, accepts={"image": ("PNG", "JPEG"), "video": ("MP4",)}),
)


def _headswap_model(fields: dict[str, Any]) -> None:
    fields["model_name"] = contract.HEADSWAP_MODEL  # required; the one the page documents


def _headswap_rules(fields: dict[str, Any]) -> list[str]:
    mappings = fields.get("mappings") or []
    problems = []
    if not 1 <= len(mappings) <= contract.HEADSWAP_MAX_FACES:
        problems.append(f"give 1 to {contract.HEADSWAP_MAX_FACES} faces (one per person)")
    for n, mapping in enumerate(mappings, 1):
        if not isinstance(mapping, dict) or set(mapping) != {"obj_id", "img_url"}:
            problems.append(f"mapping {n} must be {{obj_id, img_url}}")
        elif not isinstance(mapping["obj_id"], int) or isinstance(mapping["obj_id"], bool):
            problems.append(f"mapping {n}'s obj_id must be a number from the analysis")
        elif not str(mapping["img_url"]).startswith(("http://", "https://")):
            problems.append(f"mapping {n}'s img_url must be an http(s) URL")
    return problems


HEAD_SWAP = Product(
    kind=kinds.HEAD_SWAP,
    summary="heads swapped in a video (an analysis of its people, then the swap)",
    example="akool headswap clip.mp4 --face anna.jpg --face ben.jpg --upload-to s3://my-bucket/akool/ -o out/",
    params=(
        Param("video_url", media="video", help="The video (about 3 to 20 seconds)."),
        Param("mappings", type="array", help="Each person's obj_id and reference face image."),
        Param("resolution", default="720p", help="480p or 720p."),
        Param("keep_original_sound", type="boolean", help="Keep the video's sound (default)."),
        Param("template_id", help="A template, if your account has them."),
    ),
    derive=_headswap_model,
    rules=_headswap_rules,
    # head-swap/submit-analysis.mdx: "within the documented duration window (about 3–20 seconds)".
    limits=Limits(min_seconds=3, max_seconds=20),
)


@dataclass(frozen=True)
class HeadSwapRequest(FieldsRequest):
    """A head swap before AKOOL's analysis of its video: the task's fields with `faces` (the
    reference faces, in the order they go to the people found) instead of `mappings`. What is
    sent is `analysed`'s body, made once the analysis has named the people."""

    def body(self) -> dict[str, Any]:
        """The task as planned (a dry run, an estimate): face n for the n-th person found."""
        fields = dict(self.fields)
        faces = fields.pop("faces", [])
        fields["mappings"] = [{"obj_id": n, "img_url": face} for n, face in enumerate(faces)]
        fields["model_name"] = contract.HEADSWAP_MODEL
        return fields

    def analysed(self, media: Any, analysis_id: str) -> Completed:
        """The task for the people AKOOL's analysis found (UsageError when the faces do not fit
        them); its inputs name the analysis."""
        values = {k: v for k, v in self.fields.items() if k not in ("faces", self.webhook_field)}
        values["mappings"] = mappings_for(media, list(self.fields.get("faces") or []))
        hook = self.fields.get(self.webhook_field)
        task = HEAD_SWAP.build(values, webhook_url=str(hook) if hook else None)
        return Completed(task.body(), {**self.inputs(), "analysis_id": analysis_id})


def headswap_request(
    values: Mapping[str, Any], faces: Sequence[str], *, webhook_url: str | None = None
) -> HeadSwapRequest:
    """A head swap's request before its analysis, every value checked (the faces' count too)."""
    placeholder = [{"obj_id": n, "img_url": "https://face.invalid/"} for n in range(len(faces))]
    built = HEAD_SWAP.build({**values, "mappings": placeholder}, webhook_url=webhook_url)
    kept = {k: v for k, v in built.fields.items() if k not in ("mappings", "model_name")}
    return HeadSwapRequest({**kept, "faces": list(faces)}, HEAD_SWAP.kind.webhook_field)


def mappings_for(media: Any, faces: Sequence[str]) -> list[dict[str, Any]]:
    """Each face onto the analysis's people in the order it lists them (obj_id), or the
    UsageError that says why the faces do not fit the video."""
    people = (
        [m for m in media if isinstance(m, dict) and isinstance(m.get("obj_id"), int)]
        if isinstance(media, list)
        else []
    )
    if not people:
        raise UsageError(
            "AKOOL's analysis found nobody in the video",
            hint="use a video in which each person's head is visible",
        )
    if len(faces) > len(people):
        raise UsageError(
            f"{len(faces)} faces for {len(people)} person(s) in the video",
            hint=f"give at most {len(people)} --face (the first one goes to obj_id 0)",
        )
    return [
        {"obj_id": person["obj_id"], "img_url": face}
        for person, face in zip(people, faces, strict=False)
    ]


def repeated_lipsync(fields: Mapping[str, Any], earlier: Sequence[Mapping[str, Any]]) -> str | None:
    """AKOOL's code 1202 said before billing: this video was already translated with lip sync
    into one of these languages (earlier: the inputs of earlier translations not failed)."""
    if not fields.get("lipsync"):
        return None
    wanted = set(str(fields.get("language", "")).split(","))
    for inputs in earlier:
        if inputs.get("url") == fields.get("url") and inputs.get("lipsync"):
            again = wanted & set(str(inputs.get("language", "")).split(","))
            if again:
                return (
                    f"this video was already translated with lip sync into {', '.join(sorted(again))}; "
                    "AKOOL refuses it a second time (code 1202)"
                )
    return None


def image2video_fields(
    image: str,
    prompt: str,
    *,
    negative_prompt: str | None = None,
    resolution: str | None = None,
    length: int | None = None,
    audio_url: str | None = None,
    audio: bool = True,
    effect: str | None = None,
    premium: bool | None = None,
    extend_prompt: bool | None = None,
) -> dict[str, Any]:
    """Image to video's fields from the names its command and library method use."""
    return given(
        image_url=image,
        prompt=prompt,
        negative_prompt=negative_prompt,
        resolution=resolution,
        video_length=length,
        audio_url=audio_url,
        audio_type=None if audio else IMAGE2VIDEO_AUDIO["none"],
        effect_code=effect,
        is_premium_model=premium,
        extend_prompt=extend_prompt,
    )


def text2video_fields(
    prompt: str,
    *,
    model: str | None = None,
    resolution: str | None = None,
    length: int | None = None,
    negative_prompt: str | None = None,
    extend_prompt: bool | None = None,
) -> dict[str, Any]:
    """Text to video's fields from the names its command and library method use."""
    return given(
        prompt=prompt,
        model_name=model,
        resolution=resolution,
        video_length=length,
        negative_prompt=negative_prompt,
        extend_prompt=extend_prompt,
    )


def translation_fields(
    video: str,
    to: str | list[str],
    *,
    source: str | None = None,
    lipsync: bool | None = None,
    captions: int | None = None,
    captions_url: str | None = None,
    glossary: Mapping[str, Any] | None = None,
    speakers: int | None = None,
    remove_bgm: bool | None = None,
    dynamic_duration: bool | None = None,
) -> dict[str, Any]:
    """Video translation's fields from the names its command and library method use."""
    from akool_cli.core.validate import check_texts

    return given(
        url=video,
        language=",".join(check_texts(to, "the languages")),
        source_language=source,
        lipsync=lipsync,
        caption_type=captions,
        caption_url=captions_url,
        studio_voice=dict(glossary) if glossary is not None else None,
        speaker_num=speakers,
        remove_bgm=remove_bgm,
        dynamic_duration=dynamic_duration,
    )


def charswap_fields(
    image: str,
    video: str,
    *,
    mode: str | None = None,
    resolution: str | None = None,
    duration: float | None = None,
    prompt: str | None = None,
) -> dict[str, Any]:
    """Character swap's fields from the names its command and library method use."""
    return given(
        image=image, video=video, mode=mode, resolution=resolution, duration=duration, prompt=prompt
    )


def read_glossary(text: str, where: str) -> dict[str, Any]:
    """A --glossary file's JSON (studio_voice), or a UsageError saying what is wrong."""
    from akool_cli.core import jsontext

    try:
        value = jsontext.loads(text)
    except ValueError as exc:
        raise UsageError(f"{where} is not JSON: {exc}", hint=GLOSSARY_HINT) from None
    problems = glossary_problems(value)
    if problems:
        raise UsageError(f"{where}: " + "; ".join(problems), hint=GLOSSARY_HINT)
    return dict(value)


GLOSSARY_HINT = (
    'e.g. {"no_translate_words": ["akool"], "fixed_words": {"hi": "hello"}, '
    '"pronounced_words": {"SQL": "sequel"}, "style": "friendly"}'
)


def given(**fields: Any) -> dict[str, Any]:
    """The fields that have a value (None: not given, the default applies)."""
    return {name: value for name, value in fields.items() if value is not None}


PRODUCTS: dict[str, Product] = {
    p.kind.name: p
    for p in (LIPSYNC, IMAGE2VIDEO, TEXT2VIDEO, TRANSLATION, CHARACTER_SWAP, HEAD_SWAP)
}


def for_kind(kind: JobKind) -> Product | None:
    return PRODUCTS.get(kind.name)


def batch_kinds() -> list[str]:
    """The values a batch file's `kind` column takes, talking photo's first: each product's
    command (`lipsync`, `avatars add`), or its kind's name when the command carries an option
    (`faceswap_plus` for `faceswap --plus`)."""
    named = [
        p.kind.command if p.kind.command and "--" not in p.kind.command else p.kind.name
        for p in PRODUCTS.values()
    ]
    return [kinds.TALKING_PHOTO.name, *named]


# The image, face and voice products and the talking avatar, described in their own modules,
# register themselves.
from akool_cli.core import media_products, talking_avatar  # noqa: E402, F401

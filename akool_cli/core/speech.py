"""AKOOL's documented VoiceLab rules as data (voice options, models, text limits) and their checks.

It imports only the standard library and akool's data modules (errors, models, job kinds), so the
client, the CLI and the sandbox read the same facts. `option_problem(s)` return messages (the sandbox answers 1003
with them); the `parse_*`/`check_*` functions raise UsageError for what users type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from akool_cli.core.errors import AkoolError, UnavailableError, UsageError
from akool_cli.core.kinds import SpeechRequest
from akool_cli.core.models import JobInfo, SpeechInfo, Voice
from akool_cli.core.wording import plain

OptionType = Literal["number", "integer", "boolean", "string"]

# The voice models AKOOL's VoiceLab page names; a voice's `voice_model_name` says which it uses.
MODEL_1 = "Akool Multilingual 1"
MODEL_2 = "Akool Multilingual 2"
MODEL_3 = "Akool Multilingual 3"
MODEL_4 = "Akool Multilingual 4"
MODELS = (MODEL_1, MODEL_2, MODEL_3, MODEL_4)


@dataclass(frozen=True)
class VoiceOption:
    """One documented key of the text-to-speech request's `voice_options` object."""

    key: str
    type: OptionType
    models: tuple[str, ...]  # the models that honour it; the others ignore it
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.choices:
            return f"{self.key} ({'|'.join(self.choices)})"
        if self.type == "boolean":
            return f"{self.key} (true|false)"
        return f"{self.key} ({self.low:g}-{self.high:g})"


VOICE_OPTIONS: dict[str, VoiceOption] = {
    o.key: o
    for o in (
        VoiceOption("speed", "number", (MODEL_1, MODEL_2, MODEL_3), 0.7, 1.2),
        VoiceOption("volume", "integer", (MODEL_2, MODEL_3), 0, 100),
        VoiceOption(
            "emotion",
            "string",
            (MODEL_2, MODEL_3),
            choices=("happy", "sad", "angry", "fearful", "disgusted", "surprised", "neutral"),
        ),
        VoiceOption("stability", "number", (MODEL_1,), 0, 1),
        VoiceOption("similarity_boost", "number", (MODEL_1,), 0, 1),
        VoiceOption("style", "number", (MODEL_1, MODEL_2), 0, 1),
        VoiceOption("speaker_boost", "boolean", (MODEL_1,)),
    )
}
# `emotion` works only for Chinese voices (Mandarin or Cantonese locales), per the VoiceLab page.
EMOTION_LOCALES = ("zh", "yue")
# `language_code` (an ISO 639-1 code) helps only these models, per the VoiceLab page.
LANGUAGE_CODE_MODELS = (MODEL_1, MODEL_3, MODEL_4)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")  # "zh", "pt"; the model tables also list "fil", "yue"

# input_text's documented per-request limit depends on the plan (characters).
TEXT_LIMITS: tuple[tuple[str, int], ...] = (("Pro", 5_000), ("Max", 10_000), ("Business", 50_000))
TEXT_LIMIT_ANY_PLAN = max(limit for _, limit in TEXT_LIMITS)
TEXT_LIMIT_EVERY_PLAN = min(limit for _, limit in TEXT_LIMITS)

# The voice list's filters with a closed documented set of values (the others are open tags).
VOICE_TAG_VALUES: dict[str, tuple[str, ...]] = {
    "--gender": ("Male", "Female"),
    "--age": ("Young", "Middle", "Elderly"),
}

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def valid_keys() -> str:
    return ", ".join(o.describe() for o in VOICE_OPTIONS.values())


def option_problem(key: str, value: Any) -> str | None:
    """What is wrong with one voice_options value as AKOOL documents it (types and ranges)."""
    option = VOICE_OPTIONS.get(key)
    if option is None:
        return f"voice_options.{key} is not a documented option (documented: {valid_keys()})"
    if option.type == "boolean":
        return None if isinstance(value, bool) else f"voice_options.{key} must be true or false"
    if option.type == "string":
        if value in option.choices:
            return None
        return f"voice_options.{key} must be one of {', '.join(option.choices)}"
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not numeric or not math.isfinite(value):
        return f"voice_options.{key} must be a number"
    if option.type == "integer" and value != int(value):
        return f"voice_options.{key} must be a whole number"
    assert option.low is not None and option.high is not None
    if not option.low <= value <= option.high:
        return f"voice_options.{key} must be between {option.low:g} and {option.high:g}"
    return None


def options_problems(options: Any) -> list[str]:
    """Problems with a whole voice_options object (the sandbox answers 1003 with them)."""
    if options is None:
        return []
    if not isinstance(options, dict):
        return ["voice_options must be an object"]
    return [p for key, value in options.items() if (p := option_problem(key, value))]


def ignored_by_model(model: str, options: dict[str, Any], language_code: str | None) -> list[str]:
    """The options a voice's model ignores (an unknown model name: none, rather than guess)."""
    if model not in MODELS:
        return []
    ignored = [k for k in options if k in VOICE_OPTIONS and model not in VOICE_OPTIONS[k].models]
    if language_code and model not in LANGUAGE_CODE_MODELS:
        ignored.append("language_code")
    return ignored


@dataclass(frozen=True)
class VoiceFilters:
    """The voice list's documented filters; each multi-valued one goes as a comma-separated list."""

    gender: tuple[str, ...] = ()
    style: tuple[str, ...] = ()
    age: tuple[str, ...] = ()
    scenario: tuple[str, ...] = ()
    name: str | None = None
    support_stream: bool | None = None

    def query(self) -> dict[str, str]:
        query = {
            key: ",".join(values)
            for key, values in (
                ("gender", self.gender),
                ("style", self.style),
                ("age", self.age),
                ("scenario", self.scenario),
            )
            if values
        }
        if self.name:
            query["name"] = self.name
        if self.support_stream is not None:
            query["support_stream"] = "1" if self.support_stream else "2"  # documented values
        return query


# -- what users type --------------------------------------------------------------------------


def _convert(option: VoiceOption, text: str) -> Any:
    word = text.strip().lower()
    if option.type == "boolean":
        if word in _TRUE | _FALSE:
            return word in _TRUE
        return text
    if option.type == "string" or not plain(word):  # '٣' is no number (break17j J8)
        return word if option.type == "string" else text
    try:
        number = float(word)
    except ValueError:
        return text
    return int(number) if option.type == "integer" and number.is_integer() else number


def parse_voice_options(pairs: list[str], *, speed: float | None = None) -> dict[str, Any]:
    """`--voice-option KEY=VALUE` (repeatable) and `--speed` as the voice_options object."""
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        option = VOICE_OPTIONS.get(key)
        if not sep or option is None:
            raise UsageError(
                f"--voice-option {pair!r} is not KEY=VALUE with a documented key",
                hint=f"valid keys: {valid_keys()}",
            )
        if key in options:
            raise UsageError(f"--voice-option {key} is given twice", hint="give each key once")
        value = _convert(option, text)
        problem = option_problem(key, value)
        if problem is not None:
            raise UsageError(
                f"--voice-option {pair!r}: {problem.removeprefix('voice_options.')}",
                hint=f"valid keys: {valid_keys()}",
            )
        options[key] = value
    if speed is not None:
        if "speed" in options:
            raise UsageError(
                "--speed and --voice-option speed=... both set the speed", hint="give one"
            )
        options["speed"] = check_speed(speed)
    return options


def check_speed(value: float | None) -> float | None:
    """--speed (and a batch row's speed column) within the documented range."""
    if value is not None and option_problem("speed", value) is not None:
        option = VOICE_OPTIONS["speed"]
        raise UsageError(
            f"--speed {value:g} is outside {option.low:g}–{option.high:g}",
            hint=f"AKOOL's VoiceLab accepts speeds from {option.low:g} (slower) "
            f"to {option.high:g} (faster)",
        )
    return value


def check_voice_tags(option: str, values: list[str]) -> tuple[str, ...]:
    """Repeated and comma-separated filter values; closed sets get AKOOL's spelling."""
    tags = [t.strip() for value in values for t in value.split(",") if t.strip()]
    known = VOICE_TAG_VALUES.get(option)
    if known is None:
        return tuple(dict.fromkeys(tags))
    spelled = {k.lower(): k for k in known}
    for tag in tags:
        if tag.lower() not in spelled:
            raise UsageError(
                f"{option} {tag!r} is not one of AKOOL's values",
                hint=f"use {' or '.join(known)} (several: {option} {','.join(known[:2])})",
            )
    return tuple(dict.fromkeys(spelled[t.lower()] for t in tags))


def check_language_code(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().lower()
    if not LANGUAGE_CODE.fullmatch(code):
        raise UsageError(
            f"--language-code {value!r} is not a language code",
            hint='use an ISO 639-1 code such as "en", "zh" or "pt"',
        )
    return code


def check_text_length(text: str) -> str | None:
    """Refuse text no plan accepts; return a warning when some plans refuse it, else None."""
    size = len(text)
    limits = ", ".join(f"{plan} {limit:,}" for plan, limit in TEXT_LIMITS)
    if size > TEXT_LIMIT_ANY_PLAN:
        raise UsageError(
            f"the text has {size:,} characters; AKOOL's text to speech takes at most "
            f"{TEXT_LIMIT_ANY_PLAN:,} per request (limits by plan: {limits})",
            hint="split the text into several videos",
        )
    if size > TEXT_LIMIT_EVERY_PLAN:
        fits = [plan for plan, limit in TEXT_LIMITS if size <= limit]
        return (
            f"the text has {size:,} characters; AKOOL accepts that only on the "
            f"{' or '.join(fits)} plan (limits by plan: {limits})"
        )
    return None


# -- one text-to-speech request, as `akool talk --text` builds it ------------------------------


def check_speech_inputs(
    audio: str | None, text: str | None, voice: str | None, speed: float | None
) -> str | None:
    """Exactly one of AUDIO and --text; --voice (and --speed) go with --text. Returns the text."""
    if text is not None and audio is not None:
        raise UsageError(
            "give either AUDIO_URL or --text, not both",
            hint="drop AUDIO_URL to make the speech from --text",
        )
    if text is None:
        if audio is None:
            raise UsageError(
                "missing AUDIO_URL (or --text with --voice)",
                hint="e.g. akool talk IMAGE_URL AUDIO_URL, or akool talk IMAGE_URL --text Hi --voice ID",
            )
        if voice is not None or speed is not None:
            raise UsageError("--voice and --speed go with --text", hint='add --text "..."')
        return None
    if not text.strip():
        raise UsageError("--text is empty", hint='e.g. --text "Hello from akool"')
    if voice is None or not voice.strip():
        raise UsageError("--text needs --voice VOICE_ID", hint="list voices with: akool voices")
    return text.strip()


def speech_request(
    text: str | None,
    voice: str | None,
    option_pairs: list[str],
    *,
    speed: float | None,
    language_code: str | None,
) -> tuple[SpeechRequest, list[str]] | None:
    """The checked speech request and its warnings (None without --text: no speech to make)."""
    if text is None or voice is None:
        if option_pairs or language_code is not None:
            raise UsageError(
                "--voice-option and --language-code go with --text", hint='add --text "..."'
            )
        return None
    warning = check_text_length(text)
    request = SpeechRequest(
        text=text,
        voice_id=voice.strip(),
        voice_options=parse_voice_options(option_pairs, speed=speed),
        language_code=check_language_code(language_code),
    )
    return request, [warning] if warning else []


def model_warnings(request: SpeechRequest, find_voice: Callable[[str], Voice | None]) -> list[str]:
    """Warnings for options the voice's model ignores; the voice is looked up only if needed."""
    if not request.voice_options and not request.language_code:
        return []
    try:
        voice = find_voice(request.voice_id)
    except AkoolError:
        return []  # only advice: the create itself reports a real problem
    if voice is None:
        return [f"voice {request.voice_id} is not in the voice list (see: akool voices)"]
    warnings = []
    options = dict(request.voice_options)
    ignored = ignored_by_model(voice.voice_model_name, options, request.language_code)
    if ignored:
        warnings.append(
            f"voice {request.voice_id} uses {voice.voice_model_name}, which ignores "
            f"{', '.join(ignored)} (AKOOL's VoiceLab docs list the models each option applies to)"
        )
    locale = voice.locale.lower()
    if "emotion" in request.voice_options and locale and not locale.startswith(EMOTION_LOCALES):
        warnings.append(
            f"emotion works only with Chinese voices; voice {request.voice_id} speaks "
            f"{voice.language or locale}"
        )
    return warnings


def ready_line(audio_url: str, latest: JobInfo | None) -> str:
    """What `talk` says when the speech is ready, with the credits AKOOL deducted if it said
    (`latest` is AKOOL's last answer about the speech job)."""
    line = f"Speech ready: {audio_url}"
    credit = None
    if latest is not None:
        try:
            credit = SpeechInfo.from_payload(latest.raw, expected_id=latest.id).deduction_credit
        except UnavailableError:
            credit = None
    if credit is not None:
        line += f" ({credit:g} credits deducted)"
    return line

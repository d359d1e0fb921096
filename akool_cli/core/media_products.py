"""The request half of AKOOL's image, face and voice products (see products.py): their fields as
parameters, the rules between them, one example each. products.py imports this module, which
registers each product.

Face swap and reage are given as akool's fields (`source_url`, `target_url`, the image or video to
change) and their AKOOL bodies are made from face detection just before sending (faces.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from akool_cli.core import faces, media_kinds
from akool_cli.core.mediatypes import Role
from akool_cli.core.products import PRODUCTS, Limits, Param, Product
from akool_cli.core.urls import parts_or_none

MB = 1024 * 1024
MODEL_STYLES = ("realistic", "beautify", "lossless")  # Face Swap Plus's model_style


def register(product: Product) -> Product:
    PRODUCTS[product.kind.name] = product
    return product


_SOURCE = Param("source_url", media="image", help="The new face: an image.")
_ENHANCE = Param("face_enhance", type="boolean", help="Enhance the swapped faces.")
_SINGLE = Param(
    "single_face_mode",
    type="boolean",
    help="Swap one face without face detection (the largest, as AKOOL picks it).",
)


def needs(*names: str, styled: bool = False) -> Callable[[dict[str, Any]], list[str]]:
    """The rules of a request made from akool's fields (checked against AKOOL's contract only
    once made): these fields are required, and model_style is one of Plus's styles."""

    def rules(fields: dict[str, Any]) -> list[str]:
        problems = [f"{name} is required" for name in names if fields.get(name) in (None, "")]
        style = fields.get("model_style")
        if styled and style is not None and style not in MODEL_STYLES:
            problems.append(f"model_style must be one of {', '.join(MODEL_STYLES)}, not {style!r}")
        return problems

    return rules


SWAP_RULES = needs("source_url", "target_url")
PLUS_RULES = needs("source_url", "target_url", styled=True)


FACESWAP = register(
    Product(
        kind=media_kinds.FACESWAP,
        summary="a face put onto the faces of an image (Face Swap Pro)",
        example="akool faceswap face.jpg group.jpg --upload-to s3://my-bucket/akool/ -o out/",
        params=(
            _SOURCE,
            Param("target_url", media="image", help="The image whose faces change."),
            _ENHANCE,
            _SINGLE,
        ),
        rules=SWAP_RULES,
        request=faces.ProSwap,
    )
)
_PLUS_PARAMS = (
    _SOURCE,
    Param("target_url", media="image", help="The image whose faces change."),
    _ENHANCE,
    Param("model_style", help="realistic (AKOOL's default), beautify or lossless."),
    _SINGLE,
)
FACESWAP_PLUS = register(
    Product(
        kind=media_kinds.FACESWAP_PLUS,
        summary="faces swapped in an image, each face mapped (Face Swap Plus)",
        example="akool faceswap https://example.com/face.jpg https://example.com/team.jpg --plus",
        params=_PLUS_PARAMS,
        rules=PLUS_RULES,
        request=faces.PlusSwap,
    )
)
FACESWAP_PLUS_VIDEO = register(
    Product(
        kind=media_kinds.FACESWAP_PLUS_VIDEO,
        summary="faces swapped in a video (Face Swap Plus)",
        example="akool faceswap face.jpg --video clip.mp4 --plus --upload-to s3://my-bucket/akool/",
        params=(
            _SOURCE,
            Param("target_url", media="video", help="The video whose faces change."),
            *_PLUS_PARAMS[2:],
        ),
        rules=PLUS_RULES,
        request=faces.PlusVideoSwap,
    )
)
FACESWAP_VIDEO = register(
    Product(
        kind=media_kinds.FACESWAP_VIDEO,
        summary="faces swapped in a video (v3 video face swap)",
        example="akool faceswap https://example.com/face.jpg --video https://example.com/clip.mp4",
        params=(
            _SOURCE,
            Param("target_url", media="video", help="The video whose faces change."),
            _ENHANCE,
        ),
        rules=SWAP_RULES,
        request=faces.VideoSwap,
    )
)
_AGE = Param(
    "face_reage",
    type="integer",
    minimum=-30,
    maximum=30,
    help="Years to add (up to 30) or, negative, to take away (down to -30).",
)
REAGE = register(
    Product(
        kind=media_kinds.REAGE,
        summary="the faces of an image made older or younger",
        example="akool reage portrait.jpg --age 20 --upload-to s3://my-bucket/akool/ -o out/",
        params=(Param("modifyImage", media="image", help="The image whose faces change."), _AGE),
        rules=needs("modifyImage", "face_reage"),
        request=faces.Reage,
    )
)
REAGE_VIDEO = register(
    Product(
        kind=media_kinds.REAGE_VIDEO,
        summary="the faces of a video made older or younger",
        example="akool reage --video https://example.com/clip.mp4 --age -10",
        params=(Param("modifyVideo", media="video", help="The video whose faces change."), _AGE),
        rules=needs("modifyVideo", "face_reage"),
        request=faces.ReageVideo,
    )
)


# -- image generation ---------------------------------------------------------------------------

BUTTONS = tuple(f"{kind}{n}" for kind in "UV" for n in range(1, 5))  # image-generate.mdx


def _button(fields: dict[str, Any]) -> list[str]:
    button = fields.get("button")
    if button is not None and button not in BUTTONS:
        return [f"button must be one of {', '.join(BUTTONS)} (U: upscale, V: variation)"]
    return []


IMAGE = register(
    Product(
        kind=media_kinds.IMAGE,
        summary="an image from a prompt, or from an image and a prompt",
        example='akool image --prompt "a lighthouse at dawn" --scale 16:9 -o out/',
        params=(
            Param("prompt", help="The image to make."),
            Param(
                "scale",
                help="The aspect ratio: 1:1 (AKOOL's default), 4:3, 3:4, 16:9, 9:16, 3:2, 2:3.",
            ),
            Param("source_image", media="image", help="An image to start from (image to image)."),
        ),
    )
)
IMAGE_BUTTON = register(
    Product(
        kind=media_kinds.IMAGE_BUTTON,
        summary="one image of a generated set upscaled to 4K (U1-U4), or varied (V1-V4: "
        "akool image variation)",
        example="akool image upscale IMAGE_ID U2 -o out/",
        params=(
            Param("_id", help="The generated image's job id."),
            Param("button", help="U1-U4 (upscale the n-th image) or V1-V4 (a variation of it)."),
        ),
        rules=_button,
    )
)


# -- VoiceLab: voice change and voice clone -------------------------------------------------------

# voice_options of the voice changer (voiceLab.mdx): name → (type, low, high) or allowed values.
CHANGE_OPTIONS: dict[str, tuple[type, float, float] | tuple[str, ...] | type] = {
    "stability": (float, 0.0, 1.0),
    "similarity_boost": (float, 0.0, 1.0),
    "style": (float, 0.0, 1.0),
    "speaker_boost": bool,
    "file_format": ("mp3", "wav"),
    "remove_background_noise": bool,
    "speed": (float, 0.7, 1.2),
}
CLONE_OPTIONS: dict[str, tuple[type, float, float] | tuple[str, ...] | type] = {
    "style": list,
    "gender": list,
    "age": list,
    "scenario": list,
    "remove_background_noise": bool,
    "language": str,
    "clone_prompt": str,
    "need_volume_normalization": bool,
}
CLONE_MODELS = ("Akool Multilingual 1", "Akool Multilingual 3", "Akool Multilingual 4")


def options_problems(
    options: Any, known: dict[str, tuple[type, float, float] | tuple[str, ...] | type]
) -> list[str]:
    """What is wrong with voice_options: unknown names, wrong types, values out of range."""
    if options is None:
        return []
    if not isinstance(options, dict):
        return ["voice_options must be an object"]
    problems = []
    for name, value in options.items():
        rule = known.get(name)
        if rule is None:
            problems.append(f"voice_options.{name} is not an option ({', '.join(known)})")
        elif isinstance(rule, tuple) and rule and isinstance(rule[0], str):
            if value not in rule:
                problems.append(f"voice_options.{name} must be one of {', '.join(map(str, rule))}")
        elif isinstance(rule, tuple):
            number_ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not number_ok or not rule[1] <= value <= rule[2]:
                problems.append(
                    f"voice_options.{name} must be a number from {rule[1]:g} to {rule[2]:g}"
                )
        elif isinstance(rule, type) and not (
            isinstance(value, rule) and not (rule is not bool and isinstance(value, bool))
        ):
            problems.append(f"voice_options.{name} must be {rule.__name__}")
    return problems


VOICE_CHANGE = register(
    Product(
        kind=media_kinds.VOICE_CHANGE,
        summary="a recording spoken again in another voice",
        example="akool voice change VOICE_ID speech.mp3 --upload-to s3://my-bucket/akool/ -o out/",
        params=(
            Param("voice_id", help="The voice to speak in (akool voices; Akool Multilingual 1)."),
            Param("source_voice_file", media="audio", help="The recording (50 MB at most)."),
            Param("voice_options", type="object", help="stability, speed, file_format, ..."),
            Param(
                "voice_model_name", help="Akool Multilingual 1, the only model that changes voices."
            ),
        ),
        rules=lambda fields: options_problems(fields.get("voice_options"), CHANGE_OPTIONS),
        limits=Limits(max_bytes=50 * MB),  # voiceLab.mdx: "The maximum file size is 50MB."
    )
)


def _clone_rules(fields: dict[str, Any]) -> list[str]:
    problems = options_problems(fields.get("voice_options"), CLONE_OPTIONS)
    model = fields.get("voice_model_name")
    if model is not None and model not in CLONE_MODELS:
        problems.append(f"voice_model_name must be one of {', '.join(CLONE_MODELS)}")
    return problems


VOICE_CLONE = register(
    Product(
        kind=media_kinds.VOICE_CLONE,
        summary="a voice cloned from a recording: a voice_id for akool talk --text",
        example='akool voice clone me.wav --name "My voice" --upload-to s3://my-bucket/akool/',
        params=(
            Param("source_voice_file", media="audio", help="The recording (30 MB at most)."),
            Param("name", help="The voice's name in akool voices --own."),
            Param("voice_options", type="object", help="language, style, gender, age, ..."),
            Param("voice_model_name", help="Akool Multilingual 1, 3 or 4."),
        ),
        rules=_clone_rules,
        limits=Limits(max_bytes=30 * MB),  # voiceLab.mdx: "The maximum file size is 30MB."
    )
)

# -- avatars --------------------------------------------------------------------------------------

AVATAR_ID = re.compile(r"^[a-zA-Z0-9]+$")  # avatar.mdx: "Can only contain /^a-zA-Z0-9/"
# url_from 2: "other third-party links (currently only supports YouTube / TikTok / X / Google Drive)"
THIRD_PARTY_HOSTS = (
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "x.com",
    "twitter.com",
    "drive.google.com",
)


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def avatar_roles(url: str) -> dict[str, Role]:
    """An avatar is made from a video or an image: the role its URL (or file) is checked as."""
    path = parts_or_none(url).path.lower() if "://" in url else url.lower()
    return {"url": "image" if path.endswith(IMAGE_SUFFIXES) else "video"}


def _avatar_defaults(fields: dict[str, Any]) -> None:
    """An avatar_id made from the name and the URL (the same row makes the same id, so a rerun
    of a batch finds its avatar), and where the URL comes from."""
    if not fields.get("avatar_id") and fields.get("name") and fields.get("url"):
        letters = re.sub(r"[^A-Za-z0-9]", "", str(fields["name"]))[:24]
        digest = hashlib.sha256(f"{fields['url']}|{fields['name']}".encode()).hexdigest()[:8]
        fields["avatar_id"] = f"{letters}{digest}"
    if "url_from" not in fields and fields.get("url"):
        host = (parts_or_none(str(fields["url"])).hostname or "").lower()
        third = any(host == h or host.endswith("." + h) for h in THIRD_PARTY_HOSTS)
        fields["url_from"] = 2 if third else 1


def _avatar_rules(fields: dict[str, Any]) -> list[str]:
    if not fields.get("name"):
        return ["name is required (the avatar's name; its avatar_id is made from it)"]
    avatar_id = fields.get("avatar_id")
    if avatar_id is not None and not AVATAR_ID.match(str(avatar_id)):
        return [f"avatar_id may hold only letters and digits, not {avatar_id!r}"]
    return []


AVATAR = register(
    Product(
        kind=media_kinds.AVATAR,
        summary="an avatar made from your video or image: an avatar_id",
        example='akool avatars add https://example.com/me.mp4 --name "Me at the desk"',
        params=(
            Param("url", media="video", help="A video of about a minute, or an image."),
            Param("name", help="The avatar's name."),
            Param(
                "avatar_id", help="Its id (letters and digits); made from the name if not given."
            ),
            Param("type", type="integer", default=1, help="1 a talking avatar, 2 a streaming one."),
            Param("url_from", type="integer", help="1 a file link, 2 YouTube, TikTok, X or Drive."),
        ),
        derive=_avatar_defaults,
        rules=_avatar_rules,
        roles=lambda values: avatar_roles(str(values["url"])) if values.get("url") else {},
    )
)


# -- Jarvis Moderator -----------------------------------------------------------------------------

ISO_639_1 = re.compile(r"^[a-z]{2}$")  # jarvis-moderator.mdx: "the input language in ISO-639-1"


def _moderation_rules(fields: dict[str, Any]) -> list[str]:
    problems = needs("content", "type")(fields)
    language = fields.get("language")
    if language is not None and not ISO_639_1.match(str(language)):
        problems.append(f"language must be an ISO 639-1 code such as en, not {language!r}")
    return problems


# jarvis-moderator.mdx's `type`, and what each takes (its notes' formats).
MODERATION_TYPES = {"image": 1, "video": 2, "audio": 3, "text": 4}
MODERATION_SUFFIXES = {
    "image": (".png", ".jpeg", ".jpg", ".webp", ".gif"),
    "audio": (".flac", ".mp3", ".mpeg", ".mpga", ".m4a", ".ogg", ".wav", ".webm"),
    "video": (".mp4", ".avi"),
    "text": (".txt", ".docx", ".xml", ".pdf", ".csv", ".md", ".json"),
}


def moderation_type(url: str) -> str | None:
    """What a URL's file is, by its suffix, as the moderator's notes list them (mp4: video)."""
    path = parts_or_none(url).path.lower() if "://" in url else url.lower()
    for what in ("video", "image", "audio", "text"):
        if path.endswith(MODERATION_SUFFIXES[what]):
            return what
    return None


MODERATION = register(
    Product(
        kind=media_kinds.MODERATION,
        summary="text, an image, audio or a video checked against a content policy (a verdict)",
        example='akool moderate "Text to check before it is published"',
        params=(
            Param("content", help="The text, or the URL of the image, video, audio or document."),
            Param(
                "type",
                type="integer",
                minimum=1,
                maximum=4,
                help="1 image, 2 video, 3 audio, 4 text.",
            ),
            Param("language", help="The content's language (ISO 639-1), for video, audio, text."),
            Param("input", help="What to look for, in words (optional)."),
        ),
        rules=_moderation_rules,
    )
)

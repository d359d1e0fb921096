"""Talking avatar's request (ai-tools-suite/talking-avatar): akool's flat fields (an avatar, its
speech, a background) laid out as the page's `elements` on its 3840 x 2160 canvas, and the
checks of that body that the sandbox shares. products.py imports this module, which registers
the product. No I/O.

The flat fields are the command's and the batch file's (`avatar_id`, `avatar_url`, `audio_url`,
`input_text` + `voice_id`, `background_url` or `background_color`); the body is made from them
when the request is sent and checked, with its elements, before anything is billed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from akool_cli.core import contract, kinds
from akool_cli.core.contract import Endpoint
from akool_cli.core.errors import UsageError
from akool_cli.core.kinds import FieldsRequest
from akool_cli.core.mediatypes import Role
from akool_cli.core.products import PRODUCTS, Param, Product
from akool_cli.core.urls import parts_or_none

WIDTH, HEIGHT = 3840, 2160  # "must be 3840", "must be 2160"
# Where the page's example puts its avatar and its background: both at (1920, 1080), scale 1;
# the avatar 1080 x 1080. A background given here fills the canvas.
AVATAR_PLACE = {
    "scale_x": 1,
    "scale_y": 1,
    "width": 1080,
    "height": 1080,
    "offset_x": 1920,
    "offset_y": 1080,
}
BACKGROUND_PLACE = {**AVATAR_PLACE, "width": WIDTH, "height": HEIGHT}
COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
# One element, checked as a body of its own (the page's [elements].* rows).
ELEMENT = Endpoint(
    key="talking_avatar_element",
    method="POST",
    path=contract.CREATE_TALKING_AVATAR.path + "#elements",
    summary="one element of a talking avatar",
    body=contract.TALKING_AVATAR_ELEMENT,
)


def _suffix(url: str) -> str:
    path = parts_or_none(url).path if "://" in url else url
    return path.lower().rsplit("/", 1)[-1].rpartition(".")[2]


def _is(url: str, suffixes: tuple[str, ...]) -> bool:
    return "." + _suffix(url) in suffixes


def avatar_role(url: str) -> Role:
    """An avatar of your own is an image or a video: checked (or uploaded) as what it is."""
    return "image" if _is(url, contract.TALKING_AVATAR_IMAGES) else "video"


def _roles(values: Mapping[str, Any]) -> dict[str, Role]:
    url = values.get("avatar_url")
    return {"avatar_url": avatar_role(str(url))} if url else {}


def made_body(fields: Mapping[str, Any], webhook_field: str = "webhookUrl") -> dict[str, Any]:
    """The documented body for akool's flat fields."""
    elements: list[dict[str, Any]] = []
    if fields.get("background_url") or fields.get("background_color"):
        background = fields.get("background_url") or fields.get("background_color")
        elements.append({"type": "image", "url": background, **BACKGROUND_PLACE})
    avatar: dict[str, Any] = {"type": "avatar", **AVATAR_PLACE}
    if fields.get("avatar_url"):
        avatar["url"] = fields["avatar_url"]
    if fields.get("avatar_id"):
        avatar["avatar_id"] = fields["avatar_id"]
    elements.append(avatar)
    audio: dict[str, Any] = {"type": "audio"}
    for name in ("audio_url", "input_text", "voice_id"):
        if fields.get(name):
            audio["url" if name == "audio_url" else name] = fields[name]
    elements.append(audio)
    body: dict[str, Any] = {
        "width": WIDTH,
        "height": HEIGHT,
        "avatar_from": fields.get("avatar_from"),
        "elements": elements,
    }
    if fields.get(webhook_field):
        body[webhook_field] = fields[webhook_field]
    return {k: v for k, v in body.items() if v is not None}


@dataclass(frozen=True)
class TalkingAvatarRequest(FieldsRequest):
    """Akool's flat fields; the body sent is the page's elements made from them."""

    def body(self) -> dict[str, Any]:
        return made_body(self.fields, self.webhook_field)


def body_problems(body: Mapping[str, Any]) -> list[str]:
    """What the page forbids in a create's body beyond its field list (the sandbox's check)."""
    elements = body.get("elements")
    if not isinstance(elements, list):
        return []
    problems: list[str] = []
    for n, element in enumerate(elements, 1):
        problems += [f"elements[{n}]: {p}" for p in _element_problems(element, body)]
    avatars = [e for e in elements if isinstance(e, dict) and e.get("type") == "avatar"]
    if len(avatars) != 1:
        problems.append(f"elements must hold one avatar, not {len(avatars)}")
    if not any(isinstance(e, dict) and e.get("type") == "audio" for e in elements):
        problems.append("elements must hold the audio (a URL, or input_text with voice_id)")
    return problems


def _element_problems(element: Any, body: Mapping[str, Any]) -> list[str]:
    if not isinstance(element, dict):
        return ["must be an object"]
    problems = contract.request_problems(ELEMENT, element)
    if problems:
        return problems
    kind, url = element["type"], str(element.get("url") or "")
    if kind in ("image", "avatar"):
        problems += [
            f"{name} is required" for name in contract.TALKING_AVATAR_PLACED if name not in element
        ]
    if (
        kind == "image"
        and url
        and not (COLOR.match(url) or _is(url, contract.TALKING_AVATAR_IMAGES))
    ):
        problems.append("an image's url must be a .png, .jpg, .jpeg or .webp, or a colour #RRGGBB")
    if kind == "avatar":
        media = (*contract.TALKING_AVATAR_IMAGES, *contract.TALKING_AVATAR_VIDEOS)
        if url and not _is(url, media):
            problems.append(
                "an avatar's url must be an image (.png .jpg .jpeg .webp) or a video (.mp4 .mov .avi)"
            )
        if url and body.get("avatar_from") != 3:
            problems.append("an avatar given by its url needs avatar_from 3")
        if not url and not element.get("avatar_id"):
            problems.append("an avatar needs its avatar_id (akool avatars list) or a url")
    if kind == "audio":
        text, voice = element.get("input_text"), element.get("voice_id")
        if not url and not (text and voice):
            problems.append("the audio needs a url, or input_text with voice_id")
        if bool(text) != bool(voice):
            problems.append("input_text and voice_id go together")
        if text and len(str(text)) > contract.TALKING_AVATAR_MAX_TEXT:
            problems.append(
                f"input_text is longer than {contract.TALKING_AVATAR_MAX_TEXT} characters"
            )
    return problems


AVATAR_ID = re.compile(r"^[A-Za-z0-9_-]+$")  # AKOOL's look like Yasmin_in_White_shirt_20231121


def avatar_fields(
    avatar: str,
    audio_url: str | None = None,
    *,
    text: str | None = None,
    voice: str | None = None,
    background: str | None = None,
    avatar_from: int | None = None,
) -> dict[str, Any]:
    """Talking avatar's flat fields from the names its command and library method use: an
    avatar that is an id (letters, digits, _ and -, no file suffix) or your own image or video,
    and a background that is a colour (#RRGGBB) or an image."""
    from akool_cli.core.validate import check_text

    media = (*contract.TALKING_AVATAR_IMAGES, *contract.TALKING_AVATAR_VIDEOS)
    avatar = check_text(avatar, "the avatar")
    if text is not None and not check_text(text, "--text").strip():
        raise UsageError(
            "--text is empty: the avatar has nothing to say",
            hint='give the words and their voice, e.g. --text "Hello from akool" --voice '
            "VOICE_ID (akool voices), or a recording as AUDIO instead",
        )
    is_id = bool(AVATAR_ID.match(avatar)) and not _is(avatar, media)
    colour = background is not None and background.startswith("#")
    fields = {
        "avatar_id": avatar if is_id else None,
        "avatar_url": None if is_id else avatar,
        "avatar_from": avatar_from,
        "audio_url": audio_url,
        "input_text": text,
        "voice_id": voice,
        "background_color": background if colour else None,
        "background_url": None if colour else background,
    }
    return {k: v for k, v in fields.items() if v is not None}


def _derive(fields: dict[str, Any]) -> None:
    # Your own avatar by its URL is avatar_from 3 ("must be 3"); an avatar_id without one is
    # AKOOL's (2) unless the caller says 3 (the command and the library look it up).
    if "avatar_from" not in fields and (fields.get("avatar_url") or fields.get("avatar_id")):
        fields["avatar_from"] = 3 if fields.get("avatar_url") else 2


def _rules(fields: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if bool(fields.get("avatar_id")) == bool(fields.get("avatar_url")):
        problems.append("give an avatar_id (akool avatars list) or an avatar_url, one of them")
    speech = bool(fields.get("input_text") or fields.get("voice_id"))
    if bool(fields.get("input_text")) != bool(fields.get("voice_id")):
        problems.append("input_text and voice_id go together (a text and the voice that speaks it)")
    if fields.get("audio_url") and speech:
        problems.append("give audio_url or input_text with voice_id, not both")
    elif not fields.get("audio_url") and not speech:
        problems.append("give audio_url, or input_text with voice_id (akool voices)")
    if fields.get("background_url") and fields.get("background_color"):
        problems.append("give background_url or background_color, not both")
    color = fields.get("background_color")
    if color and not COLOR.match(str(color)):
        problems.append(f"background_color must be #RRGGBB, not {color!r}")
    if problems:
        return problems
    body = made_body(fields)
    return contract.request_problems(contract.CREATE_TALKING_AVATAR, body) + body_problems(body)


TALKING_AVATAR = Product(
    kind=kinds.TALKING_AVATAR,
    summary="an avatar speaking a recording or a text, on a background",
    example="akool avatar SandboxAnna01 speech.mp3 --background office.jpg --upload-to s3://my-bucket/akool/ -o out/",
    params=(
        Param("avatar_id", help="An avatar from: akool avatars list (AKOOL's, or yours)."),
        Param("avatar_url", media="video", help="Your own avatar instead: an image or a video."),
        Param(
            "avatar_from",
            type="integer",
            minimum=2,
            maximum=3,
            help="2 AKOOL's avatar, 3 yours (an avatar_url is 3; an avatar_id is looked up).",
        ),
        Param("audio_url", media="audio", help="The speech: a recording."),
        Param("input_text", help="Or the text to speak, with voice_id (akool voices)."),
        Param("voice_id", help="The voice that speaks input_text."),
        Param("background_url", media="image", help="A background image (.png .jpg .jpeg .webp)."),
        Param("background_color", help="Or a background colour, #RRGGBB."),
    ),
    derive=_derive,
    rules=_rules,
    request=TalkingAvatarRequest,
    roles=_roles,
)
PRODUCTS[TALKING_AVATAR.kind.name] = TALKING_AVATAR

"""The sandbox's products other than talking photo and speech, answered from their descriptions.

One create handler and one status handler serve every kind: the request is checked against the
contract (and the product's rules), the job is kept in the sandbox's store, and each answer is the
documented example of that product's job object with this job's id, times, inputs, state, result
URLs, costs and failure filled in where the kind's shape says they go. A new product adds its
template here; the handlers stay as they are.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from akool_cli.core import kinds, products
from akool_cli.core.contract import request_problems
from akool_cli.core.kinds import FieldsRequest, JobKind
from akool_cli.core.mediatypes import Role
from akool_cli.core.prices import credit_field
from akool_cli.core.states import Status
from akool_cli.core.talking_avatar import avatar_role
from akool_cli.sandbox import fetch, media_products
from akool_cli.sandbox.state import SandboxJob

FILES_PREFIX = "/_sandbox/files/"

# Each product's job object as its page's example shows it (ids, times and URLs are replaced).
_V3_VIDEO = {
    "faceswap_quality": 2,
    "storage_loc": 1,
    "_id": "",
    "create_time": 0,
    "uid": 100001,
    "type": 9,
    "from": 2,
    "video_id": "",
    "video_lock_duration": 11.7,
    "deduction_lock_duration": 20,
    "video_status": 1,
    "external_video": "",
    "video": "",
}
_V4_VIDEO = {
    "_id": "",
    "create_time": 0,
    "uid": 100001,
    "team_id": "sandbox-team",
    "update_time": 0,
    "video_duration": 5.063,
    "webhookUrl": "",
    "file_name": "",
    "status": 1,
    "deduction_credit": 20,
}
TEMPLATES: dict[str, dict[str, Any]] = {
    "lipsync": {
        **_V3_VIDEO,
        "lipsync": True,
        "input_audio": "",
        "target_video": "",
        "task_id": "",
        "webhookUrl": "",
    },
    "video_translation": {
        **_V3_VIDEO,
        "type": 2,
        "team_id": "sandbox-team",
        "progress": 0,
        "deduction_duration": 10,
        "audio_splits": {
            "original_srt_url": "",
            "translated_srt_url": "",
            "no_caption_video_url": "",
        },
    },
    "character_swap": {
        "_id": "",
        "create_time": 0,
        "uid": 100001,
        "team_id": "sandbox-team",
        "update_time": 0,
        "video_duration": 10,
        "webhookUrl": "",
        "file_name": "",
        "image_url": "",
        "video": "",
        "video_url": "",
        "prompt": "",
        "resolution": "720p",
        "deduction_credit": 0,
        "video_status": 1,
    },
    "head_swap": {
        "_id": "",
        "uid": 100001,
        "team_id": "sandbox-team",
        "source_video_url": "",
        "create_time": 0,
        "status": 1,
        "video_duration": 10,
        "resolution": "720p",
        "deduction_duration": 0,
        "video_url": "",
        "progress": 0,
        "priority": 9,
        "task_id": "",
        "file_name": "",
        "model_name": "akool-premium",
    },
    "image2video": {
        **_V4_VIDEO,
        "effect_name": "",
        "image_url": "",
        "prompt": "",
        "resolution": "720p",
        "audio_type": 1,
        "audio_url": "",
        "effect_code": "",
        "only_add_audio": False,
    },
    "text2video": {
        **_V4_VIDEO,
        "sub_type": 1502,
        "prompt": "",
        "negative_prompt": "",
        "resolution": "720p",
        "model_name": "seedance-1-0-lite-i2v-250428",
        "batch_id": "",
        "batch_count": 1,
    },
}
# A talking avatar's create answer and infobymodelid's (talking-avatar.mdx), merged.
TEMPLATES["talking_avatar"] = {
    "_id": "",
    "uid": 100002,
    "video_id": "",
    "task_id": "",
    "video_status": 1,
    "video": "",
    "create_time": 0,
    "deduction_duration": 0,
}
TEMPLATES.update(media_products.TEMPLATES)
# Image to video's effects: image2video.mdx's example list (Get Available Effects).
EFFECTS = tuple(
    {"_id": _id, "create_time": 1752576694502, "logo": "", "name": name, "effect_code": code}
    for _id, name, code in (
        ("687632b95a0f52799eeed701", "Squish", "squish_89244231312"),
        ("687632ba5a0f52799eeed887", "Cakeify", "cakeify_24743216"),
        ("687632bc5a0f52799eeed929", "Samurai", "samurai_99757865"),
    )
)
EFFECT_CODES = frozenset(str(e["effect_code"]) for e in EFFECTS)


def _resolutions(*names: str) -> list[dict[str, Any]]:
    """resolutionList items as aimodel.mdx's example gives them."""
    sizes = {
        "480p": (854, 480, 3),
        "720p": (1280, 720, 5),
        "1080p": (1920, 1080, 10),
        "4k": (3840, 2160, 20),
    }
    return [
        {
            "label": n,
            "value": n,
            "width": sizes[n][0],
            "height": sizes[n][1],
            "unit_credit": sizes[n][2],
        }
        for n in names
    ]


def _model(
    model_type: int, sort: int, provider: str, label: str, value: str, *res: str
) -> dict[str, Any]:
    """One entry of the model list, with aimodel.mdx's fields."""
    return {
        "sort": sort,
        "group": provider,
        "provider": provider,
        "type": model_type,
        "label": label,
        "value": value,
        "description": f"{label} (the sandbox's copy of AKOOL's example)",
        "resolutionList": _resolutions(*res),
        "isPro": False,
        "generate_audio": None,
        "durationList": [5, 10],
        "requiresPay": False,
        "supportedLastFrame": provider == "seedance",
        "supportedExtendPrompt": False,
        "maxImageCount": 1,
        "maxCount": 10,
    }


# The model list: aimodel.mdx's two image-to-video models, and for text to video the model
# text2video.mdx's examples create with (its resolutions as aimodel.mdx lists them).
MODELS = (
    _model(
        1501,
        100,
        "akool",
        "Akool Image2Video Fast V1",
        "AkoolImage2VideoFastV1",
        "720p",
        "1080p",
        "4k",
    ),
    _model(
        1501,
        95,
        "seedance",
        "Seedance Lite Image2Video",
        "seedance-1-0-lite-i2v-250428",
        "480p",
        "720p",
        "1080p",
    ),
    _model(
        1502,
        95,
        "seedance",
        "Seedance Lite",
        "seedance-1-0-lite-i2v-250428",
        "480p",
        "720p",
        "1080p",
    ),
)
# Inputs the answers echo under another name (lip sync's target_video is its video_url).
ECHOES: dict[str, dict[str, str]] = {
    "lipsync": {"target_video": "video_url", "input_audio": "audio_url"},
    # character swap's answers echo image as image_url and video as video_url (the input)
    "character_swap": {"image_url": "image", "video_url": "video", "webhookUrl": "webhookurl"},
    # head swap's task answers name its input source_video_url; video_url is the result
    "head_swap": {"source_video_url": "video_url", "video_url": "-"},
}
# What a failed job says (the kinds whose failure field is documented use it).
FAILURE = "the sandbox could not use an input (an input contains 'fail')"


def served() -> list[JobKind]:
    """The kinds these handlers answer."""
    return [kinds.get(name) for name in TEMPLATES]


# Inputs the sandbox refuses with a product's own documented code (a URL containing the word).
REFUSALS: dict[str, dict[str, int]] = {
    "lipsync": {"sameagain": 1202, "noaudio": 1203, "toolong": 1204, "toobig": 1207, "fps60": 1210},
    "video_translation": {"noaudio": 1203, "toolong": 1204, "toobig": 1207, "fps60": 1210},
}
# The languages video translation speaks here (language/list's documented fields): the codes
# AKOOL's pages and OpenAPI examples use, and the OpenAPI file's af-ZA.
LANGUAGES = tuple(
    {"lang_name": name, "lang_code": code, "url": ""}
    for code, name in (
        ("af-ZA", "Afrikaans (South Africa)"),
        ("en", "English"),
        ("es", "Spanish"),
        ("fr", "French"),
        ("de", "German"),
        ("ja", "Japanese"),
        ("pt", "Portuguese"),
        ("zh", "Chinese"),
        ("zh-CN", "Chinese (Simplified)"),
        ("zh-CN-shandong", "Chinese (Shandong)"),
        ("zh-CN-sichuan", "Chinese (Sichuan)"),
    )
)
LANGUAGE_CODES = frozenset(str(x["lang_code"]) for x in LANGUAGES)


def check_create(kind: JobKind, fields: dict[str, Any]) -> tuple[int, str] | None:
    """The code and message AKOOL would refuse this create with, or None."""
    problems = request_problems(kind.create, fields)
    product = products.for_kind(kind)
    if product is not None and product.rules is not None and not problems:
        problems = product.rules(fields) if product.request is FieldsRequest else []
    problems += media_products.request_problems(kind, fields) if not problems else []
    if not problems:
        problems += _unlisted(kind, fields)
    if problems:
        return 1003, "; ".join(problems)
    for word, code in REFUSALS.get(kind.name, {}).items():
        if any(isinstance(v, str) and word in v.lower() for v in fields.values()):
            return code, kind.explain(code) or "refused"
    return None


def _unlisted(kind: JobKind, fields: dict[str, Any]) -> list[str]:
    """What AKOOL would refuse because its lists do not offer it (languages, effects, models)."""
    if kind is kinds.TRANSLATION:
        unknown = set(str(fields["language"]).split(",")) - LANGUAGE_CODES
        return [f"language {', '.join(sorted(unknown))} is not supported"] if unknown else []
    if kind is kinds.IMAGE2VIDEO and fields.get("effect_code") not in (None, "", *EFFECT_CODES):
        return [f"effect_code {fields['effect_code']} does not exist"]
    models = {str(m["value"]) for m in MODELS if m["type"] == 1502}
    if kind is kinds.TEXT2VIDEO and fields.get("model_name") not in (None, "", *models):
        return [f"model_name {fields['model_name']} does not exist"]
    return []


def input_failure(kind: JobKind, fields: dict[str, Any]) -> str:
    """--fetch-inputs: why AKOOL could not use the inputs (the job then fails), or ''."""
    product = products.for_kind(kind)
    if product is None:
        return ""
    if kind is kinds.TALKING_AVATAR:
        found = [fetch.input_problem(url, role) for url, role in element_inputs(fields)]
        return "; ".join(p for p in found if p)
    roles = {**product.media(), **media_products.input_roles(kind, fields)}
    found = [
        fetch.input_problem(str(fields[name]), role)
        for name, role in roles.items()
        if fields.get(name)
    ]
    return "; ".join(p for p in found if p)


def element_inputs(fields: dict[str, Any]) -> list[tuple[str, Role]]:
    """A talking avatar's files: its elements' URLs (a colour is no file), each as what it is."""
    found: list[tuple[str, Role]] = []
    for element in fields.get("elements") or []:
        url = str(element.get("url") or "") if isinstance(element, dict) else ""
        if not url.startswith(("http://", "https://")):
            continue
        kind = element.get("type")
        found.append(
            (url, "audio" if kind == "audio" else "image" if kind == "image" else avatar_role(url))
        )
    return found


def job_object(job: SandboxJob, status: int, base_url: str, price: float) -> dict[str, Any]:
    """The job as the product's answers document it, in state `status`, charged `price` credits
    when it is done (v4 answers show the price from the start, and 0 when the job failed)."""
    kind = kinds.get(job.kind)
    data = copy.deepcopy(TEMPLATES[kind.name])
    for name in data:
        source = ECHOES.get(kind.name, {}).get(name, name)
        if source in job.request and source != "_id":
            data[name] = job.request[source]
    millis = int(job.created_wall * 1000)
    data.update(_id=job.id, create_time=millis)
    if "update_time" in data:
        data["update_time"] = millis
    if "file_name" in data:
        data["file_name"] = f"{job.id}.mp4"
    _put(data, kind.shape.status, status)
    done = status == Status.DONE
    _put(data, kind.shape.result, f"{base_url}{FILES_PREFIX}{job.id}{kind.suffix}" if done else "")
    for extra in kind.files:
        url = f"{base_url}{FILES_PREFIX}{job.id}.{extra.role}{extra.suffix}"
        _put(data, extra.path, url if done else "")
    if "progress" in data:
        data["progress"] = {1: 0, 2: 50}.get(status, 100)
    media_products.fill(kind, job, data, status, base_url)
    charged = credit_field(kind)
    if charged is not None and (done or charged in data):
        # The docs type these fields integer: a whole price is sent as one.
        data[charged] = int(price) if float(price).is_integer() else price
    if status == Status.FAILED:
        # Where the kind's answers give the reason (character swap: faceswap_fail_reason).
        _put(data, kind.shape.error[0], job.failure or FAILURE)
        if kind.shape.error[0] == ("error_reason",):
            data["error_code"] = 1205
        if charged is not None and charged in data:
            data[charged] = 0
    return data


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    if not path:
        return
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def created_answer(kind: JobKind, data: dict[str, Any], *more: dict[str, Any]) -> Any:
    """The create answer's `data`: the job object, or where the kind's create puts it (and its
    state where the create answer keeps it: character swap's says `status`); a successList
    lists `more` jobs of the same create too (its `count`)."""
    made = kind.created_shape
    if made is not None and made.status != kind.shape.status:
        data = dict(data)
        _put(data, made.status, data.pop(kind.shape.status[-1], Status.QUEUED))
    if kind.created == ("successList",):
        return {"successList": [data, *more], "errorList": []}
    if kind.name in media_products.CREATED:
        return media_products.CREATED[kind.name](data)
    return data


def status_ids(kind: JobKind, query: dict[str, str], body: bytes) -> list[str] | str:
    """The ids a status request asks about, or why it is not a valid request."""
    call = kind.status
    if call.endpoint.method == "POST":
        try:
            fields = json.loads(body or b"null")
        except ValueError:
            return "the body must be a JSON object"
        if not isinstance(fields, dict):
            return "the body must be a JSON object"
    else:
        fields = query
    problems = request_problems(call.endpoint, fields)
    if problems:
        return "; ".join(problems)
    value = str(fields[call.id_param])
    return [v.strip() for v in value.split(",") if v.strip()] if call.many else [value]

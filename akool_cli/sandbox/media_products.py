"""The sandbox's image, face and voice products: their job objects, the rules AKOOL's pages state
for their requests, face detection in its documented shape, and one status handler for every
status endpoint they use (one id, or many in one call).

products.py takes the job objects (TEMPLATES) and the request rules from here; server.py routes
the status endpoints here. Inputs steer the sandbox as elsewhere: a URL containing "fail" makes a
job fail, "noface" / "twofaces" / "manyfaces" give face detection 0, 2 or 3 faces, "webp" makes an
image result a WebP whatever its URL says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from akool_cli.core import contract, kinds
from akool_cli.core.kinds import JobKind
from akool_cli.sandbox.fetch import MANY_FACES_TRIGGER, NO_FACE_TRIGGER

FILES_PREFIX = "/_sandbox/files/"
TWO_FACES_TRIGGER = "twofaces"
WEBP_TRIGGER = "webp"

# A face swap or reage record as listbyids documents it (FaceswapResultDetail).
_FACESWAP = {
    "faceswap_type": 1,
    "faceswap_quality": 2,
    "faceswap_status": 1,
    "deduction_status": 1,
    "image": 1,
    "video_duration": 0,
    "deduction_duration": 0,
    "update_time": 0,
    "_id": "",
    "userId": "64d985c5571729d3e2999477",
    "uid": 100001,
    "url": "",
    "createdAt": "",
}
TEMPLATES: dict[str, dict[str, Any]] = {
    "faceswap": _FACESWAP,
    "faceswap_plus": _FACESWAP,
    "faceswap_plus_video": {**_FACESWAP, "image": 0, "video_duration": 2.0},
    "faceswap_video": {**_FACESWAP, "image": 0, "video_duration": 2.0},
    "reage": _FACESWAP,
    "reage_video": {**_FACESWAP, "image": 0, "video_duration": 2.0},
}
# What each create answers instead of the job object (face swap's: its ids, as documented).
CREATED: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _faceswap_created(data: dict[str, Any]) -> dict[str, Any]:
    # v4 answers {_id, job_id}; v3 and reage also the URL the result will have.
    return {"_id": data["_id"], "job_id": f"20240102082900592-{data['_id'][-4:]}"}


for _name in TEMPLATES:
    CREATED[_name] = _faceswap_created


# -- the rules of the requests (AKOOL's pages) -------------------------------------------------


def _http(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _faces_problems(field: str, value: Any, *, opts_required: bool) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"{field} must be a non-empty array"]
    if len(value) > 50:
        return [f"{field} holds more than 50 items"]
    problems = []
    for n, item in enumerate(value):
        if not isinstance(item, dict) or not _http(item.get("path")):
            problems.append(f"{field}[{n}].path must be an http(s) URL")
        elif opts_required and not isinstance(item.get("opts"), str):
            problems.append(f"{field}[{n}].opts is required")
    return problems


def _pro(fields: dict[str, Any]) -> list[str]:
    """image-faceswap-v4: opts on every item of both arrays when either holds more than one."""
    source, target = fields.get("sourceImage"), fields.get("targetImage")
    many = any(isinstance(v, list) and len(v) > 1 for v in (source, target))
    return _faces_problems("sourceImage", source, opts_required=many) + _faces_problems(
        "targetImage", target, opts_required=many
    )


def _v3(fields: dict[str, Any]) -> list[str]:
    problems = []
    for name in ("sourceImage", "targetImage"):
        if name in fields or name == "targetImage":
            problems += _faces_problems(name, fields.get(name), opts_required=True)
    return problems


def _plus(fields: dict[str, Any]) -> list[str]:
    """faceswap-plus: face_mapping when not single_face_mode; each source face has a face_url;
    a bbox is four numbers."""
    if fields.get("single_face_mode"):
        return []
    mapping = fields.get("face_mapping")
    if not isinstance(mapping, list) or not mapping:
        return ["face_mapping is required when single_face_mode is false"]
    problems = []
    for n, item in enumerate(mapping):
        source = item.get("source_face_info") if isinstance(item, dict) else None
        target = item.get("target_face_info") if isinstance(item, dict) else None
        if not isinstance(source, dict) or not _http(source.get("face_url")):
            problems.append(f"face_mapping[{n}].source_face_info.face_url is required")
        for side, info in (("source", source), ("target", target)):
            box = info.get("bbox") if isinstance(info, dict) else None
            if box is not None and not (
                isinstance(box, list)
                and len(box) == 4
                and all(isinstance(v, (int, float)) for v in box)
            ):
                problems.append(f"face_mapping[{n}].{side}_face_info.bbox must be 4 numbers")
    return problems


def _reage(fields: dict[str, Any]) -> list[str]:
    age = fields.get("face_reage")
    problems = _v3(fields)
    if isinstance(age, int) and not -30 <= age <= 30:
        problems.append("face_reage must be between -30 and 30")
    return problems


RULES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    contract.FACESWAP_PRO.key: _pro,
    contract.FACESWAP_PLUS.key: _plus,
    contract.FACESWAP_VIDEO.key: _v3,
    contract.REAGE_IMAGE.key: _reage,
    contract.REAGE_VIDEO.key: _reage,
}


def request_problems(kind: JobKind, fields: dict[str, Any]) -> list[str]:
    """What AKOOL's page for this create forbids beyond the field list."""
    rules = RULES.get(kind.create.key)
    return rules(fields) if rules is not None else []


def kind_of_create(kind: JobKind, fields: dict[str, Any]) -> JobKind:
    """The kind a create makes: Face Swap Plus makes a video when its target is one."""
    if kind.name == "faceswap_plus" and _is_video(str(fields.get("target_url", ""))):
        return kinds.get("faceswap_plus_video")
    return kind


def _is_video(url: str) -> bool:
    return url.lower().split("?")[0].endswith((".mp4", ".mov", ".avi", ".webm"))


# -- face detection -------------------------------------------------------------------------------


def face_count(url: str) -> int:
    text = url.lower()
    if NO_FACE_TRIGGER in text:
        return 0
    if MANY_FACES_TRIGGER in text:
        return 3
    return 2 if TWO_FACES_TRIGGER in text else 1


def detected(url: str, count: int, fields: dict[str, Any], base_url: str) -> dict[str, Any]:
    """detect_faces' faces_obj for `count` faces, in the documented shape: per frame, aligned
    lists (6-point landmarks, the first 4 as landmarks_str, region [x, y, w, h]); with
    return_face_url also each face's crop, its region and its landmarks in the crop."""
    video = _is_video(url) or "num_frames" in fields
    frames = int(fields.get("num_frames") or 5) if video else 1
    crops = bool(fields.get("return_face_url"))
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    found: dict[str, Any] = {}
    for frame in range(frames):
        faces = [_face(n) for n in range(count)]
        found[str(frame)] = {
            "landmarks": [f["landmarks"] for f in faces],
            "landmarks_str": [_points(f["landmarks"][:4]) for f in faces],
            "region": [f["region"] for f in faces],
            "removed": [],
            "frame_time": frame * 0.5 if video else None,
            "face_urls": [
                f"{base_url}{FILES_PREFIX}face-{digest}-{frame}-{n}.jpg" for n in range(count)
            ]
            if crops
            else None,
            "crop_region": [f["crop"] for f in faces] if crops else None,
            "crop_landmarks": [f["crop_landmarks"] for f in faces] if crops else None,
        }
    return found


def _face(n: int) -> dict[str, Any]:
    x, y, w, h = 80 + 200 * n, 50, 150, 180
    points = [
        [x + 40, y + 35],  # left eye
        [x + 100, y + 38],  # right eye
        [x + 70, y + 80],  # nose
        [x + 70, y + 115],  # mouth centre
        [x + 45, y + 115],  # left mouth corner
        [x + 95, y + 118],  # right mouth corner
    ]
    crop = [max(0, x - 50), max(0, y - 50), w + 100, h + 100]
    relative = [[px - crop[0], py - crop[1]] for px, py in points[:4]]
    return {
        "landmarks": points,
        "region": [x, y, w, h],
        "crop": crop,
        "crop_landmarks": _points(relative),
    }


def _points(points: list[list[int]]) -> str:
    return ":".join(f"{px},{py}" for px, py in points)


# -- status endpoints ----------------------------------------------------------------------------


def status_kinds(endpoint: contract.Endpoint) -> list[JobKind]:
    return [k for k in kinds.KINDS.values() if k.status.endpoint == endpoint]


def status_data(
    endpoint: contract.Endpoint, ids: list[str], objects: dict[str, dict[str, Any]]
) -> Any:
    """A status answer's `data` for the jobs asked about, found in `objects` by id, or None
    when a one-id endpoint's job does not exist."""
    kind = status_kinds(endpoint)[0]
    call = kind.status
    if call.many:
        listed = [objects[i] for i in dict.fromkeys(ids) if i in objects]
        return {call.items[0]: listed} if call.items else listed
    job = objects.get(ids[0])
    if job is None:
        return None
    for key in reversed(kind.shape.nested):
        job = {key: job}
    return job


def serves_webp(request: dict[str, Any]) -> bool:
    """Whether an image result is a WebP whatever its URL says (an input contains "webp")."""
    return WEBP_TRIGGER in json.dumps(request).lower()


# -- cancel and delete --------------------------------------------------------------------------

CANCELLED = "cancelled at the owner's request (faceswap/job/del)"


def job_id_of(job_id: str) -> str:
    """The job_id the sandbox's face swap creates answer with (what reage's cancel takes)."""
    return str(_faceswap_created({"_id": job_id})["job_id"])


def acted_on(kind: JobKind, call: str, body: dict[str, Any]) -> list[str]:
    """The ids a cancel or delete names (a comma-separated string, or an array)."""
    value = body.get(call)
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def action_endpoints() -> dict[str, tuple[contract.Endpoint, str]]:
    """Every documented cancel and delete the kinds name: endpoint key → (endpoint, action)."""
    found: dict[str, tuple[contract.Endpoint, str]] = {}
    for kind in kinds.KINDS.values():
        for action, call in (("cancel", kind.cancel), ("delete", kind.delete)):
            if call is not None:
                found[call.endpoint.key] = (call.endpoint, action)
    return found


def action_answer(endpoint: contract.Endpoint, done: list[str], refused: dict[str, str]) -> Any:
    """The `data` of a delete's answer: image2Video's and voice/del's list what happened to each
    id; the face swap ones answer no data."""
    if endpoint.key == contract.IMAGE2VIDEO_DELETE.key:
        items = [{"_id": i, "msg": m} for i, m in refused.items()]
        return {"successIds": done, "noPermissionItems": items}
    if endpoint.key == contract.VOICE_DELETE.key:
        items = [{"_id": i, "msg": m} for i, m in refused.items()]
        return {"successIds": done, "noPermissionVoices": items}
    return None

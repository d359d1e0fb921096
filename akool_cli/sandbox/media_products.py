"""The sandbox's image, face and voice products: their job objects, the rules AKOOL's pages state
for their requests, face detection in its documented shape, and one status handler for every
status endpoint they use (one id, or many in one call).

products.py takes the job objects (TEMPLATES) and the request rules from here; server.py routes
the status endpoints here. Inputs steer the sandbox as elsewhere: a URL containing "fail" makes a
job fail, "noface" / "twofaces" / "manyfaces" / "crowd" give face detection 0, 2, 3 or 9 faces, "webp" makes an
image result a WebP whatever its URL says. A face swap or reage of more than 8 people is refused
with code 1007, as AKOOL documents; "latecrowd" names a video whose sampled frames show one face
and nine people later (face detection passes it, the create does not).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from typing import Any

from akool_cli.core import contract, kinds, talking_avatar
from akool_cli.core.faces import MAX_FACES
from akool_cli.core.kinds import JobKind
from akool_cli.core.media_products import avatar_roles
from akool_cli.core.mediatypes import Role
from akool_cli.sandbox.fetch import MANY_FACES_TRIGGER, NO_FACE_TRIGGER

FILES_PREFIX = "/_sandbox/files/"
TWO_FACES_TRIGGER = "twofaces"
CROWD_TRIGGER = "crowd"  # nine faces: more than AKOOL changes in one job (code 1007)
# A video whose frames face detection samples show one face; nine people come later, and the
# create counts them all (code 1007): what akool's check before billing cannot see.
LATE_CROWD_TRIGGER = "latecrowd"
# faceswap.mdx's and reage.mdx's code 1007, in AKOOL's words.
FACE_COUNT_CODE = (1007, "The number of people who can have their faces changed cannot exceed 8")
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
# An image job as image-generate.mdx's answers show it (createbybutton's adds its parent).
_IMAGE = {
    "faceswap_quality": 2,
    "deduction_credit": 2,
    "buttons": [],
    "used_buttons": [],
    "upscaled_urls": [],
    "_id": "",
    "uid": 100001,
    "create_time": 0,
    "prompt": "",
    "type": 3,
    "from": 1,
    "image_status": 1,
    "image": "",
}
TEMPLATES["image"] = {**_IMAGE, "origin_prompt": "", "source_image": ""}
TEMPLATES["image_button"] = {
    **_IMAGE,
    "image_content_model_id": "",
    "op_button": "",
    "op_buttonMessageId": "",
}
IMAGE_BUTTONS = [f"{kind}{n}" for kind in "UV" for n in range(1, 5)]
# VoiceLab's records as voiceLab.mdx's answers show them (voice change: a speech resource).
TEMPLATES["voice_change"] = {
    "create_time": 0,
    "uid": 100001,
    "team_id": "sandbox-team",
    "preview": None,
    "source_voice_file": "",
    "status": 1,
    "webhookUrl": "",
    "duration": 12800,
    "file_name": "",
    "gender": "Female",
    "deduction_credit": 0.512,
    "name": "",
    "_id": "",
    "voice_model_id": "67a45479354b7c1fff7e943a",
    "voice_id": "",
    "voice_options": {},
}
TEMPLATES["voice_clone"] = {
    "uid": 100001,
    "team_id": "sandbox-team",
    "voice_id": None,
    "gender": "Male",
    "name": "",
    "preview": None,
    "text": "This is a sample of the cloned voice.",
    "duration": 8064,
    "status": 1,
    "create_time": 0,
    "style": [],
    "scenario": [],
    "age": [],
    "deduction_credit": 0,
    "webhookUrl": "",
    "source_voice_file": "",
    "_id": "",
}
# A moderation (jarvis-moderator.mdx): its text result and final conclusion once done.
TEMPLATES["moderation"] = {"_id": "", "uid": 100001, "status": 1, "result": ""}
NON_COMPLIANT_TRIGGER = "violence"
# An uploaded avatar (avatar.mdx's detail answer; "from" 3: the user's own).
TEMPLATES["avatar"] = {
    "_id": "",
    "uid": 100001,
    "type": 1,
    "from": 3,
    "status": 1,
    "name": "",
    "avatar_id": "",
    "url": "",
    "create_time": 0,
}
# What each create answers instead of the job object (face swap's: its ids, as documented).
CREATED: dict[str, Callable[[dict[str, Any]], Any]] = {}


def _faceswap_created(data: dict[str, Any]) -> dict[str, Any]:
    # v4 answers {_id, job_id}; v3 and reage also the URL the result will have.
    return {"_id": data["_id"], "job_id": f"20240102082900592-{data['_id'][-4:]}"}


for _name in TEMPLATES:
    if _name.startswith(("faceswap", "reage")):
        CREATED[_name] = _faceswap_created
CREATED["avatar"] = lambda data: [data]  # the pages show a list


def fill(kind: JobKind, job: Any, data: dict[str, Any], status: int, base_url: str) -> None:
    """What a product's job object says beyond the shared fields: face swap's createdAt, an
    image's buttons once done, an upscale's or variation's parent and button, VoiceLab's
    preview (null until done) and a clone's voice_id."""
    done = status == 3
    if kind.name == "voice_change":
        wav = (job.request.get("voice_options") or {}).get("file_format") == "wav"
        data["preview"] = f"{base_url}{FILES_PREFIX}{job.id}{'.wav' if wav else '.mp3'}"
        data["file_name"] = f"{job.id}{'.wav' if wav else '.mp3'}"
    if kind.name in ("voice_change", "voice_clone"):
        data["preview"] = data["preview"] if done and kind.name == "voice_change" else None
    if kind.name == "moderation" and done:
        flagged = NON_COMPLIANT_TRIGGER in str(job.request.get("content", "")).lower()
        verdict = "Non-Compliant" if flagged else "Compliant"
        found = "depiction of violence" if flagged else "nothing against the policy"
        data["result"] = f"- violence: {found}.\nResult: {verdict}"
        data["final_conclusion"] = verdict
    if kind.name == "voice_clone":
        data["voice_id"] = clone_voice_id(job.id) if done else None
        data["preview"] = f"{base_url}{FILES_PREFIX}{job.id}.mp3" if done else None
        options = job.request.get("voice_options") or {}
        for tags in ("style", "scenario", "age"):
            data[tags] = list(options.get(tags) or [])
    if "createdAt" in data:
        data["createdAt"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(job.created_wall))
    if kind.name in ("image", "image_button"):
        data["origin_prompt" if "origin_prompt" in data else "prompt"] = job.request.get(
            "prompt", ""
        )
        data["buttons"] = list(IMAGE_BUTTONS) if status == 3 and kind.name == "image" else []
    if kind.name == "image_button":
        data["image_content_model_id"] = job.request.get("_id", "")
        data["op_button"] = job.request.get("button", "")
        data["op_buttonMessageId"] = f"sandbox-{job.id[-8:]}"


def clone_voice_id(job_id: str) -> str:
    """The voice_id the sandbox gives a finished clone."""
    return f"sbx-clone-{job_id[-8:]}"


def cloned_voices(state: Any) -> list[dict[str, Any]]:
    """The voices the account's finished clones made, as the voice list documents a voice."""
    from akool_cli.sandbox.state import voice_item

    found = []
    for job in list(state.jobs.values()):
        if job.kind == "voice_clone" and state.status(job) == 3:
            name = str(job.request.get("name") or job.id)
            row = (
                clone_voice_id(job.id),
                name,
                "Male",
                "English",
                "en",
                1,
                "Calm",
                "Middle",
                "Education",
            )
            voice = voice_item(row, 0)
            voice["_id"] = job.id  # voice/del takes the clone's document id
            found.append(voice)
    return found


def refusal(kind: JobKind, fields: dict[str, Any], state: Any) -> tuple[int, str] | None:
    """What AKOOL refuses for what the inputs hold or for other jobs: a face swap or reage of
    more than 8 people (1007); an upscale of an image that does not exist (1008) or is not
    done yet (1010)."""
    if changed_faces(kind, fields) > MAX_FACES:
        return FACE_COUNT_CODE
    if kind.name != "image_button":
        return None
    parent = state.jobs.get(str(fields.get("_id")))
    if parent is None or parent.kind != "image":
        return 1008, "The content you get does not exist"
    if state.status(parent) != 3:
        return 1010, "You can not operate this content (the image is not done)"
    return None


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
    contract.CREATE_TALKING_AVATAR.key: talking_avatar.body_problems,
}


def request_problems(kind: JobKind, fields: dict[str, Any]) -> list[str]:
    """What AKOOL's page for this create forbids beyond the field list."""
    rules = RULES.get(kind.create.key)
    return rules(fields) if rules is not None else []


MODERATED: dict[Any, Role] = {1: "image", 2: "video", 3: "audio"}  # a moderation's type


def input_roles(kind: JobKind, fields: dict[str, Any]) -> dict[str, Role]:
    """Inputs whose kind the request says: an avatar's url (a video or an image) and a
    moderation's content (by its type; text is not fetched)."""
    if kind.name == "avatar" and fields.get("url"):
        return avatar_roles(str(fields["url"]))
    if kind.name == "moderation":
        role = MODERATED.get(fields.get("type"))
        return {"content": role} if role else {}
    return {}


def kind_of_create(kind: JobKind, fields: dict[str, Any]) -> JobKind:
    """The kind a create makes: Face Swap Plus makes a video when its target is one."""
    return kinds.created_by(kind.create.path, fields) or kind


def _is_video(url: str) -> bool:
    return url.lower().split("?")[0].endswith(kinds.VIDEO_SUFFIXES)


# -- face detection -------------------------------------------------------------------------------


# Where each face product's request names the image or video whose faces change.
FACE_TARGETS = {
    "faceswap": ("targetImage",),
    "faceswap_plus": ("target_url",),
    "faceswap_plus_video": ("target_url",),
    "faceswap_video": ("modifyVideo",),
    "reage": ("modifyImage",),
    "reage_video": ("modifyVideo",),
}


def changed_faces(kind: JobKind, fields: dict[str, Any]) -> int:
    """How many people's faces the create would change, as AKOOL counts them: everyone its
    target shows all through (0 for other products; 1 in single-face mode)."""
    if kind.name not in FACE_TARGETS:
        return 0
    if fields.get("single_face_mode"):
        return 1
    counts = [0]
    for name in FACE_TARGETS[kind.name]:
        value = fields.get(name)
        items = value if isinstance(value, list) else [{"path": value}]
        paths = [str(i.get("path", "")) for i in items if isinstance(i, dict)]
        counts += [len(items), *(_people(p) for p in paths)]
    return max(counts)


def _people(url: str) -> int:
    """Everyone the image or video shows, in every frame (a late crowd too)."""
    return 9 if CROWD_TRIGGER in url.lower() else face_count(url)


def face_count(url: str) -> int:
    text = url.lower()
    if NO_FACE_TRIGGER in text:
        return 0
    if MANY_FACES_TRIGGER in text:
        return 3
    if LATE_CROWD_TRIGGER in text:
        return 1  # in the frames detection samples
    if CROWD_TRIGGER in text:
        return 9
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


# -- avatars ------------------------------------------------------------------------------------

# AKOOL's own avatars (from 2), as the avatar list documents them.
LIBRARY_AVATARS = tuple(
    {
        "_id": f"{n:024x}",
        "name": name,
        "avatar_id": avatar_id,
        "url": f"/_sandbox/files/library-{avatar_id}.jpg",
        "gender": gender,
        "thumbnailUrl": "",
        "from": 2,
        "type": 1,
        "status": 3,
    }
    for n, (avatar_id, name, gender) in enumerate(
        (("SandboxAnna01", "Anna", "female"), ("SandboxLeo01", "Leo", "male")), 1
    )
)


def avatars(state: Any, query: dict[str, str], base_url: str) -> list[dict[str, Any]]:
    """avatar/list: AKOOL's (from=2), the account's finished uploads (from=3), or both."""
    library = [{**a, "url": base_url + str(a["url"])} for a in LIBRARY_AVATARS]
    own = [
        {
            "_id": job.id,
            "name": job.request.get("name", ""),
            "avatar_id": job.request.get("avatar_id", ""),
            "url": job.request.get("url", ""),
            "gender": "",
            "thumbnailUrl": "",
            "from": 3,
            "type": job.request.get("type", 1),
            "status": 3,
        }
        for job in list(state.jobs.values())
        if job.kind == "avatar" and state.status(job) == 3
    ]
    wanted = query.get("from")
    found = library if wanted == "2" else own if wanted == "3" else library + own
    page, size = int(query.get("page") or 1), int(query.get("size") or 100)
    return found[(page - 1) * size : page * size]

"""Faces as AKOOL's face detection reports them, and the face swap and reage requests built from them.

Face swap and reage take the faces to change as data only face detection gives (a face's cropped
image, its landmarks, its box), so their requests are completed just before they are sent: akool
asks `detect_faces` about each image or video, pairs the faces, and writes `sourceImage` /
`targetImage` (`{path, opts}`) or Face Swap Plus's `face_mapping` as each product's page says.
Nobody types landmarks. No I/O here: the finder that asks AKOOL is passed in.

Which detection field goes where (AKOOL's pages):
* Face Swap Pro (image-faceswap-v4): `opts` = `crop_landmarks`, paired with the crop they are
  relative to, `face_urls` (detect-faces.mdx's own example: `{"path": face_urls[0], "opts":
  crop_landmarks[0]}`); both `opts` are optional when each side has one face.
* v3 video face swap and reage: `path` = the face's link (`face_urls`), `opts` = `landmarks_str`.
* Face Swap Plus: `face_url` = the original image with `bbox` = `crop_region` as [x1, y1, x2, y2]
  (faceswap-plus.mdx's conversion); a video's faces are its `face_urls` crops (no bbox needed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from akool_cli.core import contract
from akool_cli.core.errors import RejectedError, UnavailableError, UsageError
from akool_cli.core.kinds import FieldsRequest

# "The number of people who can have their faces changed cannot exceed 8" (code 1007 on the face
# swap and reage pages); Face Swap Pro's arrays take 50 items (faceswap.yaml), which 8 keeps.
MAX_FACES = 8
VIDEO_FRAMES = 5  # detect_faces' documented default for videos, sent explicitly


@dataclass(frozen=True)
class Face:
    """One face in one frame of detect_faces' answer (the aligned lists, item by item)."""

    landmarks_str: str = ""
    region: tuple[float, ...] = ()  # [x, y, w, h] in the original
    face_url: str = ""  # the cropped face (return_face_url)
    crop_region: tuple[float, ...] = ()  # [x, y, w, h] of the crop in the original
    crop_landmarks: str = ""  # landmarks relative to the crop

    def bbox(self) -> list[float]:
        """crop_region [x, y, w, h] as Face Swap Plus's bbox [x1, y1, x2, y2] (faceswap-plus.mdx)."""
        if len(self.crop_region) != 4:
            raise UnavailableError("AKOOL's face detection gave no crop_region for a face")
        x, y, width, height = self.crop_region
        return [x, y, x + width, y + height]


def read_faces(payload: Mapping[str, Any]) -> list[Face]:
    """The faces of detect_faces' answer: an image's frame "0", or the video frame showing the
    most faces (the earliest of equals). Raises RejectedError for error_code 1."""
    if payload.get("error_code") != 0:
        message = str(payload.get("error_msg") or "no reason given")
        raise RejectedError(
            f"AKOOL's face detection failed: {message}",
            hint="check that each image or video URL serves the file itself (JPEG, PNG, MP4)",
        )
    frames = payload.get("faces_obj")
    if not isinstance(frames, dict):
        return []
    found: list[list[Face]] = [_frame(frames[key]) for key in sorted(frames, key=_frame_order)]
    return max(found, key=len, default=[])


def _frame_order(key: str) -> tuple[int, str]:
    return (int(key), key) if key.isdigit() else (1 << 30, key)


def _frame(frame: Any) -> list[Face]:
    if not isinstance(frame, dict):
        return []
    regions = _list(frame.get("region"))
    names = ("landmarks_str", "face_urls", "crop_region", "crop_landmarks")
    columns = {name: _list(frame.get(name)) for name in names}
    return [
        Face(
            landmarks_str=_text(_item(columns["landmarks_str"], n)),
            region=_box(region),
            face_url=_text(_item(columns["face_urls"], n)),
            crop_region=_box(_item(columns["crop_region"], n)),
            crop_landmarks=_text(_item(columns["crop_landmarks"], n)),
        )
        for n, region in enumerate(regions)
    ]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _item(values: list[Any], n: int) -> Any:
    return values[n] if n < len(values) else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _box(value: Any) -> tuple[float, ...]:
    if not isinstance(value, list) or len(value) != 4:
        return ()
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return ()
    return tuple(value)


class FaceFinder(Protocol):
    """Asks AKOOL's face detection about an image or a video (net/api.py's client)."""

    def find_faces(self, url: str, *, video: bool = False) -> list[Face]: ...


def pairs(source: list[Face], target: list[Face], where: str) -> list[tuple[Face, Face]]:
    """Which source face goes onto which target face: one source face onto every target face,
    or as many on each side, in detection order (left to right as AKOOL lists them); at most
    MAX_FACES of them."""
    at_most(len(target), where)
    if not source:
        raise UsageError(
            "AKOOL's face detection found no face in the source image",
            hint="use a clear, front-facing photo of the new face",
        )
    if not target:
        raise UsageError(
            f"AKOOL's face detection found no face in the {where}",
            hint=f"use a {where} where the faces are clearly visible",
        )
    if len(source) == 1:
        return [(source[0], face) for face in target]
    if len(source) == len(target):
        return list(zip(source, target, strict=True))
    raise UsageError(
        f"the source image shows {len(source)} faces and the {where} {len(target)}; akool pairs "
        "faces in order when both show as many, or puts one source face on every target face",
        hint="use a source image with one face, or one with as many faces as the target",
    )


def at_most(count: int, where: str) -> None:
    """No more faces than AKOOL changes in one job (its code 1007), refused before billing."""
    if count > MAX_FACES:
        raise UsageError(
            f"the {where} shows {count} faces; AKOOL changes at most {MAX_FACES} faces in one "
            "job (its code 1007)",
            hint=f"crop the {where} to {MAX_FACES} faces or fewer, or swap them in several jobs",
        )


def items(faces: list[Face], opts: str) -> list[dict[str, str]]:
    """`[{path, opts}]`: each face's crop and its landmarks (`crop_landmarks` or `landmarks_str`)."""
    found = []
    for face in faces:
        landmarks = face.crop_landmarks if opts == "crop_landmarks" else face.landmarks_str
        if not face.face_url or not landmarks:
            raise UnavailableError(
                f"AKOOL's face detection gave a face without face_urls or {opts}",
                hint="try again; if it persists, run with --debug and report the answer",
            )
        found.append({"path": face.face_url, "opts": landmarks})
    return found


@dataclass(frozen=True)
class FacesRequest(FieldsRequest):
    """A request given as akool's fields (`source_url`, `target_url`, ...) whose body is made from
    face detection just before it is sent (`complete`); its inputs are the fields given."""

    endpoint: ClassVar[contract.Endpoint]

    def body(self) -> dict[str, Any]:
        """akool's fields, as planned (a dry run, an estimate); what is sent is complete()'s."""
        return dict(self.fields)

    def complete(self, finder: FaceFinder) -> Completed:
        body = self.made(finder)
        hook = self.fields.get(self.webhook_field)
        if hook:
            body[self.webhook_field] = hook
        problems = contract.request_problems(self.endpoint, body)
        if problems:
            raise UsageError(
                "the request is not valid: " + "; ".join(problems),
                hint="check the inputs; if they are fine, run with --debug and report it",
            )
        return Completed(body, self.inputs())

    def made(self, finder: FaceFinder) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True)
class Completed:
    """A request whose body is complete: what is sent, and the inputs the history keeps."""

    sent: dict[str, Any]
    given: dict[str, Any]

    def body(self) -> dict[str, Any]:
        return dict(self.sent)

    def inputs(self) -> dict[str, Any]:
        return dict(self.given)


class ProSwap(FacesRequest):
    """Face Swap Pro: sourceImage / targetImage, `opts` from detection when either side shows
    more than one face (optional, and left out, when each shows one)."""

    endpoint = contract.FACESWAP_PRO

    def made(self, finder: FaceFinder) -> dict[str, Any]:
        f = self.fields
        body: dict[str, Any] = {k: f[k] for k in ("model_name", "face_enhance") if k in f}
        source, target = str(f["source_url"]), str(f["target_url"])
        if f.get("single_face_mode"):
            body["single_face_mode"] = True
            return {"sourceImage": [{"path": source}], "targetImage": [{"path": target}], **body}
        found = pairs(finder.find_faces(source), finder.find_faces(target), "target image")
        if len(found) == 1:  # one face on each side: opts are optional, and left out
            return {"sourceImage": [{"path": source}], "targetImage": [{"path": target}], **body}
        return {
            "sourceImage": items([s for s, _ in found], "crop_landmarks"),
            "targetImage": items([t for _, t in found], "crop_landmarks"),
            **body,
        }


class PlusSwap(FacesRequest):
    """Face Swap Plus: face_mapping from detection (single_face_mode needs none)."""

    endpoint = contract.FACESWAP_PLUS
    video: ClassVar[bool] = False

    def made(self, finder: FaceFinder) -> dict[str, Any]:
        f = self.fields
        keep = ("source_url", "target_url", "face_enhance", "model_style", "single_face_mode")
        body: dict[str, Any] = {k: f[k] for k in keep if k in f}
        if f.get("single_face_mode"):
            return body
        source, target = str(f["source_url"]), str(f["target_url"])
        where = "target video" if self.video else "target image"
        found = pairs(finder.find_faces(source), finder.find_faces(target, video=self.video), where)
        body["face_mapping"] = [
            {
                "source_face_info": {"face_url": source, "bbox": s.bbox()},
                "target_face_info": self._target(target, t),
            }
            for s, t in found
        ]
        return body

    def _target(self, target: str, face: Face) -> dict[str, Any]:
        if self.video:
            # A video's faces are crops of one of its frames (face_urls): no bbox needed.
            if not face.face_url:
                raise UnavailableError("AKOOL's face detection gave a face without face_urls")
            return {"face_url": face.face_url}
        return {"face_url": target, "bbox": face.bbox()}


class PlusVideoSwap(PlusSwap):
    video = True


class VideoSwap(FacesRequest):
    """v3 video face swap: sourceImage / targetImage as face links with landmarks_str, in the
    same order ("sourceImage and targetImage correspond to each other in order")."""

    endpoint = contract.FACESWAP_VIDEO

    def made(self, finder: FaceFinder) -> dict[str, Any]:
        f = self.fields
        source, target = str(f["source_url"]), str(f["target_url"])
        found = pairs(finder.find_faces(source), finder.find_faces(target, video=True), "video")
        return {
            "sourceImage": items([s for s, _ in found], "landmarks_str"),
            "targetImage": items([t for _, t in found], "landmarks_str"),
            "face_enhance": 1 if f.get("face_enhance") else 0,
            "modifyVideo": target,
        }


class Reage(FacesRequest):
    """Reage: every face detected in the image or video, made `face_reage` years older/younger."""

    endpoint = contract.REAGE_IMAGE
    video: ClassVar[bool] = False

    def made(self, finder: FaceFinder) -> dict[str, Any]:
        f = self.fields
        medium = "modifyVideo" if self.video else "modifyImage"
        target = str(f[medium])
        faces = finder.find_faces(target, video=self.video)
        at_most(len(faces), "video" if self.video else "image")
        if not faces:
            where = "video" if self.video else "image"
            raise UsageError(
                f"AKOOL's face detection found no face in the {where}",
                hint=f"use a {where} where the faces are clearly visible",
            )
        return {
            "targetImage": items(faces, "landmarks_str"),
            "face_reage": f["face_reage"],
            medium: target,
        }


class ReageVideo(Reage):
    endpoint = contract.REAGE_VIDEO
    video = True

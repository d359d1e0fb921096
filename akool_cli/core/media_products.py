"""The request half of AKOOL's image, face and voice products (see products.py): their fields as
parameters, the rules between them, one example each. products.py imports this module, which
registers each product.

Face swap and reage are given as akool's fields (`source_url`, `target_url`, the image or video to
change) and their AKOOL bodies are made from face detection just before sending (faces.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from akool_cli.core import faces, media_kinds
from akool_cli.core.products import PRODUCTS, Param, Product

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
        example="akool faceswap face.jpg group.jpg --upload-to s3://b/akool/ -o out/",
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
        example="akool faceswap face.jpg --video clip.mp4 --plus --upload-to s3://b/akool/",
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
        example="akool reage portrait.jpg --age 20 --upload-to s3://b/akool/ -o out/",
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

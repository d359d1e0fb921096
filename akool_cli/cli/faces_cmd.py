"""The face commands: `faceswap` (Face Swap Pro, Plus, video), `reage`, and `cancel`.

Each reads its arguments into the product's fields and hands them to the one product flow
(products_cmd.make): checked, uploaded, created once and recorded, followed when asked. The
faces' landmarks come from AKOOL's face detection just before the create: nobody types them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from akool_cli.cli.options import Common, common_options
from akool_cli.cli.products_cmd import FACES_OUTPUT, make
from akool_cli.core.products import VIDEO_SUFFIXES

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command()(faceswap)
    app.command()(reage)
    app.command()(cancel)


@common_options(FACES_OUTPUT)
def faceswap(
    ctx: typer.Context,
    source: str = typer.Argument(
        ..., metavar="SOURCE", help="The new face: an image URL, or a local file with --upload-to."
    ),
    target: str | None = typer.Argument(
        None, metavar="TARGET", help="The image whose faces change (or give --video VIDEO)."
    ),
    video: str | None = typer.Option(
        None, "--video", metavar="VIDEO", help="Swap the faces of this video instead."
    ),
    plus: bool = typer.Option(
        False, "--plus", help="Face Swap Plus: each face mapped; images and videos."
    ),
    enhance: bool = typer.Option(False, "--enhance", help="Enhance the swapped faces."),
    single_face: bool = typer.Option(
        False, "--single-face", help="One face, without face detection (AKOOL picks it)."
    ),
    style: str | None = typer.Option(
        None, "--style", metavar="STYLE", help="--plus: realistic (default), beautify, lossless."
    ),
    *,
    common: Common,
) -> None:
    """Put the face in SOURCE onto the faces of TARGET (AKOOL Face Swap Pro, an image).

    When either image shows several faces, akool asks AKOOL's face detection for each face's
    crop and landmarks and pairs them in order (one source face goes onto every target face).
    --plus uses Face Swap Plus; --video VIDEO swaps a video's faces (with --plus, by Plus).
    The result is saved as what it is (<id>.jpg, .png, .webp or .mp4 under -o DIR/).

    Example: akool faceswap face.jpg group.jpg --upload-to s3://bucket/akool/ -o out/
    """
    from akool_cli.core import products

    kind, fields = _swap(source, target, video, plus=plus, single_face=single_face, style=style)
    fields["face_enhance"] = enhance or None
    make(ctx, products.PRODUCTS[kind], fields, common)


def _swap(
    source: str,
    target: str | None,
    video: str | None,
    *,
    plus: bool,
    single_face: bool,
    style: str | None,
) -> tuple[str, dict[str, object]]:
    """The kind and the fields of a face swap, or a UsageError for options that do not fit."""
    from akool_cli.client import media_kind
    from akool_cli.core.errors import UsageError

    if (target is None) == (video is None):
        raise UsageError(
            "give TARGET (an image) or --video VIDEO, not both" if target else "missing TARGET",
            hint="e.g. akool faceswap face.jpg photo.jpg, or akool faceswap face.jpg --video v.mp4",
        )
    if target is not None and target.lower().split("?")[0].endswith(VIDEO_SUFFIXES):
        raise UsageError(f"TARGET {target!r} looks like a video", hint=f"use: --video {target}")
    if style is not None and not plus:
        raise UsageError("--style goes with --plus", hint="add --plus, or drop --style")
    kind = media_kind("faceswap", plus=plus, video=video is not None)
    if single_face and kind == "faceswap_video":
        raise UsageError(
            "--single-face goes with images or --plus",
            hint="the v3 video face swap always maps faces: drop --single-face, or add --plus",
        )
    fields: dict[str, object] = {
        "source_url": source,
        "target_url": target or video,
        "single_face_mode": single_face or None,
        "model_style": style,
    }
    return kind, fields


@common_options(FACES_OUTPUT)
def reage(
    ctx: typer.Context,
    image: str | None = typer.Argument(
        None, metavar="IMAGE", help="The image: a URL, or a local file with --upload-to."
    ),
    video: str | None = typer.Option(
        None, "--video", metavar="VIDEO", help="Make a video's faces older or younger instead."
    ),
    age: int = typer.Option(
        ..., "--age", metavar="N", help="Years older (up to 30), or younger when negative (-30)."
    ),
    *,
    common: Common,
) -> None:
    """Make the faces of IMAGE (or of --video VIDEO) older or younger (AKOOL reage).

    Every face AKOOL's face detection finds is changed. Cancel a running job: akool cancel ID.

    Example: akool reage portrait.jpg --age 20 --upload-to s3://bucket/akool/ -o out/
    """
    from akool_cli.client import media_kind
    from akool_cli.core import products
    from akool_cli.core.errors import UsageError

    if (image is None) == (video is None):
        raise UsageError(
            "give IMAGE or --video VIDEO, not both" if image else "missing IMAGE (or --video)",
            hint="e.g. akool reage portrait.jpg --age 20",
        )
    kind = media_kind("reage", video=video is not None)
    field = "modifyVideo" if video is not None else "modifyImage"
    make(ctx, products.PRODUCTS[kind], {field: image or video, "face_reage": age}, common)


def cancel(
    ctx: typer.Context,
    job_id: str = typer.Argument(..., metavar="JOB_ID", help="The job to cancel."),
    json_out: bool = typer.Option(False, "--json", help="Print the job as one JSON object."),
) -> None:
    """Cancel a job that is still running (AKOOL documents a cancel for reage only)."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        job = lib.cancel(job_id)
    if json_out:
        out.json(job.to_json())
    else:
        out.info(f"Asked AKOOL to cancel {job.id}; it is {job.state} now")
        out.data(job.id)

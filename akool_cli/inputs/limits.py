"""A product's documented limits on its local input files, checked before upload and billing: the
size of any file (a voice clone's recording: 30 MB), and a video's duration and frame rate (read
from the MP4's boxes, core/mp4facts.py).

A URL is left to AKOOL (its answer's code is explained then); a file whose boxes akool cannot
read is too, since AKOOL may still take it.
"""

from __future__ import annotations

from pathlib import Path

from akool_cli.core.mediatypes import Role
from akool_cli.core.mp4facts import video_facts
from akool_cli.core.products import Limits

MB = 1024 * 1024
FILES: dict[Role, str] = {
    "video": "videos",
    "audio": "recordings",
    "image": "images",
    "subtitle": "subtitle files",
}


def input_problems(
    path: Path, size: int, limits: Limits, noun: str, role: Role, kind: str | None = None
) -> tuple[list[str], list[str]]:
    """(problems that stop it, warnings) for a local file given to a product as `role`, of
    `kind` as its bytes say (mediatypes' name: "WebP")."""
    problems: list[str] = []
    if limits.refuses(role, kind):
        problems.append(f"{path} is {kind}; AKOOL's {noun} takes {limits.accepted(role)}")
    if limits.max_bytes is not None and size > limits.max_bytes:
        shown = f"{size / MB:.0f}" if size >= limits.max_bytes + MB else f"{size / MB:.2f}"
        problems.append(
            f"{path} is {shown} MB; AKOOL's {noun} takes {FILES[role]} of "
            f"{limits.max_bytes / MB:.0f} MB at most"
        )
    if role != "video":
        return problems, []
    stop, warnings = video_problems(path, size, limits, noun)
    return problems + stop, warnings


def video_problems(path: Path, size: int, limits: Limits, noun: str) -> tuple[list[str], list[str]]:
    """(problems that stop it, warnings) for a local video's length and frame rate."""
    problems: list[str] = []
    warnings: list[str] = []
    try:
        with path.open("rb") as handle:

            def read(offset: int, count: int) -> bytes:
                handle.seek(offset)
                return handle.read(count)

            facts = video_facts(read, size)
    except OSError:
        facts = None
    if facts is None:
        return problems, warnings
    seconds, fps = facts.seconds, facts.fps
    if seconds is not None and limits.max_seconds is not None and seconds > limits.max_seconds:
        problems.append(
            f"{path} is {seconds:.1f} s long; AKOOL's {noun} takes videos of "
            f"{limits.max_seconds:g} s at most"
        )
    if seconds is not None and limits.min_seconds is not None and seconds < limits.min_seconds:
        problems.append(
            f"{path} is {seconds:.1f} s long; AKOOL's {noun} takes videos of "
            f"{limits.min_seconds:g} s at least"
        )
    if fps is not None and limits.max_fps is not None and fps > limits.max_fps + 0.5:
        problems.append(
            f"{path} has {fps:.0f} frames per second; AKOOL's {noun} takes "
            f"{limits.max_fps:g} fps at most"
        )
    elif fps is not None and limits.warn_fps is not None and fps > limits.warn_fps + 0.5:
        warnings.append(
            f"{path} has {fps:.0f} frames per second; AKOOL recommends {limits.warn_fps:g} or "
            f"less for {noun} (more degrades the result)"
        )
    return problems, warnings

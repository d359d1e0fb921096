"""Result files named by what they are: an image job's result may be JPEG, PNG or WebP and a voice's
MP3 or WAV whatever its URL says, so a file akool names itself (`<id><suffix>` under `-o DIR/`) gets
the suffix of its first bytes once it is saved. A name the user gave is kept as given.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from akool_cli.core import mediatypes
from akool_cli.core.errors import TargetExistsError
from akool_cli.core.kinds import JobKind
from akool_cli.jobs.download import DownloadResult
from akool_cli.store.journal import JobRecord

SUFFIXES: dict[mediatypes.Kind, str] = {
    mediatypes.JPEG: ".jpg",
    mediatypes.PNG: ".png",
    mediatypes.WEBP: ".webp",
    mediatypes.MP3: ".mp3",
    mediatypes.WAV: ".wav",
    mediatypes.M4A: ".m4a",
    mediatypes.AAC: ".aac",
    mediatypes.OGG: ".ogg",
    mediatypes.FLAC: ".flac",
}
SNIFFED = ("image", "audio")  # the results whose suffix their bytes decide


def suffix_of(path: Path) -> str | None:
    """The suffix the file's first bytes call for, or None when they say nothing we know."""
    with path.open("rb") as handle:
        head = handle.read(mediatypes.SNIFF_BYTES)
    kind = mediatypes.sniff(head)
    return SUFFIXES.get(kind) if kind is not None else None


def named_by_akool(target: Path, job_id: str, kind: JobKind) -> bool:
    """Whether akool chose this name (`<id><the kind's suffix>`), so the bytes may rename it."""
    return kind.result in SNIFFED and target.name == f"{job_id}{kind.suffix}"


def settle(result: DownloadResult, job_id: str, kind: JobKind, *, force: bool) -> DownloadResult:
    """The saved result under the name its bytes call for (`<id>.png` for a PNG), when akool
    chose the name; another file already there is never replaced without --force. A name the
    user chose is kept, and `misnamed` says the suffix its bytes call for when it differs."""
    path = result.path
    if not named_by_akool(path, job_id, kind):
        return replace(result, misnamed=misnamed(path, kind))
    suffix = suffix_of(path)
    if suffix is None or suffix == path.suffix:
        return result
    final = path.with_suffix(suffix)
    if final.exists() and not force:
        raise TargetExistsError(
            f"the result of job {job_id} is {suffix[1:].upper()}, and {final} already exists "
            f"(the result was saved as {path})",
            hint="move it away, or run again with --force to replace it",
        )
    os.replace(path, final)
    return replace(result, path=final)


# Suffixes that name the same kind of file as the one the bytes call for.
SAME_SUFFIX = {
    ".jpg": (".jpg", ".jpeg"),
    ".mp4": (".mp4", ".m4v", ".mov"),
    ".m4a": (".m4a", ".mp4"),
}


def misnamed(path: Path, kind: JobKind) -> str | None:
    """The suffix a result's bytes call for, when the user's name says another (me.mp4 for a
    JPEG); None when it fits or the bytes say nothing akool knows."""
    wanted = (suffix_of(path) if kind.result in SNIFFED else None) or (
        ".mp4" if kind.result == "video" else None
    )
    if wanted is None or path.suffix.lower() in SAME_SUFFIX.get(wanted, (wanted,)):
        return None
    return wanted


def target_suffix(record: JobRecord | None, kind: JobKind) -> str:
    """The suffix of a job's file: the one it was saved with, or its kind's."""
    if record is not None and record.downloaded_path:
        saved = Path(record.downloaded_path)
        if saved.stem == record.id and saved.suffix:
            return saved.suffix
    return kind.suffix

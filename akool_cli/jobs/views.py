"""One description of a job for people and for scripts: the table and the JSON come from it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from akool_cli.core import kinds, states
from akool_cli.core.durations import iso
from akool_cli.core.urls import parts_or_none

# The keys of a job in every --json output; documented in docs/json.md and pinned by a test.
JOB_KEYS = (
    "id",
    "state",
    "video_status",
    "video_url",
    "error",
    "created_at",
    "age_seconds",
    "downloaded_path",
    "size",
    "sha256",
    "kind",
    "label",
    "inputs",
    "files",
    "cost",
    "outputs",
    "deleted_at",
    "finished_at",
    "expires_at",
    "expired",
    "detached",
)


def job_view(
    *,
    job_id: str,
    video_status: int,
    video_url: str = "",
    error: str = "",
    created_at: float | None = None,
    downloaded_path: str = "",
    size: int | None = None,
    sha256: str = "",
    now: float,
    kind: str = "talking_photo",
    label: str = "",
    inputs: Mapping[str, Any] | None = None,
    files: Mapping[str, str] | None = None,
    saved: Mapping[str, Mapping[str, Any]] | None = None,
    cost: Mapping[str, float] | None = None,
    outputs: Mapping[str, str] | None = None,
    deleted_at: float | None = None,
    finished_at: float | None = None,
    expires_at: float | None = None,
    detached: str | None = None,
) -> dict[str, Any]:
    """A job's keys (JOB_KEYS): `files` are its other result files by role (`url`, and the
    `path` it was saved to), `cost` the cost fields AKOOL reported (credits, seconds),
    `outputs` what it makes that is not a file (a voice_id, a moderation's verdict),
    `detached` the note of a job that is not its create's (detached_note)."""
    saved = saved or {}
    other = {
        role: {"url": url, "downloaded_path": saved.get(role, {}).get("path")}
        for role, url in (files or {}).items()
    }
    return {
        "id": job_id,
        "state": states.name(video_status),
        "video_status": video_status,
        "video_url": video_url or None,
        "error": error or None,
        "created_at": iso(created_at),
        "age_seconds": None if created_at is None else max(0, int(now - created_at)),
        "downloaded_path": downloaded_path or None,
        "size": size,
        "sha256": sha256 or None,
        "kind": kind,
        "label": label or None,
        "inputs": dict(inputs or {}),
        "files": other,
        "cost": dict(cost or {}),
        "outputs": dict(outputs or {}),
        "deleted_at": iso(deleted_at),
        "finished_at": iso(finished_at),
        "expires_at": iso(expires_at),
        "expired": expired(video_status, expires_at, now),
        "detached": detached or None,
    }


def detached_note(attempt: int | None) -> str:
    """What is said of a detached job: its first status read showed other inputs than its
    create (`attempt`) sent (a server gave that create another one's id; core/answers.py), so
    it is not that create's job and nothing follows or downloads it for it."""
    create = f"its create (attempt {attempt})" if attempt is not None else "its create"
    return f"detached: AKOOL reports other inputs than {create} sent; see akool settle"


# What a result past its expiry is called wherever a job is shown.
EXPIRED_NOTE = "expired on AKOOL (it keeps results 7 days after they finish)"


def expired(video_status: int, expires_at: float | None, now: float) -> bool:
    """Whether AKOOL has deleted a done job's result: past its expires_at (7 days after it
    finished, as documented; akool counts from the last time it saw the job unfinished)."""
    return video_status == states.Status.DONE and expires_at is not None and now >= expires_at


# A create whose outcome is unknown, as a row of `akool status --json`: a job's keys, then these.
ATTEMPT_KEYS = ("attempt", "hint")


def attempt_view(
    *,
    attempt: int,
    kind: str,
    started_at: float,
    inputs: Mapping[str, Any],
    detail: str,
    hint: str,
    now: float,
) -> dict[str, Any]:
    """A create sent whose answer never came (an unknown outcome): JOB_KEYS with no id and the
    state `unknown` (`error` says what happened), and ATTEMPT_KEYS: the attempt's number and
    what settles it. Shown by `akool status` until it is settled."""
    view = job_view(
        job_id="",
        video_status=0,
        error=f"unknown outcome: {detail}",
        created_at=started_at,
        kind=kind,
        label=str(inputs.get("label") or ""),
        inputs=inputs,
        now=now,
    )
    view.update(id=None, state=states.UNKNOWN, video_status=None)
    return {**view, "attempt": attempt, "hint": hint}


def age(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    for unit, span in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= span:
            return f"{seconds // span}{unit}"
    return f"{seconds}s"


def name_of(view: dict[str, Any]) -> str:
    """What a person recognises a job by: its label, or the file name of its main input."""
    if view.get("label"):
        return str(view["label"])
    inputs = view.get("inputs") or {}
    # The main input of each kind: a portrait or an image, a video, or the text or prompt.
    main = ("image_url", "video_url", "url", "text", "prompt")
    source = next((inputs[key] for key in main if inputs.get(key)), "")
    name = (
        PurePosixPath(parts_or_none(str(source)).path).name if "://" in str(source) else str(source)
    )
    return name[:40] or "-"


def made(view: dict[str, Any]) -> str:
    """What a job that makes an asset or a text made, shown where a file would be: a cloned
    voice's voice_id, an avatar's avatar_id, a moderation's verdict ('' for the others)."""
    kind = kinds.KINDS.get(str(view.get("kind")))
    outputs = view.get("outputs") or {}
    if kind is None or kind.makes == "file" or not kind.shape.outputs:
        return ""
    return str(outputs.get(kind.shape.outputs[0][0]) or "")


def made_lines(view: dict[str, Any]) -> list[str]:
    """made() as the lines to print: an asset's id is one line whatever it holds (its control
    characters are escaped when printed, so a server's id cannot forge a second line); a text's
    lines are its own."""
    said = made(view)
    kind = kinds.KINDS.get(str(view.get("kind")))
    if kind is not None and kind.makes == "asset":
        return [said] if said else []
    return said.splitlines()


def table_row(view: dict[str, Any]) -> list[str]:
    said = " ".join(made(view).split())  # a moderation's text on one line
    detail = view.get("downloaded_path") or view.get("video_url") or said or view.get("error")
    if view.get("deleted_at") and not view.get("downloaded_path"):
        detail = "deleted on AKOOL (akool delete)"
    elif view.get("expired") and not view.get("downloaded_path"):
        detail = EXPIRED_NOTE
    if view.get("detached"):  # not its create's job (and its create an unknown outcome)
        detail = view["detached"]
    if view.get("attempt") is not None:  # an unknown outcome: what settles it
        number = view["attempt"]
        detail = f"unknown outcome: akool settle {number} --created JOB_ID (or --not-created)"
    return [
        str(view["id"] or "?"),
        str(view["state"]),
        age(view.get("age_seconds")),
        str(detail or ""),
        name_of(view),
    ]


# NAME comes last so that scripts reading the TSV by column keep working.
TABLE_COLUMNS = ("ID", "STATE", "AGE", "VIDEO / REASON", "NAME")

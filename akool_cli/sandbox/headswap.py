"""The sandbox's head swap analysis: the first of head swap's two stages, kept apart from the
jobs (it is not a job akool records, nor one the sandbox bills), answered as its pages document.

A video URL containing `twopeople` shows two people, `nobody` none, `fail` fails the analysis.
The task (the second stage) is an ordinary product job (products.py); its create is refused with
code 1003 unless its video_url was analysed here and every obj_id is one of that analysis's.
"""

from __future__ import annotations

from typing import Any

from akool_cli.core import contract
from akool_cli.sandbox.state import SandboxJob, SandboxState

PEOPLE_TRIGGERS = {"twopeople": 2, "nobody": 0}
VIDEO_INFO = {"width": 1916, "height": 1082, "fps": 30, "frame_count": 450}


def people(job: SandboxJob) -> int:
    url = str(job.request.get("video_url", "")).lower()
    return next((n for word, n in PEOPLE_TRIGGERS.items() if word in url), 1)


def analysis_object(job: SandboxJob, status: int, base_url: str) -> dict[str, Any]:
    """An analysis record (submit-analysis.mdx, get-analysis-detail.mdx) in state `status`."""
    done = status == 3
    media = [
        {
            "media_type": "images",
            "obj_id": n,
            "img_url": f"{base_url}/_sandbox/people/{job.id}-{n}.png",
        }
        for n in range(people(job))
    ]
    return {
        "_id": job.id,
        "create_time": int(job.created_wall * 1000),
        "uid": 100001,
        "team_id": "sandbox-team",
        "video_url": job.request.get("video_url", ""),
        "type": job.request.get("type", "head"),
        "status": status,
        "task_id": f"task-{job.id}",
        "progress": 100 if status >= 3 else (0 if status == 1 else 50),
        "analysis_result": (
            {"detected_objects": len(media), "media": media, "video_info": VIDEO_INFO}
            if done
            else None
        ),
        "error_reason": "the sandbox could not analyse the video" if status == 4 else "success",
        "error_code": 1 if status == 4 else 0,
    }


def analyze_problem(fields: dict[str, Any]) -> str | None:
    problems = contract.request_problems(contract.HEADSWAP_ANALYZE, fields)
    if not problems and fields["type"] != "head":
        problems.append("type must be 'head' for head swap")
    return "; ".join(problems) or None


def task_problem(state: SandboxState, fields: dict[str, Any]) -> str | None:
    """Why AKOOL would refuse a task: no finished analysis of this exact video_url, or an obj_id
    the analysis did not find (head-swap/create.mdx)."""
    analysed = [
        job
        for job in state.analyses.values()
        if job.request.get("video_url") == fields.get("video_url") and state.status(job) == 3
    ]
    if not analysed:
        return "video_url must be the identical URL of a finished analysis"
    found = set(range(people(analysed[-1])))
    unknown = [m.get("obj_id") for m in fields.get("mappings", []) if m.get("obj_id") not in found]
    if unknown:
        return f"obj_id {unknown[0]} is not in the analysis of this video"
    if fields.get("model_name") != contract.HEADSWAP_MODEL:
        return "Your current account does not support this feature."
    return None

"""AKOOL's documented advice on talking-photo inputs, as data, for the message of a failed job.

AKOOL's talking-photo guide says a failed job (video_status 4) calls for checking the inputs, and
what good inputs look like; akool repeats that advice (in its own words) where a job failure is
reported: watch, talk and batch.
"""

from __future__ import annotations

ADVICE_PAGE = "docs.akool.com/ai-tools-suite/talking-photo"

# One entry per input: what AKOOL's guide recommends for it.
TALKING_PHOTO_INPUT_ADVICE: tuple[tuple[str, str], ...] = (
    (
        "portrait",
        "a sharp, high-resolution photo whose face is unobstructed, well lit and turned to "
        "the camera",
    ),
    ("audio", "clean speech in a standard format (MP3 is recommended)"),
    ("length", "the audio's length sets the video's length"),
)


def failed_job_hint() -> str:
    """The hint under a failed job's error line."""
    parts = "; ".join(f"{what}: {advice}" for what, advice in TALKING_PHOTO_INPUT_ADVICE)
    return f"check the inputs ({ADVICE_PAGE}): {parts}"


def failed_job_error(reason: str) -> str:
    """One line for a failed job (a batch row's error): AKOOL's reason, then the advice."""
    return f"{reason or 'AKOOL gave no reason'}; {failed_job_hint()}"

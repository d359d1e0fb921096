"""Commands about talking-photo jobs: talk, status, watch."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.contract import RESULT_RETENTION_DAYS
from akool_cli.errors import (
    ExitCode,
    InterruptedByUser,
    JobFailedError,
    UsageError,
)

if TYPE_CHECKING:
    from akool_cli.api import AkoolClient
    from akool_cli.journal import Journal
    from akool_cli.models import JobInfo
    from akool_cli.output import Output
    from akool_cli.runtime import Runtime

DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?$")


def register(app: typer.Typer) -> None:
    app.command()(talk)
    app.command()(watch)


def parse_duration(value: str | None) -> float | None:
    """'90', '90s', '10m', '1h30m' → seconds."""
    if value is None:
        return None
    match = DURATION.fullmatch(value.strip().lower())
    if not value.strip() or not match or not any(match.groups()):
        raise UsageError(
            f"--timeout {value!r} is not a duration",
            hint="use seconds or units, e.g. --timeout 600, --timeout 10m, --timeout 1h30m",
        )
    hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise UsageError(f"--timeout {value!r} must be more than zero")
    return total


def _check_interval(value: float) -> float:
    from akool_cli.inputs import check_range

    return check_range("--interval", value)


def _output_targets(output: str | None, job_ids: list[str], *, force: bool) -> dict[str, Path]:
    """Where each job's video goes, checked before any work starts."""
    from akool_cli.download import check_target, resolve_target

    if output is None:
        return {}
    if not output.strip():
        raise UsageError("-o/--output is empty", hint="e.g. -o video.mp4 or -o videos/")
    many = len(job_ids) > 1
    targets = {job_id: resolve_target(output, job_id, many=many) for job_id in job_ids}
    for target in targets.values():
        check_target(target, force=force)
    return targets


def _check_output_before_create(output: str | None, *, force: bool) -> None:
    """talk -o: refuse a bad target before the billable create (the job id is not known yet)."""
    _output_targets(output, ["placeholder"], force=force)


def view_of(info: JobInfo, created_at: float | None = None, **extra: Any) -> dict[str, Any]:
    """The job as tables and --json show it (views.job_view), from AKOOL's answer."""
    from akool_cli.views import job_view

    if created_at is None and info.create_time_ms:
        created_at = info.create_time_ms / 1000
    return job_view(
        job_id=info.id,
        video_status=info.video_status,
        video_url=info.video_url,
        error=info.error_reason,
        created_at=created_at,
        **extra,
    )


def _follow(
    out: Output,
    client: AkoolClient,
    journal: Journal,
    job_ids: list[str],
    *,
    targets: dict[str, Path],
    force: bool,
    interval: float,
    timeout: float | None,
    first_poll_delay: float,
) -> tuple[list[dict[str, Any]], ExitCode]:
    """Follow jobs to the end with a live display; returns their views and the exit code."""
    from akool_cli.jobs import follow_jobs

    with out.job_display(job_ids) as display:

        def on_update(job_id: str, info: JobInfo, previous: JobInfo | None) -> None:
            detail = info.video_url if info.video_status == 3 else info.error_reason
            if info.progress is not None and not info.finished:
                detail = f"{info.progress:.0f}%"
            if info.state == "unknown":
                # Not a documented state: show the raw value and keep following the job.
                detail = f"video_status {info.raw.get('video_status')!r}"
            display.state(job_id, info.state, detail, info.progress)

        try:
            result = follow_jobs(
                client,
                job_ids,
                journal=journal,
                targets=targets,
                force=force,
                interval=interval,
                first_poll_delay=first_poll_delay,
                timeout=timeout,
                on_update=on_update,
                on_downloaded=lambda job_id, d: display.downloaded(job_id, str(d.path), d.size),
                on_tick=display.tick,
                progress_for=lambda job_id: (
                    lambda received, total: display.bytes(job_id, received, total)
                ),
            )
        except KeyboardInterrupt:
            ids = " ".join(job_ids)
            raise InterruptedByUser(
                "stopped watching; the job(s) keep running on AKOOL",
                hint=f"resume with: akool watch {ids}",
            ) from None

    views = []
    failed = []
    for job_id in job_ids:
        info = result.jobs.get(job_id)
        if info is None:
            continue
        record = journal.get(job_id)
        downloaded = result.downloads.get(job_id)
        views.append(
            view_of(
                info,
                created_at=record.created_at if record else None,
                downloaded_path=str(downloaded.path) if downloaded else "",
                size=downloaded.size if downloaded else None,
                sha256=downloaded.sha256 if downloaded else "",
            )
        )
        if info.video_status == 4:
            failed.append(job_id)
            out.error(f"job {job_id} failed: {info.error_reason or 'AKOOL gave no reason'}")
        elif info.video_status == 3 and downloaded is None and job_id not in result.errors:
            out.info(
                f"AKOOL keeps results for {RESULT_RETENTION_DAYS} days; "
                f"download with: akool watch {job_id} -o {job_id}.mp4"
            )
    code = ExitCode.OK
    for job_id, error in result.errors.items():
        out.error(f"{job_id}: {error.message}", error.hint)
        code = error.exit_code
    if failed and code == ExitCode.OK:
        code = JobFailedError.exit_code
    return views, code


def _check_speech_options(
    audio_url: str | None, text: str | None, voice: str | None, speed: float | None
) -> str | None:
    """Exactly one of AUDIO_URL and --text; --voice goes with --text. Returns the text."""
    if text is not None and audio_url is not None:
        raise UsageError(
            "give either AUDIO_URL or --text, not both",
            hint="drop AUDIO_URL to make the speech from --text",
        )
    if text is None:
        if audio_url is None:
            raise UsageError(
                "missing AUDIO_URL (or --text with --voice)",
                hint="e.g. akool talk IMAGE_URL AUDIO_URL, or akool talk IMAGE_URL --text Hi --voice ID",
            )
        if voice is not None or speed is not None:
            raise UsageError("--voice and --speed go with --text", hint='add --text "..."')
        return None
    if not text.strip():
        raise UsageError("--text is empty", hint='e.g. --text "Hello from akool"')
    if voice is None or not voice.strip():
        raise UsageError("--text needs --voice VOICE_ID", hint="list voices with: akool voices")
    return text.strip()


def _print_results(out: Output, views: list[dict[str, Any]]) -> None:
    for view in views:
        result = view.get("downloaded_path") or view.get("video_url")
        if result:
            out.data(str(result))


def talk(
    ctx: typer.Context,
    image_url: str = typer.Argument(
        ..., metavar="IMAGE_URL", help="Portrait image URL (http/https)."
    ),
    audio_url: str | None = typer.Argument(
        None, metavar="[AUDIO_URL]", help="Speech audio URL (http/https); or use --text."
    ),
    prompt: str | None = typer.Option(None, "--prompt", help="Guidance for gestures and movement."),
    resolution: str | None = typer.Option(
        None, "--resolution", metavar="720|1080", help="Output resolution."
    ),
    webhook_url: str | None = typer.Option(
        None, "--webhook-url", metavar="URL", help="Where AKOOL POSTs the result."
    ),
    wait: bool = typer.Option(False, "--wait", help="Follow the job until it is done or failed."),
    output: str | None = typer.Option(
        None, "-o", "--output", metavar="PATH", help="Download the video here (implies --wait)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
    interval: float = typer.Option(3.0, "--interval", metavar="S", help="First poll interval."),
    timeout: str | None = typer.Option(
        None, "--timeout", metavar="DURATION", help="Stop waiting after this long (e.g. 10m)."
    ),
    text: str | None = typer.Option(
        None, "--text", help="Make the speech from this text with AKOOL's VoiceLab first."
    ),
    voice: str | None = typer.Option(
        None, "--voice", metavar="VOICE_ID", help="The VoiceLab voice for --text (akool voices)."
    ),
    speed: float | None = typer.Option(
        None, "--speed", metavar="S", help="Speech speed for --text, 0.7 to 1.2."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object for the job."),
) -> None:
    """Create a talking-photo video from a portrait URL and an audio URL (or --text).

    Prints the job id on stdout, so scripts can do: id=$(akool talk IMAGE_URL AUDIO_URL)
    With --text "Hello" --voice VOICE_ID the speech is made with AKOOL's VoiceLab first.
    """
    from akool_cli.inputs import TalkRequest, check_input_url, check_resolution, check_speed
    from akool_cli.jobs import create_job, synthesize_speech

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    speech_text = _check_speech_options(audio_url, text, voice, speed)
    check_speed(speed)
    request = TalkRequest(
        image_url=check_input_url(image_url, "image URL"),
        audio_url=check_input_url(audio_url, "audio URL") if audio_url is not None else "",
        prompt=prompt.strip() if prompt and prompt.strip() else None,
        resolution=check_resolution(resolution),
        webhook_url=check_input_url(webhook_url, "webhook URL") if webhook_url else None,
    )
    timeout_s = parse_duration(timeout)
    _check_interval(interval)
    _check_output_before_create(output, force=force)
    credential = runtime.credential()
    with runtime.client(credential) as client, runtime.journal() as journal:
        extra: dict[str, Any] = {}
        if speech_text is not None:
            assert voice is not None
            speech = synthesize_speech(
                client,
                journal,
                speech_text,
                voice.strip(),
                speed=speed,
                profile=runtime.profile,
                timeout=timeout_s,
                on_update=lambda s: out.info(f"speech {s.id} {s.state}"),
            )
            out.info(f"Speech ready: {speech.audio_url}")
            request = replace(request, audio_url=speech.audio_url)
            extra = {"speech_job": speech.id, "text": speech_text, "voice": voice.strip()}
        job = create_job(client, journal, request, profile=runtime.profile, extra_inputs=extra)
        # The id is committed to the journal; only now is it shown.
        if not json_out:
            out.data(job.id)
        follow = wait or output is not None
        if not follow:
            out.info(f"Created job {job.id}; follow it with: akool watch {job.id}")
            if json_out:
                out.json(view_of(job, created_at=time.time()))
            return
        targets = _output_targets(output, [job.id], force=force)
        views, code = _follow(
            out,
            client,
            journal,
            [job.id],
            targets=targets,
            force=force,
            interval=interval,
            timeout=timeout_s,
            first_poll_delay=interval,
        )
    if json_out:
        out.json(views[0] if views else view_of(job))
    else:
        for view in views:
            if view.get("downloaded_path"):
                out.info(f"Saved {view['downloaded_path']}")
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


def watch(
    ctx: typer.Context,
    job_ids: list[str] = typer.Argument(..., metavar="JOB_ID...", help="Job ids to follow."),
    interval: float = typer.Option(3.0, "--interval", metavar="S", help="First poll interval."),
    timeout: str | None = typer.Option(
        None, "--timeout", metavar="DURATION", help="Stop waiting after this long (e.g. 10m)."
    ),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        metavar="DIR|PATH",
        help="Download finished videos (a directory for several jobs).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace existing output files."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """Follow jobs until each is done or failed, optionally downloading the videos.

    Prints each result (downloaded path, or video URL) on stdout. Exit 6 if a job failed,
    7 if --timeout passed (the jobs keep running; run the same command to resume).
    """
    from akool_cli.inputs import check_job_id

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    ids = list(dict.fromkeys(check_job_id(j) for j in job_ids))
    timeout_s = parse_duration(timeout)
    _check_interval(interval)
    targets = _output_targets(output, ids, force=force)
    with runtime.client() as client, runtime.journal() as journal:
        views, code = _follow(
            out,
            client,
            journal,
            ids,
            targets=targets,
            force=force,
            interval=interval,
            timeout=timeout_s,
            first_poll_delay=0.0,
        )
    if json_out:
        out.json(views)
    else:
        _print_results(out, views)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))

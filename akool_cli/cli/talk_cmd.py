"""The `talk` and `watch` commands: create a talking photo, follow jobs, download the videos."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli, options
from akool_cli.core import interrupts, kinds
from akool_cli.core.contract import RESULT_RETENTION_DAYS
from akool_cli.core.errors import (
    ExitCode,
    JobFailedError,
    UsageError,
    WaitTimeoutError,
)
from akool_cli.core.kinds import JobKind, SpeechRequest
from akool_cli.core.states import Status
from akool_cli.core.validate import TalkRequest

if TYPE_CHECKING:
    from akool_cli.cli.output import JobDisplay, Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Client, Job
    from akool_cli.core.models import JobInfo
    from akool_cli.jobs.watcher import Event, Watcher
    from akool_cli.store.journal import JobRecord, Journal

WATCH_STOPPED = "stopped watching; the job(s) keep running on AKOOL"
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
        raise UsageError(f"--timeout {value!r} must be more than zero", hint="e.g. --timeout 10m")
    return total


def _check_interval(value: float) -> float:
    from akool_cli.core.validate import check_range

    return check_range("--interval", value)


def _output_targets(
    output: str | None,
    job_ids: list[str],
    *,
    force: bool,
    saved: Callable[[str, Path], bool] | None = None,
    suffixes: dict[str, str] | None = None,
) -> dict[str, Path]:
    """Where each job's video goes, checked before any work starts. A job whose video the
    history says is already there (same path, same size) needs no target: nothing to fetch."""
    from akool_cli.jobs.download import check_target, names_directory, resolve_target

    if output is None:
        return {}
    if not output.strip():
        raise UsageError("-o/--output is empty", hint="e.g. -o video.mp4 or -o videos/")
    many = len(job_ids) > 1
    suffixes = suffixes or {}
    targets = {
        job_id: resolve_target(output, job_id, many=many, suffix=suffixes.get(job_id, ".mp4"))
        for job_id in job_ids
    }
    if saved is not None and not force:
        targets = {j: t for j, t in targets.items() if not saved(j, t)}
    for target in targets.values():
        check_target(target, force=force, make_parent=names_directory(output, many=many))
    return targets


def _saved_in(journal: Journal) -> Callable[[str, Path], bool]:
    def saved(job_id: str, target: Path) -> bool:
        record = journal.get(job_id)
        return record is not None and record.saved_at(target)

    return saved


def _check_output_before_create(output: str | None, *, force: bool) -> None:
    """talk -o: refuse a bad target before the billable create (the job id is not known yet)."""
    _output_targets(output, ["placeholder"], force=force)


def _kind_of(record: JobRecord | None) -> JobKind:
    from akool_cli.core import kinds

    return kinds.get(record.kind) if record is not None else kinds.TALKING_PHOTO


def _render(display: JobDisplay, event: Event) -> None:
    """One watcher event on the live display (or as a line per change off a terminal)."""
    from akool_cli.jobs.watcher import Downloaded, Progress, Tick, Updated

    if isinstance(event, Updated):
        info = event.info
        detail = info.video_url if info.video_status == Status.DONE else info.error_reason
        if info.progress is not None and not info.finished:
            detail = f"{info.progress:.0f}%"
        if info.state == "unknown":
            # Not a documented state: show the raw value and keep following the job.
            detail = f"video_status {info.raw.get('video_status')!r}"
        display.state(event.job_id, info.state, detail, info.progress)
    elif isinstance(event, Progress):
        display.bytes(event.job_id, event.received, event.total)
    elif isinstance(event, Downloaded):
        display.downloaded(event.job_id, str(event.result.path), event.result.size)
    elif isinstance(event, Tick):
        display.tick(event.elapsed, event.waiting)


def _follow(
    runtime: Runtime,
    out: Output,
    lib: Client,
    job_ids: list[str],
    *,
    targets: dict[str, Path],
    force: bool,
    interval: float,
    timeout: float | None,
    first_poll_delay: float,
    resume: str,
) -> tuple[list[dict[str, Any]], ExitCode]:
    """Follow jobs to the end with a live display; returns their views and the exit code."""
    from akool_cli.client import Job
    from akool_cli.jobs.views import name_of
    from akool_cli.jobs.watcher import Watcher

    records = {job_id: lib.journal.get(job_id) for job_id in job_ids}
    watcher = Watcher(
        lib.api,
        lib.journal,
        interval=interval,
        timeout=timeout,
        force=force,
        clock=runtime.clock,
        should_stop=interrupts.stop_requested,
    )
    names = {job_id: name_of(Job.of(None, r).to_json(0)) for job_id, r in records.items() if r}
    with out.job_display(job_ids, names) as display, watcher:
        for job_id, record in records.items():
            api = lib.api_of(record)
            watcher.add(
                job_id,
                kind=_kind_of(record),
                target=targets.get(job_id),
                first_poll_delay=first_poll_delay,
                api=api,
            )
        try:
            for event in watcher.events():
                _render(display, event)
        except WaitTimeoutError as exc:
            raise WaitTimeoutError(exc.message, hint=f"resume with: {resume}") from None
        except KeyboardInterrupt:
            raise interrupts.stopped(WATCH_STOPPED, f"resume with: {resume}") from None
    if interrupts.stop_requested():
        raise interrupts.stopped(WATCH_STOPPED, f"resume with: {resume}")
    return _results(out, lib, job_ids, watcher, runtime)


def _results(
    out: Output, lib: Client, job_ids: list[str], watcher: Watcher, runtime: Runtime
) -> tuple[list[dict[str, Any]], ExitCode]:
    from akool_cli.client import Job

    result = watcher.result
    views, failed = [], []
    for job_id in job_ids:
        info = result.jobs.get(job_id)
        if info is None:
            continue
        record = lib.journal.get(job_id)
        job = Job.of(info, record)
        views.append(job.to_json(now=runtime.clock.time()))
        if job.failed:
            failed.append(job_id)
            out.error(
                f"job {job_id} failed: {info.error_reason or 'AKOOL gave no reason'}",
                _kind_of(record).failure_hint,
            )
        elif job.done and job.downloaded_path and job_id not in result.downloads:
            out.info(f"{job_id} was saved earlier: {job.downloaded_path}")
        elif (
            job.done
            and _kind_of(record).makes == "file"
            and job_id not in result.downloads
            and job_id not in result.errors
        ):
            out.info(
                f"AKOOL keeps results for {RESULT_RETENTION_DAYS} days; "
                f"download with: akool watch {job_id} -o {job_id}{_kind_of(record).suffix}"
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
        ..., metavar="IMAGE", help="Portrait: an http(s) URL, or a local file with --upload-to."
    ),
    audio_url: str | None = typer.Argument(
        None,
        metavar="[AUDIO]",
        help="Speech: an http(s) URL, or a local file with --upload-to; or use --text.",
    ),
    prompt: str | None = options.PROMPT,
    resolution: str | None = options.RESOLUTION,
    webhook_url: str | None = options.WEBHOOK_URL,
    wait: bool = options.WAIT,
    output: str | None = options.OUTPUT_FILE,
    force: bool = options.FORCE,
    interval: float = options.INTERVAL,
    timeout: str | None = options.TIMEOUT,
    text: str | None = options.TEXT,
    voice: str | None = options.VOICE,
    speed: float | None = options.SPEED,
    voice_option: list[str] = options.VOICE_OPTION,
    language_code: str | None = options.LANGUAGE_CODE,
    name: str = options.NAME,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object for the job."),
    upload_to: str | None = inputs_cli.UPLOAD_TO,  # local files (akool_cli/inputs/preflight.py)
    url_ttl: str = inputs_cli.URL_TTL,
    no_check: bool = inputs_cli.NO_CHECK,
    check_face: bool = inputs_cli.CHECK_FACE,
) -> None:
    """Create a talking-photo video from a portrait and a speech recording (or --text).

    Prints the job id on stdout, so a script can keep it: id=$(akool talk IMAGE AUDIO)

    Local files are uploaded first: akool talk me.jpg hello.mp3 --upload-to s3://bucket/akool/.
    Before anything is billed, each input URL is fetched the way AKOOL will (HEAD or a small
    range GET): 4xx/5xx answers, HTML pages and files that are not image/audio stop it (exit 2).

    With --text "Hello" --voice VOICE_ID, the speech is made with AKOOL's VoiceLab first.
    """
    from akool_cli.core.speech import speech_request

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    speech_text = _check_speech_options(audio_url, text, voice, speed)
    tts = speech_request(speech_text, voice, voice_option, speed=speed, language_code=language_code)
    inputs = _TalkInputs(image_url, audio_url, prompt, resolution, webhook_url)
    found, checks, request = inputs.check(runtime, upload_to, url_ttl, no_check, check_face)
    timeout_s = parse_duration(timeout)
    _check_interval(interval)
    _check_output_before_create(output, force=force)
    with runtime.library() as lib:
        sent = inputs_cli.prepare(out, found, checks, journal=lib.journal, client=lib.api)
        request = replace(
            request, image_url=sent[image_url], audio_url=sent.get(audio_url or "", "")
        )
        job = _create(out, lib, request, tts, name, timeout_s, json_out, (output, force))
        resume = _watch_command(job.id, output, force)
        if not (wait or output is not None):
            out.info(f"Created job {job.id}; follow it with: akool watch {job.id}")
            if json_out:
                out.json(job.to_json(now=runtime.clock.time()))
            return
        targets = _output_targets(output, [job.id], force=force)
        views, code = _follow(
            runtime,
            out,
            lib,
            [job.id],
            targets=targets,
            force=force,
            interval=interval,
            timeout=timeout_s,
            first_poll_delay=interval,
            resume=resume,
        )
    if json_out:
        out.json(views[0] if views else job.to_json(now=runtime.clock.time()))
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


@dataclass(frozen=True)
class _TalkInputs:
    image: str
    audio: str | None
    prompt: str | None
    resolution: str | None
    webhook_url: str | None

    def check(
        self, runtime: Runtime, upload_to: str | None, url_ttl: str, no_check: bool, face: bool
    ) -> tuple[Any, Any, TalkRequest]:
        """Every input problem at once, before anything is uploaded or billed (preflight.py)."""
        from akool_cli.core.validate import check_input_url, check_resolution
        from akool_cli.inputs.preflight import Input

        given = [Input(self.image, "image", "the image")]
        if self.audio is not None:
            given.append(Input(self.audio, "audio", "the audio"))
        found, checks = inputs_cli.plan(
            runtime, given, inputs_cli.InputOptions(upload_to, url_ttl, no_check, face)
        )
        found.raise_problems()
        request = TalkRequest(
            image_url=self.image,
            audio_url=self.audio or "",
            prompt=self.prompt.strip() if self.prompt and self.prompt.strip() else None,
            resolution=check_resolution(self.resolution),
            webhook_url=check_input_url(self.webhook_url, "webhook URL")
            if self.webhook_url
            else None,
        )
        return found, checks, request


def _create(
    out: Output,
    lib: Client,
    request: TalkRequest,
    tts: Any,
    name: str,
    timeout: float | None,
    json_out: bool,
    download: tuple[str | None, bool],
) -> Job:
    """The speech (if any), then the billable create; the id is shown once it is recorded."""
    extra: dict[str, Any] = {}
    if tts is not None:
        speech = _speak(out, lib, tts, name, timeout)
        request = replace(request, audio_url=speech.video_url or "")
        extra = {"speech_job": speech.id, "text": tts[0].text, "voice": tts[0].voice_id}
    job = lib.create(kinds.TALKING_PHOTO, request, lib.origin(name.strip(), extra))
    if not json_out:
        out.data(job.id)
    if interrupts.stop_requested():
        raise interrupts.stopped(
            f"stopped after creating {job.id}; it keeps running on AKOOL",
            f"follow it with: {_watch_command(job.id, *download)}",
        )
    return job


def _speak(
    out: Output,
    lib: Client,
    tts: tuple[SpeechRequest, list[str]],
    name: str,
    timeout: float | None,
) -> Job:
    from akool_cli.core.speech import model_warnings, ready_line

    request, warnings = tts
    for warning in (*warnings, *model_warnings(request, lib.api.find_voice)):
        out.warn(warning)
    out.info("Making the speech with AKOOL's VoiceLab…")
    latest: list[JobInfo] = []  # AKOOL's last answer: it says what the speech cost

    def on_update(info: JobInfo) -> None:
        latest[:] = [info]
        out.info(f"speech {info.id} {info.state}")

    speech = lib.speak(
        request.text,
        request.voice_id,
        voice_options=request.voice_options,
        language_code=request.language_code,
        name=name,
        timeout=timeout,
        on_update=on_update,
    )
    out.info(ready_line(speech.video_url or "", latest[-1] if latest else None))
    return speech


def _watch_command(job_id: str, output: str | None, force: bool) -> str:
    """The command that picks a talk job up where this run stops."""
    words = ["akool", "watch", job_id]
    if output is not None:
        words += ["-o", output]
    if force:
        words.append("--force")
    return shlex.join(words)


def watch(
    ctx: typer.Context,
    job_ids: list[str] = typer.Argument(..., metavar="JOB_ID...", help="Job ids to follow."),
    interval: float = options.INTERVAL,
    timeout: str | None = options.TIMEOUT,
    output: str | None = options.OUTPUT_MANY,
    force: bool = options.FORCE,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """Follow jobs until each is done or failed, optionally downloading the videos.

    Prints each result (downloaded path, or video URL) on stdout. Exit 6 if a job failed,
    7 if --timeout passed (the jobs keep running; run the same command to resume).
    """
    from akool_cli.core.validate import check_job_id

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    ids = list(dict.fromkeys(check_job_id(j) for j in job_ids))
    timeout_s = parse_duration(timeout)
    _check_interval(interval)
    with runtime.library() as lib:
        from akool_cli.jobs.naming import target_suffix

        records = {j: lib.journal.get(j) for j in ids}
        suffixes = {j: target_suffix(r, _kind_of(r)) for j, r in records.items()}
        targets = _output_targets(
            output, ids, force=force, saved=_saved_in(lib.journal), suffixes=suffixes
        )
        views, code = _follow(
            runtime,
            out,
            lib,
            ids,
            targets=targets,
            force=force,
            interval=interval,
            timeout=timeout_s,
            first_poll_delay=0.0,
            resume=runtime.command_line(),
        )
    if json_out:
        out.json(views)
    else:
        _print_results(out, views)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))

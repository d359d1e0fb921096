"""The `talk` and `watch` commands: create a talking photo, follow jobs, download the videos.

The work is the library's (Client.talk, Client.follow); these commands read the options, draw
the events on the terminal and print the results.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli, options
from akool_cli.core import interrupts, kinds
from akool_cli.core.contract import RESULT_RETENTION_DAYS
from akool_cli.core.durations import optional_duration
from akool_cli.core.errors import (
    AkoolError,
    ExitCode,
    InterruptedByUser,
    JobFailedError,
    ResultGoneError,
    TargetExistsError,
    WaitTimeoutError,
    made_hint,
)
from akool_cli.core.states import Status
from akool_cli.core.validate import check_resolution

if TYPE_CHECKING:
    from collections.abc import Callable

    from akool_cli.cli.output import JobDisplay, Output, UploadDisplay
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Client, Event, FollowResult, Job, TalkEvents
    from akool_cli.core.models import JobInfo

WATCH_STOPPED = "stopped watching; the job(s) keep running on AKOOL"


@dataclass
class _Seen:
    """What following jobs has shown so far: those done on AKOOL, and those finished here
    (saved, failed, or not to be saved), so a stop can say what it left behind."""

    done: set[str] = field(default_factory=set)
    ended: set[str] = field(default_factory=set)

    def note(self, event: Event) -> None:
        from akool_cli.client import Finished, Updated

        if isinstance(event, Updated) and event.info.video_status == Status.DONE:
            self.done.add(event.job_id)
        elif isinstance(event, Finished):
            self.ended.add(event.job_id)

    def stopped(self, job_ids: list[str]) -> str:
        """What a stop left: jobs that keep running on AKOOL, or the download of jobs done there
        (break17j J4: "the job(s) keep running on AKOOL" of a job finished long ago whose
        download stalled)."""
        left = [job_id for job_id in job_ids if job_id not in self.ended]
        downloading = sum(1 for job_id in left if job_id in self.done)
        if not downloading:
            return WATCH_STOPPED
        running = len(left) - downloading
        stopped = (
            f"the download of {downloading} finished job(s) stopped (it resumes where it stopped)"
        )
        if not running:
            return f"stopped watching; {stopped}"
        return f"stopped watching; {running} job(s) keep running on AKOOL, and {stopped}"


def register(app: typer.Typer) -> None:
    app.command()(talk)
    app.command()(watch)


def check_interval(value: float) -> float:
    from akool_cli.core.durations import parse_duration

    return parse_duration(value, "--interval")


def _render(display: JobDisplay, event: Event) -> None:
    """One watcher event on the live display (or as a line per change off a terminal)."""
    from akool_cli.client import Downloaded, Progress, Tick, Updated

    if isinstance(event, Updated):
        info = event.info
        # Done: the result's URL, or what it made that is not a file (a voice_id, a verdict).
        made = next(iter(info.outputs.values()), "") if info.outputs else ""
        detail = (info.video_url or made) if info.video_status == Status.DONE else info.error_reason
        if info.progress is not None and not info.finished:
            detail = f"{info.progress:.0f}%"
        if info.state == "unknown":
            # Not a documented state: show the raw value and keep following the job.
            detail = f"{info.status_field} {info.raw_status!r}"
        display.state(event.job_id, info.state, detail, info.progress)
    elif isinstance(event, Progress):
        display.bytes(event.job_id, event.received, event.total)
    elif isinstance(event, Downloaded):
        result = event.result
        display.downloaded(event.job_id, str(result.path), result.size, result.misnamed)
    elif isinstance(event, Tick):
        display.tick(event.elapsed, event.waiting, event.downloading)


def _follow(
    runtime: Runtime,
    out: Output,
    lib: Client,
    job_ids: list[str],
    *,
    output: str | None,
    force: bool,
    interval: float,
    timeout: float | None,
    first_poll_delay: float,
    resume: str,
) -> Followed:
    """Follow jobs to the end with a live display."""
    targets = _targets(out, lib, job_ids, output, force)
    known = {job_id: lib.recorded(job_id) for job_id in job_ids}
    names = {job_id: job.name for job_id, job in known.items() if job is not None}
    seen = _Seen()

    def on_event(event: Event) -> None:
        seen.note(event)
        _render(display, event)

    with out.job_display(job_ids, names) as display:
        try:
            result = lib.follow(
                job_ids,
                dest=targets,
                force=force,
                interval=interval,
                timeout=timeout,
                first_poll_delay=first_poll_delay,
                on_event=on_event,
                should_stop=interrupts.stop_requested,
            )
        except WaitTimeoutError as exc:
            raise WaitTimeoutError(exc.message, hint=f"resume with: {resume}") from None
        except KeyboardInterrupt:
            said = seen.stopped(job_ids)
            raise interrupts.stopped(said, f"resume with: {resume}") from None
    if interrupts.stop_requested():
        said = seen.stopped(job_ids)
        raise interrupts.stopped(said, f"resume with: {resume}")
    followed = _results(out, job_ids, result)
    followed.unknown = {job_id for job_id, job in known.items() if job is None}
    return followed


def _targets(
    out: Output, lib: Client, job_ids: list[str], output: str | None, force: bool
) -> dict[str, Path]:
    """Where each job's result goes: -o's, or without it, the path a result was saved at when
    the file there is gone or changed (fetched again, as `-o PATH` would; a changed file is
    refused without --force)."""
    if output is not None:
        return lib.targets(output, job_ids, force=force)
    targets: dict[str, Path] = {}
    for job_id in job_ids:
        path = lib.fetch_again(job_id)
        if path is None:
            continue
        changed = os.path.lexists(path)
        if changed and not force:
            raise TargetExistsError(
                f"{job_id} was saved to {path}, which has changed since (it is not the file "
                "akool saved): it is kept, and nothing was downloaded",
                hint="move it away, or run again with --force to replace it (or with -o DIR/ "
                "to save the job elsewhere)",
            )
        now = "has changed since; replacing it (--force)" if changed else "is gone"
        out.info(f"{job_id} was saved to {path}, which {now}; downloading it again")
        targets.update(lib.targets(path, [job_id], force=force))
    return targets


@dataclass
class Followed:
    """What following jobs showed: their views, the exit code their states call for, and the
    jobs that could not be followed (not yet printed), each with its error."""

    views: list[dict[str, Any]]
    code: ExitCode
    errors: list[tuple[str, AkoolError]]
    unknown: set[str] = field(default_factory=set)  # ids this history does not have


def _results(out: Output, job_ids: list[str], result: FollowResult) -> Followed:
    views, failed = [], []
    for job_id in job_ids:
        job = result.jobs.get(job_id)
        if job is None:
            continue
        view = job.to_json()
        trouble = result.errors.get(job_id)
        if trouble is not None and not view["error"]:
            view["error"] = trouble.message  # e.g. the download failed: --json says so too
        views.append(view)
        if job.failed:
            failed.append(job_id)
            out.error(
                f"job {job_id} failed: {job.error or 'AKOOL gave no reason'}", job.failure_hint
            )
        elif job.done and job.downloaded_path and job_id not in result.downloaded:
            if trouble is None:  # (it was not fetched again because it is there, whole)
                out.info(f"{job_id} was saved earlier: {job.downloaded_path}")
        elif (
            job.done
            and kinds.get(job.kind).makes == "file"
            and job_id not in result.downloaded
            and job_id not in result.errors
        ):
            out.info(
                f"AKOOL keeps results for {RESULT_RETENTION_DAYS} days; "
                f"download with: akool watch {job_id} -o {job_id}{kinds.get(job.kind).suffix}"
            )
    code = JobFailedError.exit_code if failed else ExitCode.OK
    return Followed(views, code, list(result.errors.items()))


def _print_results(out: Output, views: list[dict[str, Any]]) -> None:
    from akool_cli.client import made_lines

    for view in views:
        if not (view.get("downloaded_path") or view.get("video_url")) and made_lines(view):
            for line in made_lines(view):  # an asset's id, or a text: the answer
                out.data(line)
            continue
        # A result this run failed to save is not shown by a path saved earlier (or elsewhere).
        saved = (
            None if view.get("error") and view["state"] == "done" else view.get("downloaded_path")
        )
        result = saved or view.get("video_url")
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
    same_account: bool = options.SAME_ACCOUNT,
    new_account: bool = options.NEW_ACCOUNT,
    reuse: bool = options.REUSE,
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
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    speech = (audio_url, text, voice, speed, voice_option, language_code)
    speech_text, timeout_s = _check_options(speech, timeout, interval, resolution)
    inputs_cli.check_upload_to(upload_to, url_ttl)
    with runtime.library() as lib:
        reused = _check_output(lib, ctx.params, out.warn)
        with inputs_cli.upload_display(out) as display:
            job = reused or lib.talk(
                image_url,
                audio_url,
                text=speech_text,
                voice=voice,
                voice_options=voice_option,
                speed=speed,
                language_code=language_code,
                prompt=prompt,
                resolution=resolution,
                webhook_url=webhook_url,
                name=name,
                upload_to=upload_to,
                url_ttl=url_ttl,
                check=not no_check,
                check_face=check_face,
                timeout=timeout_s,
                events=_talk_events(out, display),
                reuse=reuse,
                account_choice=options.account_choice(same_account, new_account),
            )
        if not _created(runtime, out, job, json_out, output, force, wait=wait, reuse=reuse):
            return
        follow = (interval, timeout_s, output, force)
        view, code = wait_for(runtime, out, lib, job, follow, reuse=reuse)
    if json_out:
        out.json(view)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


def _check_output(lib: Client, params: dict[str, Any], warn: Callable[[str], None]) -> Job | None:
    """-o refused before anything is billed (talk's parameters: ctx.params); with --reuse, the
    job it will return, when known before anything is sent, may have its own saved file there,
    which is no reason to refuse (break17h H11). Returns that job (talk() would find it again)."""
    output = params.get("output")
    if output is None:
        return None
    found = None
    if params.get("reuse"):
        found = lib.talk_reusable(
            params["image_url"],
            params["audio_url"],
            prompt=params["prompt"],
            resolution=params["resolution"],
            webhook_url=params["webhook_url"],
            name=params["name"],
            account_choice=options.account_choice(params["same_account"], params["new_account"]),
            on_warning=warn,  # a reused job its server no longer has is passed over: said
        )
    lib.check_destination(output, force=bool(params.get("force")), reused=found)
    return found


def _check_options(
    speech: tuple[str | None, str | None, str | None, float | None, list[str], str | None],
    timeout: str | None,
    interval: float,
    resolution: str | None,
) -> tuple[str | None, float | None]:
    """What the options say, checked before anything is uploaded or billed (named as typed:
    --resolution, not the library's resolution=): the text to speak (if any) and the timeout
    in seconds."""
    from akool_cli.core.speech import check_speech_inputs, speech_request

    audio, text, voice, speed, voice_option, language_code = speech
    text = options.text_or_stdin(text, "--text", "akool talk IMAGE --text - --voice VOICE")
    speech_text = check_speech_inputs(audio, text, voice, speed)
    speech_request(speech_text, voice, voice_option, speed=speed, language_code=language_code)
    timeout_s = optional_duration(timeout, "--timeout")
    check_interval(interval)
    check_resolution(resolution)
    return speech_text, timeout_s


def wait_for(
    runtime: Runtime,
    out: Output,
    lib: Client,
    job: Job,
    follow: tuple[float, float | None, str | None, bool],
    *,
    reuse: bool = False,
) -> tuple[dict[str, Any], ExitCode]:
    """talk --wait / -o: the new job followed (and downloaded); its view and the exit code.
    `reuse`: the command ran with --reuse (the hints say that running it again makes none)."""
    interval, timeout, output, force = follow
    resume = watch_command(job.id, output, force)
    try:
        followed = _follow(
            runtime,
            out,
            lib,
            [job.id],
            output=output,
            force=force,
            interval=interval,
            timeout=timeout,
            first_poll_delay=interval,
            resume=resume,
        )
    except (WaitTimeoutError, InterruptedByUser):
        raise  # their hints resume with `resume` already
    except AkoolError as exc:
        exc.hint = _then(exc, job.id, resume, reuse)  # followed, not made again
        raise
    code = followed.code
    view = followed.views[0] if followed.views else job.to_json()
    for job_id, error in followed.errors:  # the job's view is the document: errors on stderr
        out.error(f"{job_id}: {error.message}", _then(error, job.id, resume, reuse))
        code = error.exit_code
        view["error"] = view.get("error") or error.message  # --json says so too
    return view, code


def _then(error: AkoolError, job_id: str, resume: str, reuse: bool) -> str:
    """The hint after this run's job failed: go on with that job (never make another), unless
    AKOOL no longer has it (marked so: jobs/gone.py), when only a new job can give the video."""
    if isinstance(error, ResultGoneError) and error.marked:
        if reuse:
            return (
                f"this command run again makes a new job (billed): --reuse no longer picks "
                f"{job_id} up"
            )
        return "running this command again makes a new job (billed)"
    return made_hint(error.hint, job_id, resume, reuse=reuse)


def _talk_events(out: Output, uploads: UploadDisplay) -> TalkEvents:
    """The library's talk events as lines (and upload bars) on stderr."""
    from akool_cli.client import TalkEvents
    from akool_cli.core.speech import ready_line

    def ready(speech: Job, latest: JobInfo | None) -> None:
        out.info(ready_line(speech.video_url or "", latest))

    return TalkEvents(
        **inputs_cli.upload_events(out, uploads),
        prepared=uploads.close,
        speech_started=lambda: out.info("Making the speech with AKOOL's VoiceLab…"),
        speech_update=lambda info: out.info(f"speech {info.id} {info.state}"),
        speech_ready=ready,
    )


def _created(
    runtime: Runtime,
    out: Output,
    job: Job,
    json_out: bool,
    output: str | None,
    force: bool,
    *,
    wait: bool,
    reuse: bool,
) -> bool:
    """The id is shown once it is recorded (the run knows of the job first, so that a stdout
    that cannot be written names it on stderr: break17f F24); a stop asked for meanwhile ends
    the command here. Without --wait or -o, the command ends here too, saying how to follow
    it; returns whether the job is to be followed."""
    follow = wait or output is not None
    runtime.made_job(job.id, watch_command(job.id, output, force), reuse=reuse)
    if not json_out:
        out.data(job.id)
    say_reused(out, job)
    if interrupts.stop_requested():
        raise interrupts.stopped(
            f"stopped after creating {job.id}; it keeps running on AKOOL",
            f"follow it with: {watch_command(job.id, output, force)}",
        )
    if not follow:
        made = "" if job.repeated else f"Created job {job.id}; "
        out.info(f"{made}follow it with: akool watch {job.id}")
        if json_out:
            out.json(job.to_json())
    return follow


def say_reused(out: Output, job: Job) -> None:
    """--reuse found the job an earlier create of this request made: said once, on stderr."""
    if job.repeated:
        state = f"{job.state}, " if job.state else ""
        out.info(
            f"Reused job {job.id} ({state}made earlier from this same request): nothing new was "
            "created or billed"
        )


def watch_command(job_id: str, output: str | None, force: bool) -> str:
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
    timeout_s = optional_duration(timeout, "--timeout")
    check_interval(interval)
    with runtime.library() as lib:
        ids = list(dict.fromkeys(lib.job_named(j) for j in ids))  # a head swap's analysis id too
        followed = _follow(
            runtime,
            out,
            lib,
            ids,
            output=output,
            force=force,
            interval=interval,
            timeout=timeout_s,
            first_poll_delay=0.0,
            resume=runtime.command_line(),
        )
    code = out.jobs_or_errors(followed.views, followed.errors, followed.unknown) or followed.code
    if not json_out:
        _print_results(out, followed.views)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))

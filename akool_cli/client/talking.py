"""Making jobs from Python as `akool talk` makes them: inputs checked and local files uploaded
before billing, speech made first when asked, the billable create recorded before it returns."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.client.job import Job
from akool_cli.core import kinds
from akool_cli.core.errors import UsageError
from akool_cli.core.kinds import SpeechRequest
from akool_cli.core.models import JobInfo
from akool_cli.core.validate import TalkRequest
from akool_cli.inputs.preflight import Events, Input, Plan, Settings

if TYPE_CHECKING:
    from akool_cli.client.runs import Once, Run
    from akool_cli.core.mediatypes import Role
    from akool_cli.core.models import Voice
    from akool_cli.jobs import engine
    from akool_cli.store.journal import AttemptRecord, JobRecord

DEFAULT_URL_TTL = "24h"


def _ignore(*args: object) -> None:
    return None


@dataclass
class TalkEvents(Events):
    """What `talk` reports as it goes (the CLI draws these; the defaults ignore them): the
    inputs' warnings, uploads and notes (Events), then the speech's progress."""

    prepared: Callable[[], None] = _ignore  # inputs uploaded and checked; what follows is AKOOL's
    speech_started: Callable[[], None] = _ignore
    speech_update: Callable[[JobInfo], None] = _ignore
    # The finished speech job, and AKOOL's last answer about it (it says what it cost).
    speech_ready: Callable[[Job, JobInfo | None], None] = _ignore


class TalkingMixin(ClientBase):
    def talk(
        self,
        image: str | os.PathLike[str],
        audio: str | os.PathLike[str] | None = None,
        *,
        text: str | None = None,
        voice: str | None = None,
        voice_options: Mapping[str, Any] | Sequence[str] | None = None,
        speed: float | None = None,
        language_code: str | None = None,
        prompt: str | None = None,
        resolution: str | int | None = None,
        webhook_url: str | None = None,
        name: str = "",
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
        check: bool = True,
        check_face: bool = False,
        timeout: float | str | None = None,
        on_warning: Callable[[str], None] | None = None,
        events: TalkEvents | None = None,
        once: Once | None = None,
        run: Run | None = None,
        account_choice: str | None = None,
        reuse: bool = False,
    ) -> Job:
        """Create a talking-photo job (billed), as `akool talk` does; it is in the history
        before this returns.

        `image` and `audio` are URLs, or local files uploaded first to your bucket (`upload_to`
        s3://BUCKET/PREFIX/, else AKOOL_UPLOAD_TO or the profile's saved upload-to). Instead of
        `audio`, `text` and `voice` make the speech with AKOOL's VoiceLab first (`timeout` bounds
        that wait). With `check` (and no AKOOL_NO_CHECK), each input URL is fetched the way AKOOL
        will: a 4xx/5xx answer, an HTML page or a file that is not image/audio raises UsageError
        and nothing is billed; `check_face` also asks AKOOL's face detection. `account_choice`:
        this call's, as the client's `account_choice` ("same" or "new"). `reuse`: as create()'s
        (`akool talk --reuse`): the job this history made of the same request, not billed again.
        """
        from akool_cli.core.durations import optional_duration

        events = events or TalkEvents(warn=on_warning or _ignore)
        image = _text(image, "image")
        audio = None if audio is None else _text(audio, "audio")
        tts = self._speech_request(audio, text, voice, voice_options, speed, language_code)
        given = [Input(image, "image", "the image")]
        if audio is not None:
            given.append(Input(audio, "audio", "the audio"))
        found, settings = self.plan_inputs(
            given, upload_to=upload_to, url_ttl=url_ttl, check=check, check_face=check_face
        )
        found.raise_problems()
        request = _talk_request(image, audio, prompt, resolution, webhook_url)
        wait = optional_duration(timeout, "timeout")
        sent = self.prepare_inputs(found, settings, events=events)
        events.prepared()
        request = replace(request, image_url=sent[image], audio_url=sent.get(audio or "", ""))
        extra: dict[str, Any] = {}
        if tts is not None:
            speech = self._speak_for_talk(tts, name, wait, events, account_choice)
            request = replace(request, audio_url=speech.video_url or "")
            extra = {"speech_job": speech.id, "text": tts[0].text, "voice": tts[0].voice_id}
        origin = self.origin(name.strip(), extra, account_choice)
        return self.create(
            kinds.TALKING_PHOTO, request, origin, once=once, run=run, reuse=reuse, warn=events.warn
        )

    def _speech_request(
        self,
        audio: str | None,
        text: str | None,
        voice: str | None,
        options: Mapping[str, Any] | Sequence[str] | None,
        speed: float | None,
        language_code: str | None,
    ) -> tuple[SpeechRequest, list[str]] | None:
        """The checked speech request and its warnings; None when `audio` is given."""
        from akool_cli.core.speech import check_speech_inputs, speech_request

        spoken = check_speech_inputs(audio, text, voice, speed)
        if isinstance(options, Mapping):
            pairs = [f"{key}={value}" for key, value in options.items()]
        else:
            pairs = list(options or [])
        return speech_request(spoken, voice, pairs, speed=speed, language_code=language_code)

    def _speak_for_talk(
        self,
        tts: tuple[SpeechRequest, list[str]],
        name: str,
        timeout: float | None,
        events: TalkEvents,
        account_choice: str | None,
    ) -> Job:
        from akool_cli.core.speech import model_warnings

        request, warnings = tts
        for warning in (*warnings, *model_warnings(request, self.find_voice)):
            events.warn(warning)
        events.speech_started()
        latest: list[JobInfo] = []  # AKOOL's last answer: it says what the speech cost

        def on_update(info: JobInfo) -> None:
            latest[:] = [info]
            events.speech_update(info)

        speech = self.speak(
            request.text,
            request.voice_id,
            voice_options=request.voice_options,
            language_code=request.language_code,
            name=name,
            timeout=timeout,
            on_update=on_update,
            account_choice=account_choice,
        )
        events.speech_ready(speech, latest[-1] if latest else None)
        return speech

    # -- inputs ---------------------------------------------------------------------------------

    def plan_inputs(
        self,
        inputs: Sequence[Input],
        *,
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
        check: bool = True,
        check_face: bool = False,
        base_dir: Path | None = None,
    ) -> tuple[Plan, Settings]:
        """Every problem of the inputs that needs no network (all at once), and the settings for
        preparing them (the bucket: upload_to, AKOOL_UPLOAD_TO or the profile's upload-to)."""
        from akool_cli.inputs.preflight import checks_disabled, plan_inputs
        from akool_cli.inputs.upload import parse_target, parse_ttl
        from akool_cli.store.config import resolve_upload_to

        # Named upload_to=, as the caller wrote it: the commands check --upload-to first.
        chosen = resolve_upload_to(upload_to, self.env, self.paths, self.profile, "upload_to")
        target = parse_target(*chosen) if chosen else None
        ttl = parse_ttl(url_ttl)
        checking = check and not checks_disabled(self.env)
        found = plan_inputs(inputs, target=target, base_dir=base_dir)
        settings = Settings(
            target=target,
            ttl=ttl,
            check=checking,
            check_face=check_face and checking,
            base_url=self.base_url,
            transport=self.session.transport,
        )
        return found, settings

    def prepare_inputs(
        self, found: Plan, settings: Settings, *, events: Events | None = None
    ) -> dict[str, str]:
        """Upload the plan's files and check its URLs (and faces); value as given → URL to send."""
        from akool_cli.inputs.preflight import prepare_inputs

        # The credential is resolved first: a missing login stops it before anything is uploaded.
        client = self.api
        return prepare_inputs(found, settings, journal=self.journal, client=client, events=events)

    def upload(
        self,
        path: str | os.PathLike[str],
        role: Role,
        *,
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
    ) -> str:
        """A local file put in your own bucket (`upload_to`, else AKOOL_UPLOAD_TO or the
        profile's upload-to; AKOOL has no upload endpoint), checked as an `role` file first:
        a presigned URL to give a create. An object uploaded earlier is not sent again."""
        from akool_cli.core.validate import check_path

        source = str(Path(check_path(path, "the file")).absolute())
        given = [Input(source, role, f"the {role}")]
        found, settings = self.plan_inputs(given, upload_to=upload_to, url_ttl=url_ttl, check=False)
        found.raise_problems()
        if not found.files:
            raise UsageError(f"{source} is not a local file", hint="give a file's path")
        return self.prepare_inputs(found, settings)[source]

    # -- jobs -------------------------------------------------------------------------------

    def origin(
        self,
        label: str = "",
        extra: Mapping[str, Any] | None = None,
        account_choice: str | None = None,
    ) -> engine.Origin:
        """Where a create is made and how it is named; `account_choice` this create's (as
        the client's account_choice, which it overrides when given)."""
        from akool_cli.jobs import engine
        from akool_cli.jobs.accounts import check_choice

        return engine.Origin(
            self.base_url,
            self.profile,
            label=label,
            extra_inputs=dict(extra or {}),
            account_choice=check_choice(account_choice) or self.account_choice,
        )

    def create(
        self,
        kind: kinds.JobKind,
        request: kinds.Request,
        origin: engine.Origin,
        *,
        once: Once | None = None,
        run: Run | None = None,
        reuse: bool = False,
        warn: Callable[[str], None] | None = None,
    ) -> Job:
        """Create a job of any kind (billed), recorded before this returns. With `once`, a key
        that already made a job returns that job (`repeated`, nothing sent); with `run`, the job
        belongs to that run in the ledger and its cap may refuse it (BudgetExceededError). With
        `reuse`, the job an earlier create of the very same request made (the same kind and
        inputs sent, server and account, by any command, batch row or call) is returned
        (`repeated`, nothing sent) unless it failed, was deleted, or its result expired on AKOOL
        and is not saved here, or its server no longer has it (then marked so, and `warn` is
        told)."""
        from akool_cli.jobs import engine
        from akool_cli.store.journal import JobRecord

        if once is not None or run is not None:
            from akool_cli.client.runs import create_once

            if reuse:
                raise UsageError(
                    "reuse= takes no once= or run=: a keyed create returns its key's job already",
                    hint="give reuse=True alone, or once=/run= alone",
                )
            return create_once(self, kind, request, origin, once, run)
        if reuse:
            found = engine.create_or_reuse(
                self.api,
                self.journal,
                kind,
                request,
                origin,
                on_gone=self._gone_note(warn),
                on_busy=_busy_note(warn),
            )
            if isinstance(found, JobRecord):
                return replace(Job.of(None, found), repeated=True)
            return Job.of(found, self.journal.get(found.id), kind.name)
        info = engine.create(self.api, self.journal, kind, request, origin)
        return Job.of(info, self.journal.get(info.id), kind.name)

    def talk_reusable(
        self,
        image: str,
        audio: str | None,
        *,
        prompt: str | None = None,
        resolution: str | int | None = None,
        webhook_url: str | None = None,
        name: str = "",
        account_choice: str | None = None,
        on_warning: Callable[[str], None] | None = None,
    ) -> Job | None:
        """The job `talk(..., reuse=True)` would return for these inputs without sending
        anything, when both are URLs; None otherwise (a local file's URL is known only once it
        is uploaded, a speech's once it is made). `on_warning` is told of a job passed over
        because its server no longer has it (it is marked gone here, so talk() will not say)."""
        if audio is None or not all(u.startswith(("http://", "https://")) for u in (image, audio)):
            return None
        request = _talk_request(image, audio, prompt, resolution, webhook_url)
        origin = self.origin(name.strip(), {}, account_choice)
        return self.reusable(kinds.TALKING_PHOTO, request, origin, on_warning)

    def reusable(
        self,
        kind: kinds.JobKind,
        request: kinds.Request,
        origin: engine.Origin,
        warn: Callable[[str], None] | None = None,
    ) -> Job | None:
        """The job `create(..., reuse=True)` would return without sending anything, or None (for
        a create whose work before it costs time: head swap's analysis). One its server no
        longer has is marked gone (`warn` is told) and passed over."""
        from akool_cli.jobs import engine
        from akool_cli.jobs.gone import still_there

        origin = engine.scoped(self.api, self.journal, origin, reused=(kind, request))
        inputs = engine.inputs_of(request, origin)
        while (made := self.journal.made_like(origin.scope(), kind.name, inputs)) is not None:
            if still_there(self.api, self.journal, kind, made):
                return replace(Job.of(None, made), repeated=True)
            self._gone_note(warn)(made)
        return None

    @staticmethod
    def _gone_note(warn: Callable[[str], None] | None) -> Callable[[JobRecord], None]:
        """What tells the caller that --reuse passed over a job its server no longer has."""

        def note(record: JobRecord) -> None:
            if warn is not None:
                warn(
                    f"job {record.id}, made earlier from this same request, no longer exists "
                    f"on {record.base_url} (AKOOL answers that it does not exist): akool marked "
                    "it deleted and makes a new one"
                )

        return note

    def speak(
        self,
        text: str,
        voice_id: str,
        *,
        voice_options: Mapping[str, Any] | None = None,
        language_code: str | None = None,
        name: str = "",
        timeout: float | str | None = None,
        on_update: Callable[[JobInfo], None] | None = None,
        account_choice: str | None = None,
    ) -> Job:
        """Text to speech (billed): waits until the audio URL exists and returns the done job;
        `timeout` in seconds or as a duration ("10m"); `account_choice` as talk's."""
        from akool_cli.core.durations import optional_duration
        from akool_cli.jobs import engine

        wait = optional_duration(timeout, "timeout")
        if not isinstance(text, str) or not isinstance(voice_id, str):
            raise UsageError(
                "speak() takes the text and the voice id as strings",
                hint='e.g. client.speak("Hello!", "en-US-AvaNeural")',
            )

        if not text.strip():
            raise UsageError("the text to speak is empty", hint="pass the words to say as text")
        request = SpeechRequest(
            text.strip(), voice_id.strip(), dict(voice_options or {}), language_code
        )
        origin = self.origin(name, account_choice=account_choice)
        info = engine.make_speech(
            self.api, self.journal, request, origin, timeout=wait, on_update=on_update
        )
        return Job.of(info, self.journal.get(info.id), kinds.SPEECH.name)

    def find_voice(self, voice_id: str) -> Voice | None:
        """A VoiceLab voice by id (AKOOL's or your own), or None."""
        return self.api.find_voice(voice_id)


def _text(value: object, what: str) -> str:
    """An input as a URL or a local path (str or os.PathLike), or UsageError naming the
    argument (never an AttributeError deep inside)."""
    text = os.fspath(value) if isinstance(value, os.PathLike) else value
    if not isinstance(text, str):
        raise UsageError(
            f"{what} must be a URL or a file path (str or pathlib.Path), not "
            f"{type(value).__name__} {value!r:.60}",
            hint=f"pass {what} as a str: its URL (https://...) or a local file's path",
        )
    return text


def _talk_request(
    image: str,
    audio: str | None,
    prompt: str | None,
    resolution: str | int | None,
    webhook_url: str | None,
) -> TalkRequest:
    from akool_cli.core.validate import check_input_url, check_resolution

    return TalkRequest(
        image_url=image,
        audio_url=audio or "",
        prompt=prompt.strip() if prompt and prompt.strip() else None,
        resolution=check_resolution(None if resolution is None else str(resolution), "resolution"),
        webhook_url=check_input_url(webhook_url, "webhook URL") if webhook_url else None,
    )


def _busy_note(warn: Callable[[str], None] | None) -> Callable[[AttemptRecord], None]:
    """What tells the caller that --reuse waits for another akool's create of the same request
    (break17h H10: a silent wait, up to 10 minutes when that process was stopped)."""

    def note(busy: AttemptRecord) -> None:
        from akool_cli.jobs.engine import busy_line

        if warn is not None:
            warn(busy_line(busy.pid))

    return note

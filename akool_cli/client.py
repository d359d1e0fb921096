"""akool as a Python library: make, follow and download AKOOL jobs, recorded in akool's history.

The command line is built on this class. It finds credentials, the base URL, the profile and the
history as the CLI does (or takes them as arguments), never prints, never exits, and raises
subclasses of `akool_cli.core.errors.AkoolError`, each carrying the CLI's exit code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.core import kinds
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import AkoolError, UsageError
from akool_cli.core.kinds import SpeechRequest, Status
from akool_cli.core.models import JobInfo
from akool_cli.core.validate import TalkRequest, check_input_url, check_job_id, check_resolution
from akool_cli.jobs import engine
from akool_cli.jobs.views import job_view
from akool_cli.store import config
from akool_cli.store.journal import JobRecord, Journal, Scope

if TYPE_CHECKING:
    from akool_cli.jobs.watcher import Watcher
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.credentials import Credential, KeyringStore


@dataclass(frozen=True)
class Job:
    """A job as akool knows it: AKOOL's latest answer merged with the local history."""

    id: str
    kind: str
    state: str  # queued, processing, done, failed, unknown (as `akool status --json`)
    video_status: int
    video_url: str | None = None
    error: str | None = None
    created_at: float | None = None
    label: str = ""
    downloaded_path: str | None = None
    size: int | None = None
    sha256: str | None = None
    inputs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.video_status in kinds.FINAL

    @property
    def done(self) -> bool:
        return self.video_status == Status.DONE

    @property
    def failed(self) -> bool:
        return self.video_status == Status.FAILED

    def to_json(self, now: float | None = None) -> dict[str, Any]:
        """The job as `akool status --json` prints it."""
        return job_view(
            job_id=self.id,
            kind=self.kind,
            video_status=self.video_status,
            video_url=self.video_url or "",
            error=self.error or "",
            created_at=self.created_at,
            label=self.label,
            inputs=self.inputs,
            downloaded_path=self.downloaded_path or "",
            size=self.size,
            sha256=self.sha256 or "",
            now=current().time() if now is None else now,
        )

    @classmethod
    def of(cls, info: JobInfo | None, record: JobRecord | None, kind: str = "") -> Job:
        """AKOOL's answer (if any) over the history's record (if any)."""
        if info is None and record is None:
            raise ValueError("a job needs AKOOL's answer or a history record")
        status = info.video_status if info is not None else record.video_status  # type: ignore[union-attr]
        url = info.video_url if info is not None else record.video_url  # type: ignore[union-attr]
        error = info.error_reason if info is not None else record.error  # type: ignore[union-attr]
        created = record.created_at if record is not None else None
        if created is None and info is not None and info.create_time_ms:
            created = info.create_time_ms / 1000
        return cls(
            id=info.id if info is not None else record.id,  # type: ignore[union-attr]
            kind=record.kind if record is not None else (kind or kinds.TALKING_PHOTO.name),
            state=JobInfo(id="", video_status=status).state,
            video_status=status,
            video_url=url or None,
            error=error or None,
            created_at=created,
            label=record.label if record is not None else "",
            downloaded_path=(record.downloaded_path or None) if record is not None else None,
            size=record.size if record is not None else None,
            sha256=(record.sha256 or None) if record is not None else None,
            inputs=record.inputs if record is not None else {},
        )


class Client:
    """One AKOOL account on one server, with akool's history.

    >>> client = Client()                      # found as the CLI finds them
    >>> job = client.talk(image_url, audio_url)
    >>> job = client.wait(job.id, timeout=600)
    >>> path = client.download(job.id, "videos/")
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        profile: str | None = None,
        home: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        clock: Clock | None = None,
        credential: Credential | None = None,
        store: KeyringStore | None = None,
        connect: Callable[[str, str], AkoolClient] | None = None,
    ) -> None:
        self.env = dict(os.environ if env is None else env)
        if home is not None:
            self.env["AKOOL_HOME"] = os.fspath(home)
        self.profile = (
            profile or self.env.get("AKOOL_PROFILE", "") or config.DEFAULT_PROFILE
        ).strip()
        self.paths = config.paths(self.env)
        self.base_url = config.resolve_base_url(base_url, self.env, self.paths, self.profile)
        self.clock = clock or current()
        if api_key is not None:
            from akool_cli.store.credentials import Credential, check_secret

            credential = Credential("api_key", "argument", api_key=check_secret(api_key, "API key"))
        self._credential = credential
        self._store = store
        self._connect = connect
        self._apis: dict[tuple[str, str], AkoolClient] = {}
        self._journal: Journal | None = None

    # -- what it works with -------------------------------------------------------------------

    @property
    def api(self) -> AkoolClient:
        """The low-level client for this server and profile (documented endpoints, retries)."""
        return self.api_for(self.base_url, self.profile)

    def api_for(self, base_url: str, profile: str) -> AkoolClient:
        """A low-level client for another server or profile (jobs are followed where they were made)."""
        key = (base_url, profile)
        if key not in self._apis:
            if self._connect is not None:
                self._apis[key] = self._connect(base_url, profile)
            else:
                self._apis[key] = self._new_api(base_url, profile)
        return self._apis[key]

    def _new_api(self, base_url: str, profile: str) -> AkoolClient:
        from akool_cli.net.api import AkoolClient
        from akool_cli.store.credentials import default_store, resolve

        credential = self._credential if profile == self.profile else None
        if credential is None:
            self._store = self._store or default_store(self.env)
            credential = resolve(self.env, self._store, profile)
        return AkoolClient(base_url, credential, clock=self.clock)

    @property
    def journal(self) -> Journal:
        """The local history shared with the CLI."""
        if self._journal is None:
            self._journal = Journal(self.paths.journal_file, clock=self.clock)
        return self._journal

    def close(self) -> None:
        for api in self._apis.values():
            api.close()
        self._apis.clear()
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def scope(self, *, any_account: bool = False) -> Scope:
        """This client's server, profile and account (its credential's fingerprint): where its
        batch rows and claims live. With `any_account`, a missing credential gives account None
        (any account), for a dry run, which needs none."""
        try:
            account: str | None = self.api.credential.account()
        except AkoolError:
            if not any_account:
                raise
            account = None
        return Scope(self.base_url, self.profile, account)

    # -- jobs ---------------------------------------------------------------------------------

    def origin(self, label: str = "", extra: Mapping[str, Any] | None = None) -> engine.Origin:
        return engine.Origin(
            self.base_url, self.profile, label=label, extra_inputs=dict(extra or {})
        )

    def talk(
        self,
        image_url: str,
        audio_url: str,
        *,
        prompt: str | None = None,
        resolution: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        check: bool = True,
        on_warning: Callable[[str], None] | None = None,
    ) -> Job:
        """Create a talking-photo job (billed); it is in the history before this returns.

        With `check` (and no AKOOL_NO_CHECK), each input URL is first fetched the way AKOOL will:
        a 4xx/5xx answer, an HTML page or a file that is not image/audio raises UsageError and
        nothing is billed; what only deserves a warning goes to `on_warning`.
        """
        request = TalkRequest(
            image_url=check_input_url(image_url, "image URL"),
            audio_url=check_input_url(audio_url, "audio URL"),
            prompt=prompt.strip() if prompt and prompt.strip() else None,
            resolution=check_resolution(resolution),
            webhook_url=check_input_url(webhook_url, "webhook URL") if webhook_url else None,
        )
        from akool_cli.inputs.preflight import checks_disabled

        if check and not checks_disabled(self.env):
            self._check_urls(request, on_warning)
        return self.create(kinds.TALKING_PHOTO, request, self.origin(name))

    def _check_urls(self, request: TalkRequest, on_warning: Callable[[str], None] | None) -> None:
        from akool_cli.inputs.preflight import Events, Settings, check_urls, raise_all

        roles = {request.image_url: "image", request.audio_url: "audio"}
        events = Events(warn=on_warning or (lambda message: None))
        raise_all(check_urls(roles, Settings(check=True, base_url=self.base_url), events))  # type: ignore[arg-type]

    def create(self, kind: kinds.JobKind, request: kinds.Request, origin: engine.Origin) -> Job:
        """Create a job of any kind (billed), recorded before this returns."""
        info = engine.create(self.api, self.journal, kind, request, origin)
        return Job.of(info, self.journal.get(info.id), kind.name)

    def speak(
        self,
        text: str,
        voice_id: str,
        *,
        voice_options: Mapping[str, Any] | None = None,
        language_code: str | None = None,
        name: str = "",
        timeout: float | None = None,
        on_update: Callable[[JobInfo], None] | None = None,
    ) -> Job:
        """Text to speech (billed): waits until the audio URL exists and returns the done job."""
        if not text.strip():
            raise UsageError("the text to speak is empty", hint="pass the words to say as text")
        request = SpeechRequest(
            text.strip(), voice_id.strip(), dict(voice_options or {}), language_code
        )
        info = engine.make_speech(
            self.api, self.journal, request, self.origin(name), timeout=timeout, on_update=on_update
        )
        return Job.of(info, self.journal.get(info.id), kinds.SPEECH.name)

    def _where(self, job_id: str) -> tuple[str, JobRecord | None, kinds.JobKind, AkoolClient]:
        """The job's record, kind, and the client for the server (and profile) that made it."""
        record = self.journal.get(job_id)
        kind = kinds.get(record.kind) if record else kinds.TALKING_PHOTO
        return job_id, record, kind, self.api_of(record)

    def api_of(self, record: JobRecord | None) -> AkoolClient:
        """The client for the server and profile a recorded job was made with."""
        if record is not None and record.base_url:
            return self.api_for(record.base_url, record.profile)
        return self.api

    def status(self, job_id: str) -> Job:
        """The job's current state from AKOOL (the server that made it), recorded in the history."""
        job_id, record, kind, api = self._where(check_job_id(job_id))
        info = api.detail(kind, job_id)
        if record is not None:
            self.journal.update_state(job_id, info.video_status, info.video_url, info.error_reason)
            record = self.journal.get(job_id)
        return Job.of(info, record, kind.name)

    def watcher(self, **options: Any) -> Watcher:
        """A Watcher on this client (the CLI's polling and downloads); close it when done."""
        from akool_cli.jobs.watcher import Watcher

        options.setdefault("clock", self.clock)
        return Watcher(self.api, self.journal, **options)

    def wait(self, job_id: str, *, timeout: float | None = None, interval: float = 3.0) -> Job:
        """Poll until the job is done or failed; returns the final job (failed is not an error)."""
        return self._follow(job_id, None, timeout=timeout, interval=interval, force=False)

    def download(
        self,
        job_id: str,
        dest: str | os.PathLike[str] = ".",
        *,
        force: bool = False,
        timeout: float | None = None,
    ) -> Path:
        """Wait for the job if needed, then download its result safely (resumable, verified).

        `dest` is a file path, or a directory (existing, or ending in /) for `<job id>.mp4`.
        """
        from akool_cli.jobs.download import check_target, names_directory, resolve_target

        record = self.journal.get(check_job_id(job_id))
        suffix = kinds.get(record.kind).suffix if record else kinds.TALKING_PHOTO.suffix
        target = resolve_target(os.fspath(dest), job_id, many=False, suffix=suffix)
        if not force and record is not None and record.saved_at(target):
            return target  # downloaded earlier, and still there whole: nothing to fetch
        # "videos/" means a folder, which the download creates when it does not exist.
        check_target(target, force=force, make_parent=names_directory(os.fspath(dest), many=False))
        job = self._follow(job_id, target, timeout=timeout, interval=3.0, force=force)
        if job.failed:
            kind = kinds.get(job.kind)
            from akool_cli.core.errors import JobFailedError

            raise JobFailedError(
                f"job {job.id} failed: {job.error or 'AKOOL gave no reason'}",
                hint=kind.failure_hint,
            )
        if not job.downloaded_path:
            raise AkoolError(
                f"job {job.id} finished without a download",
                hint=f"download it with: akool watch {job.id} -o DIR",
            )
        return Path(job.downloaded_path)

    def _follow(
        self,
        job_id: str,
        target: Path | None,
        *,
        timeout: float | None,
        interval: float,
        force: bool,
    ) -> Job:
        job_id, _, kind, api = self._where(check_job_id(job_id))
        from akool_cli.jobs.watcher import Watcher

        with Watcher(
            api, self.journal, interval=interval, timeout=timeout, force=force, clock=self.clock
        ) as watcher:
            watcher.add(job_id, kind=kind, target=target)
            result = watcher.run()
        if job_id in result.errors:
            raise result.errors[job_id]
        return Job.of(result.jobs.get(job_id), self.journal.get(job_id), kind.name)

    def jobs(self, limit: int = 10) -> list[Job]:
        """The newest jobs in the history (not refreshed)."""
        return [Job.of(None, record) for record in self.journal.recent(limit)]

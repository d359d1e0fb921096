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

from akool_cli.core import kinds, states
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import AkoolError, AuthError, CredentialScopeError, UsageError
from akool_cli.core.kinds import SpeechRequest
from akool_cli.core.models import JobInfo
from akool_cli.core.validate import TalkRequest, check_input_url, check_job_id, check_resolution
from akool_cli.jobs import engine
from akool_cli.jobs.views import job_view
from akool_cli.store import config
from akool_cli.store.journal import JobRecord, Journal, Scope

if TYPE_CHECKING:
    from akool_cli.core.mediatypes import Role
    from akool_cli.jobs.ledger import Spend
    from akool_cli.jobs.sync import SyncResult
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
    files: Mapping[str, str] = field(default_factory=dict)  # other result files: role → URL
    saved: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # role → path, size
    cost: Mapping[str, float] = field(default_factory=dict)  # as AKOOL reports it
    # What the job makes that is not a file: a cloned voice's `voice_id`, an avatar's
    # `avatar_id`, a moderation's `result` and `final_conclusion` (AKOOL's field names).
    outputs: Mapping[str, str] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return states.finished(self.video_status)

    @property
    def done(self) -> bool:
        return self.video_status == states.Status.DONE

    @property
    def failed(self) -> bool:
        return self.video_status == states.Status.FAILED

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
            files=self.files,
            saved=self.saved,
            cost=self.cost,
            outputs=self.outputs,
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
            state=states.name(status),
            video_status=status,
            video_url=url or None,
            error=error or None,
            created_at=created,
            label=record.label if record is not None else "",
            downloaded_path=(record.downloaded_path or None) if record is not None else None,
            size=record.size if record is not None else None,
            sha256=(record.sha256 or None) if record is not None else None,
            inputs=record.inputs if record is not None else {},
            files=(info.files if info is not None else {}) or (record.files if record else {}),
            saved=record.saved if record is not None else {},
            cost=(info.cost if info is not None else {}) or (record.cost if record else {}),
            outputs={
                **(record.outputs if record is not None else {}),
                **(info.outputs if info is not None else {}),
            },
        )


REPEAT_LOOKBACK = 10_000  # recent jobs searched for a repeated lip-synced translation


def media_kind(command: str, *, plus: bool = False, video: bool = False) -> str:
    """The kind a face swap or reage command makes: `faceswap`, `faceswap_plus`,
    `faceswap_plus_video`, `faceswap_video`, `reage`, `reage_video`."""
    if command == "reage":
        return "reage_video" if video else "reage"
    return "faceswap" + ("_plus" if plus else "") + ("_video" if video else "")


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
        connect: Callable[[str, str, Credential], AkoolClient] | None = None,
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
        self._apis: dict[tuple[str, str, str, str], AkoolClient] = {}
        self._stored: dict[str, Credential | None] = {}
        self._journal: Journal | None = None

    # -- what it works with -------------------------------------------------------------------

    @property
    def api(self) -> AkoolClient:
        """The low-level client for this server and profile (documented endpoints, retries)."""
        return self.api_for(self.base_url, self.profile, self.credential())

    def credential(self) -> Credential:
        """The credential in use: the argument, the environment, or the profile's keyring entry."""
        if self._credential is None:
            from akool_cli.store.credentials import resolve

            self._credential = resolve(self.env, self._keyring(), self.profile)
        return self._credential

    def api_for(self, base_url: str, profile: str, credential: Credential) -> AkoolClient:
        """A low-level client for a server and profile with this credential. Which credential may
        go to which server is decided by `credential_for`: call it first for recorded jobs."""
        key = (base_url, profile, credential.account(), credential.source)
        if key not in self._apis:
            if self._connect is not None:
                self._apis[key] = self._connect(base_url, profile, credential)
            else:
                from akool_cli.net.api import AkoolClient

                self._apis[key] = AkoolClient(base_url, credential, clock=self.clock)
        return self._apis[key]

    def credential_for(self, record: JobRecord) -> Credential:
        """The credential to ask about a recorded job with, sent only where it may go.

        A credential goes to a server it was made for (the one in use to the current base URL, a
        profile's keyring entry to the base URL it logged in to), or to the server of a job that
        the same account made (it was sent there to create it). Anything else would hand a key to
        a host that never had it, e.g. a production key to last week's sandbox: CredentialScopeError.
        """
        base_url = record.base_url or self.base_url
        current = self._current_or_none()
        stored = self._stored_credential(record.profile)
        if record.account:
            for credential in (current, stored):
                if credential is not None and credential.account() == record.account:
                    return credential
        if stored is not None and base_url == self._saved_base_url(record.profile):
            return stored
        if current is not None and base_url == self.base_url:
            return current
        if current is None and stored is None:
            self.credential()  # no credential at all: its own AuthError says how to get one
        raise CredentialScopeError(
            f"job {record.id} was made on {base_url} (profile {record.profile}) with another "
            "credential than the ones akool has here, and akool never sends a key to a server "
            "it was not made for",
            hint=f"ask with that server's credential: AKOOL_BASE_URL={base_url} "
            f"akool --profile {record.profile} status {record.id}",
        )

    def _current_or_none(self) -> Credential | None:
        try:
            return self.credential()
        except AuthError:
            return None

    def _stored_credential(self, profile: str) -> Credential | None:
        """A profile's keyring entry; none with a credential in the environment, which means
        the keyring is never touched (headless CI has none)."""
        from akool_cli.store.credentials import from_environment

        if profile not in self._stored:
            found = None
            if from_environment(self.env) is None:
                if profile == self.profile and self._credential is not None:
                    found = self._credential if self._credential.source == "keyring" else None
                else:
                    try:
                        found = self._keyring().load(profile)
                    except AuthError:
                        found = None
            self._stored[profile] = found
        return self._stored[profile]

    def _saved_base_url(self, profile: str) -> str:
        """The base URL a profile logged in to (its saved one, or AKOOL's documented host)."""
        return config.resolve_base_url(None, {}, self.paths, profile)

    def _keyring(self) -> KeyringStore:
        if self._store is None:
            from akool_cli.store.credentials import default_store

            self._store = default_store(self.env)
        return self._store

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
        self._check_roles({request.image_url: "image", request.audio_url: "audio"}, on_warning)

    def _check_roles(
        self, roles: dict[str, Role], on_warning: Callable[[str], None] | None
    ) -> None:
        from akool_cli.inputs.preflight import Events, Settings, check_urls, raise_all

        events = Events(warn=on_warning or (lambda message: None))
        raise_all(check_urls(roles, Settings(check=True, base_url=self.base_url), events))

    def make(
        self,
        kind: str,
        fields: Mapping[str, Any],
        *,
        webhook_url: str | None = None,
        name: str = "",
        check: bool = True,
        on_warning: Callable[[str], None] | None = None,
    ) -> Job:
        """Create a job of any product from its documented fields (billed), recorded before this
        returns: `client.make("lipsync", {"video_url": ..., "audio_url": ...})`.

        Documented defaults fill the fields not given, and every value is checked before
        anything is billed (UsageError names each problem). With `check`, each input URL is
        first fetched the way AKOOL will, as `talk` does.
        """
        from akool_cli.core import products

        chosen = kinds.by_command(kind)
        product = products.for_kind(chosen) if chosen is not None else None
        if chosen is None or product is None:
            known = ", ".join(sorted(p.kind.command for p in products.PRODUCTS.values()))
            raise UsageError(f"akool makes no product called {kind!r}", hint=f"one of: {known}")
        hook = check_input_url(webhook_url, "webhook URL") if webhook_url else None
        request = product.build(fields, webhook_url=hook)
        self._check_repeat(chosen, request)
        from akool_cli.inputs.preflight import checks_disabled

        if check and not checks_disabled(self.env):
            roles = {
                str(request.fields[name]): role
                for name, role in product.media().items()
                if request.fields.get(name)
            }
            self._check_roles(roles, on_warning)
        return self.create(chosen, request, self.origin(name))

    def _check_repeat(self, kind: kinds.JobKind, request: kinds.FieldsRequest) -> None:
        """AKOOL's 1202 before billing: a video translated with lip sync into a language once."""
        from akool_cli.core.products import repeated_lipsync

        if kind is not kinds.TRANSLATION:
            return
        earlier = [
            r.inputs
            for r in self.journal.recent(REPEAT_LOOKBACK)
            if r.kind == kind.name and r.video_status != states.Status.FAILED
        ]
        problem = repeated_lipsync(request.fields, earlier)
        if problem:
            raise UsageError(problem, hint="pick other languages, or translate without --lipsync")

    def lipsync(
        self, video_url: str, audio_url: str, *, webhook_url: str | None = None, name: str = ""
    ) -> Job:
        """A video's lips moved to new speech (billed). Then: wait(), download()."""
        fields = {"video_url": video_url, "audio_url": audio_url}
        return self.make("lipsync", fields, webhook_url=webhook_url, name=name)

    def image2video(
        self,
        image_url: str,
        prompt: str,
        *,
        negative_prompt: str | None = None,
        resolution: str | None = None,
        length: int | None = None,
        audio_url: str | None = None,
        audio: bool = True,
        effect: str | None = None,
        premium: bool | None = None,
        extend_prompt: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
    ) -> Job:
        """An image animated by a prompt or an effect (billed). `audio_url` is your soundtrack;
        `audio=False` makes a silent video; otherwise AKOOL generates the sound."""
        from akool_cli.core.products import image2video_fields

        fields = image2video_fields(
            image_url,
            prompt,
            negative_prompt=negative_prompt,
            resolution=resolution,
            length=length,
            audio_url=audio_url,
            audio=audio,
            effect=effect,
            premium=premium,
            extend_prompt=extend_prompt,
        )
        return self.make("image2video", fields, webhook_url=webhook_url, name=name)

    def text2video(
        self,
        prompt: str,
        *,
        model: str | None = None,
        resolution: str | None = None,
        length: int | None = None,
        negative_prompt: str | None = None,
        extend_prompt: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
    ) -> Job:
        """A video from a prompt (billed)."""
        from akool_cli.core.products import text2video_fields

        fields = text2video_fields(
            prompt,
            model=model,
            resolution=resolution,
            length=length,
            negative_prompt=negative_prompt,
            extend_prompt=extend_prompt,
        )
        return self.make("text2video", fields, webhook_url=webhook_url, name=name)

    def translate(
        self,
        video_url: str,
        to: str | list[str],
        *,
        source: str | None = None,
        lipsync: bool | None = None,
        captions: int | None = None,
        captions_url: str | None = None,
        glossary: Mapping[str, Any] | None = None,
        speakers: int | None = None,
        remove_bgm: bool | None = None,
        dynamic_duration: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
    ) -> Job:
        """A video translated into `to` (codes from languages()), billed. The result is the
        translated video; its subtitles and a caption-free video are the job's other files
        (download() saves them beside it)."""
        from akool_cli.core.products import translation_fields

        fields = translation_fields(
            video_url,
            to,
            source=source,
            lipsync=lipsync,
            captions=captions,
            captions_url=captions_url,
            glossary=glossary,
            speakers=speakers,
            remove_bgm=remove_bgm,
            dynamic_duration=dynamic_duration,
        )
        return self.make("translate", fields, webhook_url=webhook_url, name=name)

    def languages(self) -> list[dict[str, str]]:
        """The languages video translation speaks: `lang_code` (for translate's `to`), `lang_name`."""
        return self.api.languages()

    def effects(self) -> list[dict[str, Any]]:
        """The effects image to video offers: `effect_code` (for image2video's `effect`), `name`."""
        return self.api.effects()

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
        """The client for the server and profile a recorded job was made with, with a credential
        that may go there (CredentialScopeError when there is none)."""
        if record is not None and record.base_url:
            return self.api_for(record.base_url, record.profile, self.credential_for(record))
        return self.api

    def status(self, job_id: str) -> Job:
        """The job's current state from AKOOL (the server that made it), recorded in the history."""
        job_id, record, kind, api = self._where(check_job_id(job_id))
        info = api.detail(kind, job_id)
        if record is not None:
            self.journal.update_from(info)
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
        from akool_cli.jobs.naming import target_suffix

        record = self.journal.get(check_job_id(job_id))
        kind = kinds.get(record.kind) if record else kinds.TALKING_PHOTO
        suffix = target_suffix(record, kind)
        target = resolve_target(os.fspath(dest), job_id, many=False, suffix=suffix)
        if not force and record is not None and record.saved_at(target):
            return target  # downloaded earlier, and still there whole: nothing to fetch
        # "videos/" means a folder, which the download creates when it does not exist.
        check_target(target, force=force, make_parent=names_directory(os.fspath(dest), many=False))
        job = self._follow(job_id, target, timeout=timeout, interval=3.0, force=force)
        if job.failed:
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

    # -- the ledger and the results' lifetime ------------------------------------------------

    def credit(self) -> float:
        """The account's credit balance."""
        return self.api.credit()

    def spend(self, *, since: float = 0.0, by: str = "kind") -> Spend:
        """What finished jobs were charged since then (a timestamp), grouped by kind, day
        (UTC) or batch run, with each run's balance before and after."""
        from akool_cli.jobs import ledger

        return ledger.spend(self.journal, since=since, by=by)

    def history(self, *, since: float = 0.0) -> list[dict[str, Any]]:
        """Every job since then, oldest first: inputs, outputs, costs, expiry."""
        from akool_cli.jobs.ledger import export_row

        return [export_row(record) for record in self.journal.jobs_since(since)]

    def expiring(self, within: float = 86400.0) -> list[JobRecord]:
        """Done jobs not downloaded whose result AKOOL deletes within `within` seconds."""
        from akool_cli.jobs.ledger import expiring

        return expiring(self.journal.unsaved(), self.clock.time(), within)

    def sync(self, folder: str | os.PathLike[str], *, force: bool = False) -> SyncResult:
        """Download every finished result the history has not saved into `folder`; a second
        call transfers nothing. Jobs are asked about on the server (and profile) that made them."""
        from akool_cli.jobs.sync import sync

        return sync(self.journal, self.api_of, Path(folder), force=force)

    # -- face swap, reage, images, voices, avatars, moderation -------------------------------

    def faceswap(
        self,
        source_url: str,
        target_url: str,
        *,
        plus: bool = False,
        video: bool = False,
        enhance: bool | None = None,
        single_face: bool | None = None,
        style: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
    ) -> Job:
        """A face put onto the faces of an image (Face Swap Pro; billed), or with `plus` Face Swap
        Plus, or with `video` a video's faces (v3; with `plus`, Plus). The faces' landmarks come
        from AKOOL's face detection, asked just before the create."""
        from akool_cli.core.products import given

        kind = media_kind("faceswap", plus=plus, video=video)
        fields = given(
            source_url=source_url,
            target_url=target_url,
            face_enhance=enhance,
            single_face_mode=single_face,
            model_style=style,
        )
        return self.make(kind, fields, webhook_url=webhook_url, name=name)

    def reage(
        self,
        url: str,
        age: int,
        *,
        video: bool = False,
        webhook_url: str | None = None,
        name: str = "",
    ) -> Job:
        """The faces of an image (or with `video`, a video) made `age` years older, or younger
        when negative (-30 to 30; billed). Cancel it while it runs with cancel()."""
        field = "modifyVideo" if video else "modifyImage"
        kind = media_kind("reage", video=video)
        return self.make(kind, {field: url, "face_reage": age}, webhook_url=webhook_url, name=name)

    def cancel(self, job_id: str) -> Job:
        """Cancel a job that is still running, where AKOOL documents how (reage)."""
        job_id, record, kind, api = self._where(check_job_id(job_id))
        call = kind.cancel
        if record is None or call is None:
            what = f"a {kind.noun} job" if record is not None else "a job not in akool's history"
            raise UsageError(
                f"akool cannot cancel {job_id}: it is {what}, and AKOOL documents a cancel "
                "only for reage",
                hint="see its state with: akool status " + job_id,
            )
        handle = record.outputs.get(call.source) if call.source != "_id" else job_id
        if not handle:
            raise UsageError(
                f"the history has no {call.source} for job {job_id} to cancel it with",
                hint="cancel it in the AKOOL console",
            )
        api.call(call.endpoint, body=call.body([handle]))
        return self.status(job_id)

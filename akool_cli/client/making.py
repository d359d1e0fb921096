"""AKOOL's other products from Python as their commands make them (`akool lipsync`,
`image2video`, `text2video`): every field checked, local files uploaded and input URLs checked
before billing, the job created once and recorded before it returns."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, TypedDict

from akool_cli.client.arguments import as_text
from akool_cli.client.job import Job
from akool_cli.client.talking import DEFAULT_URL_TTL, TalkingMixin, _ignore
from akool_cli.core import kinds, states
from akool_cli.core.errors import AkoolError, UnknownOutcomeError, UsageError
from akool_cli.inputs.preflight import Events, Input, Plan

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from akool_cli.client.runs import Once, Run
    from akool_cli.core.mediatypes import Role
    from akool_cli.core.models import JobInfo
    from akool_cli.core.products import Product
    from akool_cli.jobs.engine import Origin

ANALYSING = "AKOOL analyses the video's people first…"  # head swap's first stage begins
REPEAT_LOOKBACK = 10_000  # recent jobs searched for a repeated lip-synced translation
REPEAT_HINT = "pick other languages, or translate without --lipsync"


class InputOptions(TypedDict, total=False):
    """How a product method takes its media inputs, as `talk` and `make` do: local files
    uploaded first to `upload_to` (s3://bucket/prefix/, presigned for `url_ttl`, e.g. "24h"),
    each input URL fetched the way AKOOL will unless `check=False`, warnings to `on_warning`,
    upload progress to `events`. And `reuse`: the job an earlier create of the same request
    made, returned instead of a new one (create()'s `reuse`; the commands' --reuse)."""

    upload_to: str | None
    url_ttl: str | float
    check: bool
    on_warning: Callable[[str], None] | None
    events: Events | None
    reuse: bool


# The hint of an unanswered POST to a path akool makes no job of (a batch variant, a legacy or
# live endpoint): nothing was recorded, so there is no attempt to settle.
UNRECORDED_POST = (
    "akool recorded nothing of this call (it records the creates `akool api --list` marks "
    "`creates …`): look in AKOOL's dashboard for what it made before sending it again, which "
    "may bill it twice"
)


class MakingMixin(TalkingMixin):
    def make(
        self,
        kind: str,
        fields: Mapping[str, Any],
        *,
        webhook_url: str | None = None,
        name: str = "",
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
        check: bool = True,
        on_warning: Callable[[str], None] | None = None,
        events: Events | None = None,
        roles: Mapping[str, Role] | None = None,
        extra: Mapping[str, Any] | None = None,
        once: Once | None = None,
        run: Run | None = None,
        account_choice: str | None = None,
        reuse: bool = False,
    ) -> Job:
        """Create a job of any product from its documented fields (billed), recorded before this
        returns: `client.make("lipsync", {"video_url": ..., "audio_url": ...})`. `extra` is
        recorded with the job's inputs (not sent). `account_choice`: this call's, as the
        client's `account_choice` ("same" or "new").

        Documented defaults fill the fields not given, and every value is checked before
        anything is billed (UsageError names each problem). Media fields may be local files,
        uploaded first to your bucket (`upload_to`, as `talk`); with `check`, each input URL is
        fetched the way AKOOL will. `roles` names media fields whose kind depends on the
        request (a moderation's `content`: an image, a video or audio). `once` and `run`: as
        create() (a key that made a job returns it; a run's cap may refuse the job), and
        `reuse` (the job made earlier of the same request returned, not billed again).
        """
        from akool_cli.client.runs import made_by
        from akool_cli.core.validate import check_input_url

        earlier = made_by(self, once) if once is not None else None
        if earlier is not None:
            return earlier  # made already: what it made is no reason to refuse it (an avatar_id)
        if not isinstance(fields, Mapping):
            raise UsageError(
                f"make() takes the product's fields as a dict, not {fields!r:.60}",
                hint='e.g. client.make("lipsync", {"video_url": ..., "audio_url": ...})',
            )
        chosen, product = _product(kind)
        hook = check_input_url(webhook_url, "webhook URL") if webhook_url else None
        given = {k: v for k, v in fields.items() if v is not None}
        if chosen is kinds.TALKING_AVATAR:
            product.build(given, webhook_url=hook)  # every value first, then the lookup
            problem = fill_avatar_from(self, given)
            if problem:
                raise UsageError(problem, hint=AVATAR_HINT)
        # Every value checked before anything else (listed ones against AKOOL's lists), and
        # AKOOL's 1202 before billing.
        built = product.build(given, webhook_url=hook)
        self._check_listed(chosen, built.fields)
        if not reuse:  # (with reuse: once the request is known, unless its job is reused)
            self._check_repeat(chosen, built)
        media = {**product.media(given), **(roles or {})}
        inputs = [
            Input(str(given[field]), role, f"the {field}")
            for field, role in media.items()
            if given.get(field)
        ]
        found, settings = self.plan_inputs(
            inputs, upload_to=upload_to, url_ttl=url_ttl, check=check
        )
        found.raise_problems()
        events = events or Events(warn=on_warning or _ignore)
        _check_videos(product, found, events.warn)
        sent = self.prepare_inputs(found, settings, events=events)
        for field in media:
            if field in given:
                given[field] = sent.get(given[field], given[field])
        request = product.build(given, webhook_url=hook)
        origin = self.origin(name.strip(), extra, account_choice)
        warn = events.warn
        reused = self._reused(chosen, request, origin, built, warn) if reuse else None
        if reused is not None:
            return reused
        return self.create(chosen, request, origin, once=once, run=run, reuse=reuse, warn=warn)

    def _reused(
        self,
        kind: kinds.JobKind,
        request: kinds.Request,
        origin: Origin,
        built: kinds.Request,
        warn: Callable[[str], None],
    ) -> Job | None:
        """With reuse: the job of this very request; another request AKOOL would refuse as
        made already (an avatar_id, a lip-synced language) is still refused before billing."""
        reused = self.reusable(kind, request, origin, warn)
        if reused is None:
            self._check_repeat(kind, built)
        return reused

    def raw_call(
        self,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        query: dict[str, str] | None = None,
    ) -> Any:
        """Any AKOOL endpoint with this credential (as `akool api`): AKOOL's whole answer,
        whatever its code (see envelope_error). A POST is never resent after an ambiguous
        failure: it may be billed. A POST that creates a job (`akool api --list` names them) is
        created as every create is: claimed in the history before it is sent (refused while the
        same request has an unknown outcome), its job recorded, an unanswered one an unknown
        outcome to settle. A path that does not start with / or holds a control character
        raises UsageError before anything is sent."""
        from akool_cli.core.validate import check_api_path

        checked = check_api_path(path)
        _sendable(body)
        kind = kinds.created_by(checked, body or {}) if method.upper() == "POST" else None
        if kind is None:
            try:
                return self.api.raw_call(method, checked, body=body, query=query)
            except UnknownOutcomeError as exc:
                exc.hint = UNRECORDED_POST  # no attempt to settle (break17f F7, F23)
                raise
        return self._raw_create(kind, body or {}, query)

    def _raw_create(
        self, kind: kinds.JobKind, body: dict[str, Any], query: dict[str, str] | None
    ) -> Any:
        """raw_call's create: through the one engine, sent as written (break17f F7: sent with
        no attempt, so its unknown outcome was nowhere to settle and a rerun billed again)."""
        from akool_cli.core.contract import SUCCESS_CODE
        from akool_cli.jobs import engine

        answers: list[Any] = []

        def send(request: kinds.Request) -> JobInfo:
            answers.append(
                self.api.raw_call("POST", kind.create.path, body=request.body(), query=query)
            )
            return self.api.read_created(kind, answers[0])

        request = kinds.RawRequest(kind, body)
        try:
            engine.create(self.api, self.journal, kind, request, self.origin(), send=send)
        except AkoolError:
            answer = answers[0] if answers else None
            if isinstance(answer, dict) and answer.get("code") != SUCCESS_CODE:
                return answer  # AKOOL answered with its code (nothing made): shown as it came
            raise
        return answers[0]

    def _check_repeat(self, kind: kinds.JobKind, request: kinds.Request) -> None:
        """AKOOL's 1202 before billing: a video translated with lip sync into a language once;
        and an avatar_id is made once (avatar.mdx: it is unique)."""
        if not isinstance(request, kinds.FieldsRequest):
            return
        problem = self.repeat_problem(kind, request.fields)
        if problem and kind is kinds.TRANSLATION:
            raise UsageError(problem, hint=REPEAT_HINT)
        if problem:
            avatar_id = request.fields.get("avatar_id")
            raise UsageError(
                problem,
                hint=f"use it: akool avatar {avatar_id} ...; or add another with a "
                "different --name or --id",
            )

    def repeat_problem(
        self,
        kind: kinds.JobKind,
        fields: Mapping[str, Any],
        also: Sequence[Mapping[str, Any]] = (),
    ) -> str | None:
        """What AKOOL would refuse as made already, said before billing (None when nothing):
        a video translated with lip sync into one of these languages (its 1202), or an avatar
        upload's avatar_id (unique), by a job in the history not failed or by one of `also`
        (the fields of a batch's earlier rows of this kind)."""
        from akool_cli.core.products import repeated_lipsync

        if kind is kinds.TRANSLATION and fields.get("lipsync"):
            earlier = [
                r.inputs
                for r in self.journal.recent(REPEAT_LOOKBACK)
                if r.kind == kind.name and r.video_status != states.Status.FAILED
            ]
            return repeated_lipsync(fields, [*earlier, *also])
        if kind.name == "avatar":
            avatar_id = str(fields.get("avatar_id") or "")
            if any(a.get("avatar_id") == avatar_id for a in also):
                return f"avatar_id {avatar_id} is made by an earlier row; AKOOL keeps each once"
            return self._made_avatar_id(avatar_id)
        return None

    def _check_listed(self, kind: kinds.JobKind, fields: Mapping[str, Any]) -> None:
        """A request's listed values (translation's languages, an effect, a text-to-video model
        and its resolution and length) against what AKOOL lists now, each list read once per
        Client: UsageError naming the values allowed."""
        from akool_cli.core import listed

        problems = listed_problems(self, kind.name, fields)
        if problems:
            sees = ", ".join(dict.fromkeys(r.see for r in listed.LISTED.get(kind.name, ())))
            raise UsageError(
                f"the {kind.noun} request is not valid: " + "; ".join(problems),
                hint=f"pick values AKOOL lists (see: {sees})",
            )

    def _listed(self, source: str) -> list[dict[str, Any]]:
        """One of AKOOL's lists by its name in LIST_SOURCES, read once per Client."""
        with self._lists_lock:
            if source not in self._lists:
                self._lists[source] = LIST_SOURCES[source](self)
            return self._lists[source]

    def _made_avatar_id(self, avatar_id: str) -> str | None:
        """An avatar_id this server's history made already (not failed): it is not made again."""
        for record in self.journal.recent(REPEAT_LOOKBACK):
            if (
                record.kind == "avatar"
                and record.base_url == self.base_url
                and record.video_status != states.Status.FAILED
                and avatar_id in (record.inputs.get("avatar_id"), record.outputs.get("avatar_id"))
            ):
                return (
                    f"avatar_id {avatar_id} was made already (job {record.id}, "
                    f"{states.name(record.video_status)}); AKOOL keeps each avatar_id once"
                )
        return None

    def lipsync(
        self,
        video_url: str | os.PathLike[str],
        audio_url: str | os.PathLike[str],
        *,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """A video's lips moved to new speech (billed). Then: wait(), download()."""
        fields = {"video_url": video_url, "audio_url": audio_url}
        return self.make("lipsync", fields, webhook_url=webhook_url, name=name, **inputs)

    def image2video(
        self,
        image_url: str | os.PathLike[str],
        prompt: str,
        *,
        negative_prompt: str | None = None,
        resolution: str | int | None = None,
        length: int | None = None,
        audio_url: str | os.PathLike[str] | None = None,
        audio: bool = True,
        effect: str | None = None,
        premium: bool | None = None,
        extend_prompt: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """An image animated by a prompt or an effect (billed). `audio_url` is your soundtrack;
        `audio=False` makes a silent video; otherwise AKOOL generates the sound."""
        from akool_cli.core.products import image2video_fields

        audio_url = as_text(audio_url)
        fields = image2video_fields(
            as_text(image_url),
            prompt,
            negative_prompt=negative_prompt,
            resolution=_text(resolution),
            length=length,
            audio_url=audio_url,
            audio=audio,
            effect=effect,
            premium=premium,
            extend_prompt=extend_prompt,
        )
        return self.make("image2video", fields, webhook_url=webhook_url, name=name, **inputs)

    def text2video(
        self,
        prompt: str,
        *,
        model: str | None = None,
        resolution: str | int | None = None,
        length: int | None = None,
        negative_prompt: str | None = None,
        extend_prompt: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
        reuse: bool = False,
    ) -> Job:
        """A video from a prompt (billed). `reuse`: as make()'s."""
        from akool_cli.core.products import text2video_fields

        fields = text2video_fields(
            prompt,
            model=model,
            resolution=_text(resolution),
            length=length,
            negative_prompt=negative_prompt,
            extend_prompt=extend_prompt,
        )
        return self.make("text2video", fields, webhook_url=webhook_url, name=name, reuse=reuse)

    def translate(
        self,
        video_url: str | os.PathLike[str],
        to: str | list[str],
        *,
        source: str | None = None,
        lipsync: bool | None = None,
        captions: int | None = None,
        captions_url: str | os.PathLike[str] | None = None,
        glossary: Mapping[str, Any] | None = None,
        speakers: int | None = None,
        remove_bgm: bool | None = None,
        dynamic_duration: bool | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """A video translated into `to` (codes from languages()), billed. The result is the
        translated video; its subtitles and a caption-free video are the job's other files
        (download() saves them beside it)."""
        from akool_cli.core.products import translation_fields

        captions_url = as_text(captions_url)
        fields = translation_fields(
            as_text(video_url),
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
        return self.make("translate", fields, webhook_url=webhook_url, name=name, **inputs)

    def charswap(
        self,
        image_url: str | os.PathLike[str],
        video_url: str | os.PathLike[str],
        *,
        mode: str | None = None,
        resolution: str | int | None = None,
        duration: float | None = None,
        prompt: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """A character put into a video (`mode="replace"`) or animated with its motion
        (`"animate"`, the default), billed; a Pro plan or higher."""
        from akool_cli.core.products import charswap_fields

        fields = charswap_fields(
            as_text(image_url),
            as_text(video_url),
            mode=mode,
            resolution=_text(resolution),
            duration=duration,
            prompt=prompt,
        )
        return self.make("charswap", fields, webhook_url=webhook_url, name=name, **inputs)

    def headswap(
        self,
        video_url: str | os.PathLike[str],
        faces: Sequence[str | os.PathLike[str]],
        *,
        resolution: str | int | None = None,
        keep_sound: bool | None = None,
        template_id: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
        check: bool = True,
        timeout: float | str | None = None,
        events: Events | None = None,
        once: Once | None = None,
        run: Run | None = None,
        on_analysis: Callable[[str], None] | None = None,
        account_choice: str | None = None,
        reuse: bool = False,
    ) -> Job:
        """Heads swapped in a video: AKOOL analyses its people (followed here, not billed),
        then one face per person, in the analysis's order, makes the task (billed), the one
        job recorded, with the analysis's id among its inputs. The video and the faces may be
        local files with `upload_to`. `once` and `run`: as create(). `on_analysis` gets the
        analysis's id once AKOOL took it (an analysis may take minutes). `account_choice` and
        `reuse`: as make()'s (a head swap reused asks for no analysis)."""
        from akool_cli.client.runs import made_by
        from akool_cli.core import products
        from akool_cli.core.durations import optional_duration
        from akool_cli.core.validate import check_input_url, check_text

        video_url, wait = as_text(video_url), optional_duration(timeout, "timeout")
        earlier = made_by(self, once) if once is not None else None
        if earlier is not None:
            return earlier  # made already: neither the analysis nor the create again

        faces = _faces(faces)
        for face in faces:
            if "|" in face:  # a batch file's faces column written as one face
                raise UsageError(
                    f"the face {face[:80]!r} holds '|': each face is given on its own",
                    hint="one --face per person (a list of faces in Python), in the "
                    "analysis's order: --face a.jpg --face b.jpg",
                )
        given = [Input(check_text(video_url, "the video"), "video", "the video")]
        given += [Input(face, "image", "the face") for face in faces]
        found, settings = self.plan_inputs(given, upload_to=upload_to, url_ttl=url_ttl, check=check)
        found.raise_problems()
        shaped = {"video_url": video_url, "resolution": _text(resolution)}
        # the faces' URLs are checked once uploaded (the task is built again then), as in a batch
        products.headswap_request({k: v for k, v in shaped.items() if v is not None}, faces)
        events = events or Events()
        _check_videos(products.HEAD_SWAP, found, events.warn)
        sent = self.prepare_inputs(found, settings, events=events)
        values = {
            "video_url": sent.get(video_url, video_url),  # the identical URL the analysis uses
            "resolution": _text(resolution),
            "keep_original_sound": keep_sound,
            "template_id": template_id,
        }
        hook = check_input_url(webhook_url, "webhook URL") if webhook_url else None
        request = products.headswap_request(
            {k: v for k, v in values.items() if v is not None},
            [sent.get(face, face) for face in faces],
            webhook_url=hook,
        )
        origin = self.origin(name.strip(), None, account_choice)
        reused = self._before_analysis(request, origin, once, reuse)
        if reused is not None:
            return reused  # made already: neither the analysis nor the create again
        events.info(ANALYSING)  # once every input is checked: the analysis is what comes next
        with self._first_step(kinds.HEAD_SWAP, on_analysis) as noted:
            analysis = self._analysis(str(values["video_url"]), wait, noted)
            # Recorded as a batch row's is: the user's inputs (the faces as sent) and the
            # analysis's id beside them, never its mappings (requests.py: the same head swap).
            task = request.analysed(
                (analysis.raw.get("analysis_result") or {}).get("media"), analysis.id
            )
            return self._made_from(analysis.id, task, origin, once=once, run=run, reuse=reuse)

    def _made_from(
        self,
        step_id: str,
        task: kinds.Request,
        origin: Origin,
        *,
        once: Once | None,
        run: Run | None,
        reuse: bool,
    ) -> Job:
        """The head swap `task` created from the analysis `step_id`: when its job (or its
        unknown outcome) is another create's (the same call's, made by another session from
        its own analysis), that analysis id leads to it too (break17g G17: "never became a job
        … make it again", and making it again billed twice)."""
        try:
            job = self.create(kinds.HEAD_SWAP, task, origin, once=once, run=run, reuse=reuse)
        except UnknownOutcomeError as exc:
            if exc.attempt_id is not None:
                self.journal.join_first_step(step_id, attempt_id=exc.attempt_id)
            raise
        if job.repeated:
            self.journal.join_first_step(step_id, job_id=job.id)
        return job

    def _before_analysis(
        self, request: kinds.Request, origin: Origin, once: Once | None, reuse: bool
    ) -> Job | None:
        """What a head swap meets before its analysis: its job made earlier (`reuse`), or the
        unknown outcome `once`'s claim would stop at, raised (no analysis asked in vain)."""
        reused = self.reusable(kinds.HEAD_SWAP, request, origin) if reuse else None
        if reused is None and once is not None:
            self._refuse_doubt(kinds.HEAD_SWAP, request, once)
        return reused

    @contextmanager
    def _first_step(
        self, kind: kinds.JobKind, on_sent: Callable[[str], None] | None
    ) -> Iterator[Callable[[str], None]]:
        """What records a first step's id as soon as AKOOL answered it (then tells `on_sent`),
        so Client.first_step follows that id to the job; a failure before the job (a failed
        analysis, faces that do not fit, a refusal) lets the step go: nothing will come of it."""
        taken: list[str] = []

        def noted(step_id: str) -> None:
            self.journal.note_first_step(step_id, kind.name, self.base_url, self.profile)
            taken.append(step_id)
            if on_sent is not None:
                on_sent(step_id)

        try:
            yield noted
        except AkoolError:
            for step_id in taken:
                with suppress(AkoolError):
                    self.journal.let_go_first_step(step_id)
            raise

    def _refuse_doubt(self, kind: kinds.JobKind, request: kinds.Request, once: Once) -> None:
        """The unknown outcome a claim of `once` would stop at (its key's, or the same
        request's sent any other way), raised before a free first step it would waste."""
        from akool_cli.jobs.engine import doubt_before

        doubt = doubt_before(self.journal, kind, request.inputs(), once.key, self.scope())
        if doubt is not None:
            raise doubt

    def _analysis(
        self, video_url: str, timeout: float | None, on_sent: Callable[[str], None] | None
    ) -> JobInfo:
        """Head swap's first stage, sent and followed to its end (not a recorded job)."""
        from akool_cli.jobs.engine import analyse

        return analyse(self.api, video_url, clock=self.clock, timeout=timeout, on_sent=on_sent)

    def models(self, product: str = "text2video") -> list[dict[str, Any]]:
        """The models AKOOL offers for `image2video` or `text2video`: `value` (the model name to
        pass), `label`, `resolutions`, `durationList` (lengths in seconds), `isPro`."""
        from akool_cli.core.contract import MODEL_TYPES

        if product not in MODEL_TYPES:
            raise UsageError(
                f"AKOOL lists no models for {product!r}", hint=f"one of: {', '.join(MODEL_TYPES)}"
            )
        return self.api.models(MODEL_TYPES[product])

    def languages(self) -> list[dict[str, str]]:
        """The languages video translation speaks: `lang_code` (for translate's `to`), `lang_name`."""
        return self.api.languages()

    def effects(self) -> list[dict[str, Any]]:
        """The effects image to video offers: `effect_code` (for image2video's `effect`), `name`."""
        return self.api.effects()

    def avatars(self, *, source: str | None = None) -> list[dict[str, Any]]:
        """Avatars (avatar_id, name, url, from): AKOOL's ("library"), yours ("own"), or both."""
        from akool_cli.core import contract

        query = {"size": "100"}
        if source is not None:
            query["from"] = {"library": "2", "own": "3"}[source]
        found: list[dict[str, Any]] = []
        for page in range(1, 101):  # bounded: a server that ignores `page` must not loop forever
            data = self.api.call(contract.AVATAR_LIST, query={**query, "page": str(page)})
            items = [a for a in data if isinstance(a, dict)] if isinstance(data, list) else []
            new = [a for a in items if a not in found]
            found += new
            if len(items) < 100 or not new:
                break
        return found

    def avatar_from(self, avatar_id: str) -> int:
        """Where an avatar comes from (2 AKOOL's, 3 yours), as the avatar list says; an
        avatar_id the list does not have is a UsageError."""
        fields: dict[str, Any] = {"avatar_id": avatar_id}
        problem = fill_avatar_from(self, fields)
        if problem:
            raise UsageError(problem, hint=AVATAR_HINT)
        return int(fields["avatar_from"])

    # -- face swap, reage --------------------------------------------------------------------

    def faceswap(
        self,
        source_url: str | os.PathLike[str],
        target_url: str | os.PathLike[str],
        *,
        plus: bool = False,
        video: bool = False,
        enhance: bool | None = None,
        single_face: bool | None = None,
        style: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
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
        return self.make(kind, fields, webhook_url=webhook_url, name=name, **inputs)

    def reage(
        self,
        url: str | os.PathLike[str],
        age: int,
        *,
        video: bool = False,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """The faces of an image (or with `video`, a video) made `age` years older, or younger
        when negative (-30 to 30; billed). Cancel it while it runs with cancel()."""
        field = "modifyVideo" if video else "modifyImage"
        kind = media_kind("reage", video=video)
        return self.make(
            kind, {field: url, "face_reage": age}, webhook_url=webhook_url, name=name, **inputs
        )


# AKOOL's lists that requests are checked against (core/listed.py), and how each is read.
LIST_SOURCES: dict[str, Callable[[MakingMixin], list[dict[str, Any]]]] = {
    "languages": lambda client: [dict(x) for x in client.languages()],
    "effects": lambda client: client.effects(),
    "text2video models": lambda client: client.models("text2video"),
    "avatars": lambda client: client.avatars(),
}
AVATAR_HINT = "pick one from: akool avatars list (or give your own avatar's image or video)"


def _faces(faces: Sequence[str | os.PathLike[str]]) -> list[str]:
    """A head swap's faces: one face as a str (never its characters), or a list of faces, each
    a str or a path."""
    from akool_cli.core.validate import check_texts

    if not isinstance(faces, (str, os.PathLike)):
        faces = [os.fspath(f) if isinstance(f, os.PathLike) else f for f in faces]
    return check_texts(faces, "the faces")


# The kinds (as Job.kind and `status --json` name them) made by a method of their own, not make().
OWN_METHODS = {
    "talking_photo": ("Client.talk()", "talk"),
    "talk": ("Client.talk()", "talk"),
    "tts": ("Client.speak()", "speak"),
}


def _product(kind: str) -> tuple[kinds.JobKind, Product]:
    """The job kind and product a command's name (`lipsync`, `avatars add`) makes."""
    from akool_cli.core import products
    from akool_cli.core.validate import check_text

    chosen = kinds.by_command(check_text(kind, "the product"))
    product = products.for_kind(chosen) if chosen is not None else None
    if chosen is None or product is None:
        known = ", ".join(sorted(p.kind.command for p in products.PRODUCTS.values()))
        method = OWN_METHODS.get(kind.strip())
        if method is not None:  # a kind made by its own method, not by make (break17i I12)
            raise UsageError(
                f"make() does not make {kind!r}: {method[0]} makes it",
                hint=f"call client.{method[1]}(...); make() takes one of: {known}",
            )
        raise UsageError(f"akool makes no product called {kind!r}", hint=f"one of: {known}")
    return chosen, product


def fill_avatar_from(client: MakingMixin, fields: dict[str, Any]) -> str | None:
    """A talking avatar's avatar_from (2 AKOOL's, 3 yours) from AKOOL's avatar list when an
    avatar_id comes without one, as every caller (command, library, batch row) has it looked
    up before billing; what is wrong when the list does not have that avatar_id."""
    avatar_id = fields.get("avatar_id")
    if not avatar_id or fields.get("avatar_from") not in (None, ""):
        return None
    for avatar in client._listed("avatars"):
        if avatar.get("avatar_id") == avatar_id and avatar.get("from") in (2, 3):
            fields["avatar_from"] = int(avatar["from"])
            return None
    return f"AKOOL lists no avatar {str(avatar_id)!r}"


def listed_problems(client: MakingMixin, kind: str, fields: Mapping[str, Any]) -> list[str]:
    """What AKOOL's lists do not offer in a request of this kind (core/listed.py)."""
    from akool_cli.core import listed

    if not listed.sources(kind, fields):
        return []
    return listed.problems(kind, fields, client._listed)


def media_kind(command: str, *, plus: bool = False, video: bool = False) -> str:
    """The kind a face swap or reage command makes: `faceswap`, `faceswap_plus`,
    `faceswap_plus_video`, `faceswap_video`, `reage`, `reage_video`."""
    if command == "reage":
        return "reage_video" if video else "reage"
    return "faceswap" + ("_plus" if plus else "") + ("_video" if video else "")


def _check_videos(product: Product, found: Plan, warn: Callable[[str], None]) -> None:
    """Local files against the product's documented limits (size; a video's length and frame
    rate), refused before they are uploaded; what only degrades the result is a warning."""
    from akool_cli.inputs.limits import input_problems

    problems: list[str] = []
    for source in found.files.values():
        stop, warnings = input_problems(
            source.path,
            source.size,
            product.limits,
            product.kind.noun,
            source.kind.role,
            source.kind.name,
        )
        problems += stop
        for line in warnings:
            warn(line)
    if problems:
        raise UsageError(
            "; ".join(problems),
            hint="shorten, compress or convert (re-encode) the file, then run the command again",
        )


def _text(value: str | int | None) -> str | None:
    """A resolution given as a number (1080, as `talk` takes it) in the text its field holds."""
    return None if value is None else str(value)


def _sendable(body: Any) -> None:
    """A raw call's body as the JSON it is sent as: NaN, infinity or bytes are a UsageError
    before anything is claimed or sent (break17g G16: claimed, then recorded as an unknown
    outcome though nothing left)."""
    import json

    try:
        json.dumps(body, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise UsageError(
            f"the body cannot be sent as JSON: {exc}",
            hint="give numbers that are finite and text as str (JSON has no NaN, infinity or bytes)",
        ) from None

"""Creating jobs of any kind: claim or record the attempt, send the billable create once, record the id.

The order is the promise: the attempt is in the history before the request leaves, the id is in
the history before anyone is shown it, and a create is never sent again unless the transport says
it certainly never left this machine. No printing; errors are typed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from akool_cli.core import interrupts, kinds
from akool_cli.core.answers import echoed
from akool_cli.core.clock import Clock
from akool_cli.core.contract import NOT_FOUND_CODE
from akool_cli.core.errors import (
    AkoolError,
    AuthError,
    InterruptedByUser,
    JobFailedError,
    LocalStateError,
    RejectedError,
    UnavailableError,
    UnknownOutcomeError,
    UnsettledAttemptError,
    UsageError,
    asked_jobs,
    settle_hint,
    unrecorded_hint,
)
from akool_cli.core.faces import FacesRequest
from akool_cli.core.kinds import SPEECH, JobKind, Request
from akool_cli.core.models import JobInfo
from akool_cli.core.products import HeadSwapRequest
from akool_cli.core.states import Status
from akool_cli.jobs import accounts
from akool_cli.net.api import AkoolClient, RateLimitedError
from akool_cli.store import requests
from akool_cli.store.journal import SENDING_AT_MOST, AttemptRecord, JobRecord, Journal, Scope

SPEECH_POLL_INITIAL = 2.0
STOPPED_WAITING = "stopped while waiting for AKOOL's answer"
CLAIM_WAIT_SECONDS = 0.5

# Creates AKOOL answered whose record is still being written (attempt id -> what to tell the
# user): a process that must exit before the write ends (a stop while another process holds
# the history lock, break17f F12) prints them rather than losing the ids.
_ANSWERED: dict[int, str] = {}
_ANSWERED_LOCK = threading.Lock()


def answered_unrecorded() -> list[str]:
    """One line per create AKOOL answered whose record is not written yet: its id and settle."""
    with _ANSWERED_LOCK:
        return list(_ANSWERED.values())


@dataclass(frozen=True)
class Origin:
    """Where a job is made and how it is named in the history."""

    base_url: str
    profile: str
    label: str = ""
    batch_key: str | None = None
    extra_inputs: dict[str, Any] | None = None
    account: str = ""  # the credential's account (accounts.py); filled from the client when empty
    run_id: int | None = None  # the batch run or MCP session it belongs to (the ledger)
    # What a keyed create made with another credential counts as (accounts.meet): None asks.
    account_choice: accounts.Choice | None = None

    def scope(self) -> Scope:
        return Scope(self.base_url, self.profile, self.account)


def scoped(
    client: AkoolClient,
    journal: Journal,
    origin: Origin,
    *,
    noun: str | None = None,
    single: tuple[JobKind, Request] | None = None,
    reused: tuple[JobKind, Request] | None = None,
) -> Origin:
    """The origin with the account of the client's credential: claims and jobs are scoped by it.
    With `noun`, the origin's key is a keyed create's: one made with another credential on this
    server and profile is decided by its choice, or refused (accounts.meet). With `single` (its
    kind and request), a create of that request (keyed or not): an identical one made with
    another credential, by any command, batch row or MCP call, whose outcome is unknown is
    decided the same way (accounts.meet_in_doubt). With `reused` (--reuse), a job of that very
    request made with another credential on this server and profile is decided so too
    (accounts.meet_reused: break17i I3, a rotated key never makes the job again unasked)."""
    if origin.account:
        return origin
    fingerprint = client.credential.account()
    own = Scope(origin.base_url, origin.profile, fingerprint)
    choice = origin.account_choice
    if noun is not None and origin.batch_key is not None:
        account = accounts.meet(journal, own, [[origin.batch_key]], choice, noun)
    else:
        account = accounts.account_for(journal, origin.base_url, origin.profile, fingerprint)
    if single is not None and account == fingerprint:
        kind, request = single
        account = accounts.meet_in_doubt(journal, own, kind, inputs_of(request, origin), choice)
    if reused is not None and account == fingerprint:
        kind, request = reused
        account = accounts.meet_reused(journal, own, kind, inputs_of(request, origin), choice)
    return replace(origin, account=account)


def inputs_of(request: Request, origin: Origin) -> dict[str, Any]:
    inputs = {**request.inputs(), **(origin.extra_inputs or {})}
    if origin.label:
        inputs["label"] = origin.label
    if origin.batch_key:
        inputs["batch_key"] = origin.batch_key
    return inputs


def create(
    client: AkoolClient,
    journal: Journal,
    kind: JobKind,
    request: Request,
    origin: Origin,
    *,
    attempt_id: int | None = None,
    send: Callable[[Request], JobInfo] | None = None,
) -> JobInfo:
    """Create one job; its id is committed to the history before this returns.

    `attempt_id` is an attempt already written (a batch row's claim); otherwise one is written
    here. `send` sends the create (default: client.create; a raw call's keeps AKOOL's whole
    answer). If the job is created but its id cannot be recorded, LocalStateError carries the id.
    """
    origin = scoped(client, journal, origin, single=(kind, request))
    inputs = inputs_of(request, origin)
    noted = attempt_id is None  # its body is checked and noted with the attempt (as_sent)
    if attempt_id is None:
        # Face swap's look-ups before any attempt is written: a stop now leaves nothing behind.
        request = with_faces(client, request)
    # A first Ctrl-C/SIGTERM waits until the answer is in and recorded (or known lost).
    with interrupts.shielded():
        if attempt_id is None:
            attempt_id = journal.begin_attempt(
                origin.base_url,
                origin.profile,
                kind.name,
                inputs,
                batch_key=origin.batch_key,
                account=origin.account,
                sent=as_sent(kind, request),
            )
        try:
            job = _sent_and_recorded(
                client, journal, (kind, request, inputs), origin, attempt_id, send, noted=noted
            )
        finally:
            journal.done_sending(attempt_id)  # an outcome not written is unknown, not in flight
    return job


def _sent_and_recorded(
    client: AkoolClient,
    journal: Journal,
    what: tuple[JobKind, Request, dict[str, Any]],
    origin: Origin,
    attempt_id: int,
    send: Callable[[Request], JobInfo] | None,
    *,
    noted: bool = False,
) -> JobInfo:
    """create()'s claimed attempt sent once and its job recorded (see create). `noted`: its
    body was checked and noted with the attempt already."""
    kind, request, inputs = what
    if interrupts.stop_requested():
        # Asked to stop before sending: nothing new is billed, and the attempt is given back.
        journal.attempt_not_sent(attempt_id)
        raise KeyboardInterrupt
    try:
        ready = _completed(client, journal, attempt_id, request)
        if not noted:  # claimed before its body was known (a batch row's, --reuse's claim)
            _refuse_same_body(journal, kind, ready, origin, attempt_id)
    except BaseException:
        _give_back(journal, attempt_id)  # a write failed (a full disk: K10): nothing was sent
        raise
    sent = send or (lambda request: client.create(kind, request))
    asked = asked_jobs(inputs)
    job = _new_first(journal, _send(journal, attempt_id, lambda: sent(ready), asked))
    with _ANSWERED_LOCK:
        _ANSWERED[attempt_id] = (
            f"AKOOL created {kind.noun} job {job.id}, but akool could not record it in time; "
            f"{unrecorded_hint(attempt_id, job.id, kind.name, reason='is locked')}"
        )
    try:
        _record(journal, attempt_id, kind, job, inputs, origin)
    except (LocalStateError, UnknownOutcomeError):
        raise
    except Exception as exc:
        # Billed, whatever went wrong next: the id must reach the user.
        raise LocalStateError(
            f"AKOOL created {kind.noun} job {job.id}, but akool could not record it ({exc})",
            hint=unrecorded_hint(attempt_id, job.id, kind.name, reason=str(exc)),
            job_id=job.id,
            attempt_id=attempt_id,
        ) from exc
    finally:
        with _ANSWERED_LOCK:
            _ANSWERED.pop(attempt_id, None)
    return job


def create_or_reuse(
    client: AkoolClient,
    journal: Journal,
    kind: JobKind,
    request: Request,
    origin: Origin,
    *,
    stopping: Callable[[], bool] = interrupts.stop_requested,
    on_gone: Callable[[JobRecord], None] | None = None,
    on_busy: Callable[[AttemptRecord], None] | None = None,
) -> JobInfo | JobRecord:
    """create(), unless an earlier create of the very same request (requests.py: the kind and
    inputs AKOOL is sent, the server, the account) made a job that still stands for it: that
    job's record is returned and nothing is sent (--reuse). One being sent right now by another
    akool (or thread) is waited for (`on_busy` is told of it once: break17h H10), while its
    process lives and for SENDING_AT_MOST at the most; one whose outcome is unknown (its
    process ended unanswered) refuses, as create() does. Claimed in one transaction: two of
    these at once make one job. A job its server no longer has is marked gone (`on_gone` is
    told) and passed over (jobs/gone.py)."""
    from akool_cli.jobs.gone import still_there

    origin = scoped(client, journal, origin, single=(kind, request), reused=(kind, request))
    inputs = inputs_of(request, origin)
    sent = None
    if journal.made_like(origin.scope(), kind.name, inputs) is None:
        # Not made from these inputs: perhaps from this very body (an `akool api` create of
        # it, break17i I13); face swap's look-ups (free) make it, before anything is claimed.
        request = with_faces(client, request)
        sent = as_sent(kind, request)
    told: set[int] = set()
    while not stopping():
        claim = journal.claim_request(
            origin.base_url, origin.profile, kind.name, inputs, account=origin.account, sent=sent
        )
        if claim.job is not None:
            if not still_there(client, journal, kind, claim.job):
                if on_gone is not None:
                    on_gone(claim.job)
                continue  # marked gone: the next claim passes it over
            return claim.job
        if claim.attempt_id is not None:
            return create(client, journal, kind, request, origin, attempt_id=claim.attempt_id)
        if claim.busy is not None and claim.busy.id not in told and on_busy is not None:
            told.add(claim.busy.id)
            on_busy(claim.busy)
        journal.clock.sleep(CLAIM_WAIT_SECONDS)  # another akool is sending it right now
    raise KeyboardInterrupt  # asked to stop before anything was sent


def busy_line(pid: int, what: str = "this same request") -> str:
    """What a create waiting for another akool's create of the same request says (once)."""
    return (
        f"another akool (pid {pid}) is creating {what}; waiting for it (if that akool is "
        f"stopped, resume it with fg or end it: its create counts as in flight "
        f"{SENDING_AT_MOST / 60:g} min at the most, and as an unknown outcome once it has ended)"
    )


def _refuse_same_body(
    journal: Journal, kind: JobKind, ready: Request, origin: Origin, attempt_id: int
) -> None:
    """The body about to be sent is noted on the attempt, as the request an `akool api` create
    of those very bytes records: a product's body built from its inputs (a talking avatar's
    layout, a face swap's images, a head swap's mappings) and a raw create of it are one
    request, and an unknown outcome of either, whichever came first, stops the other as an
    identical create does (break17g G15: billed twice)."""
    found = journal.note_body(attempt_id, origin.scope(), kind.name, as_sent(kind, ready))
    if found is not None:
        raise unknown_elsewhere(kind, found)


def as_sent(kind: JobKind, request: Request) -> dict[str, Any]:
    """The body a request sends, as the request an `akool api` create of those bytes records."""
    return kinds.RawRequest(kind, request.body()).inputs()


def with_faces(client: AkoolClient, request: Request) -> Request:
    """The request to send: as given, or, for face swap and reage, with the faces AKOOL's face
    detection finds (faces.py). Free of billing: asked before a create is claimed."""
    return request.complete(client) if isinstance(request, FacesRequest) else request


def analysed(
    client: AkoolClient,
    request: HeadSwapRequest,
    *,
    clock: Clock,
    should_stop: Callable[[], bool] | None = None,
    timeout: float | None = None,
) -> Request:
    """A head swap's task, made from AKOOL's analysis of its video (followed to its end here)."""
    info = analyse(
        client,
        str(request.fields["video_url"]),
        clock=clock,
        should_stop=should_stop,
        timeout=timeout,
    )
    return request.analysed((info.raw.get("analysis_result") or {}).get("media"), info.id)


def analyse(
    client: AkoolClient,
    video_url: str,
    *,
    clock: Clock,
    should_stop: Callable[[], bool] | None = None,
    timeout: float | None = None,
    on_sent: Callable[[str], None] | None = None,
) -> JobInfo:
    """Head swap's first stage: AKOOL's analysis of a video's people, sent and followed to its
    end (`on_sent` is told its id once AKOOL answered the request). It is no job of the history
    (AKOOL documents no price for it): one whose answer was lost is asked again by the next
    run, never resent here."""
    from akool_cli.jobs.watcher import follow_one

    ask = kinds.FieldsRequest({"video_url": video_url, "type": "head"})
    try:
        info = client.create(kinds.HEADSWAP_ANALYSIS, ask)
    except UnknownOutcomeError as exc:
        raise UnavailableError(
            f"AKOOL's analysis of the video was not answered ({exc.message})",
            hint="run it again: an analysis is not billed, and no head swap was made",
        ) from None
    if on_sent is not None:
        on_sent(info.id)
    info = follow_one(
        client,
        None,
        kinds.HEADSWAP_ANALYSIS,
        info,
        timeout=timeout,
        clock=clock,
        should_stop=should_stop,
    )
    if info.video_status == Status.FAILED:
        raise JobFailedError(
            f"AKOOL's analysis of the video failed: {info.error_reason or 'no reason'}",
            hint=kinds.HEADSWAP_ANALYSIS.failure_hint,
        )
    return info


def _completed(client: AkoolClient, journal: Journal, attempt_id: int, request: Request) -> Request:
    """with_faces for a request whose attempt is already claimed: if the look-ups fail, the
    attempt was not sent."""
    if not isinstance(request, FacesRequest):
        return request
    try:
        return request.complete(client)
    except BaseException:
        journal.attempt_not_sent(attempt_id)
        raise


def _give_back(journal: Journal, attempt_id: int) -> None:
    """attempt_not_sent for a create stopped before it was sent by a failure of its own: when
    the history cannot be written even so (the disk is still full), the attempt is left as
    it is, and that first failure is the one reported (break17k K10)."""
    # Left "sending" if even this fails: create()'s done_sending reads it as unknown (never resent).
    with contextlib.suppress(LocalStateError):
        journal.attempt_not_sent(attempt_id)


def _send(
    journal: Journal, attempt_id: int, send: Callable[[], JobInfo], asked: int = 1
) -> JobInfo:
    """Run the billable create, leaving the attempt with an honest outcome. A stop waits
    interrupts.ANSWER_GRACE_SECONDS for the answer; then the outcome is unknown. `asked`: the
    jobs it asks for (its hint says to settle each)."""
    try:
        with interrupts.awaiting_answer():
            return send()
    except UnknownOutcomeError as exc:
        exc.message += _mark_unknown(journal, attempt_id, exc.message)
        exc.args = (exc.message,)
        exc.attempt_id, exc.hint = attempt_id, settle_hint(attempt_id, asked)
        raise
    except (RejectedError, AuthError, RateLimitedError) as exc:
        journal.attempt_rejected(attempt_id, exc.message)  # AKOOL answered: nothing was created
        raise
    except AkoolError as exc:
        if exc.request_sent is False:
            journal.attempt_not_sent(attempt_id)  # it never left this machine
        else:
            exc.message += _mark_unknown(journal, attempt_id, exc.message)
            exc.args = (exc.message,)
            exc.hint = settle_hint(attempt_id, asked)
        raise
    except BaseException as exc:
        if getattr(exc, "request_sent", None) is False:  # stopped before it left (I19)
            journal.attempt_not_sent(attempt_id)
            raise
        unrecorded = _mark_unknown(journal, attempt_id, STOPPED_WAITING)
        if isinstance(exc, KeyboardInterrupt) and interrupts.received() is not None:
            raise interrupts.stopped(
                f"stopped while waiting for AKOOL's answer to a create (attempt {attempt_id}): "
                f"whether it made a job is unknown, and akool never sends it again by itself"
                f"{unrecorded}",
                settle_hint(attempt_id, asked),
            ) from None
        raise


def _new_first(journal: Journal, job: JobInfo) -> JobInfo:
    """A create's answer that names an earlier job's id first and new jobs beside it (break17h
    H18): the first new one is this create's (its attempt is created with it), the others its
    `others`; the earlier ids are `foreign` (reported, never merged). As answered otherwise."""
    if not job.others or journal.get(job.id) is None:
        return job
    new = [o for o in job.others if journal.get(o.id) is None]
    if not new:
        return job  # nothing new: whether it made a job is unknown (_record says so)
    fresh = {o.id for o in new}
    known = tuple(o.id for o in job.others if o.id not in fresh)
    return replace(new[0], others=tuple(new[1:]), foreign=(job.id, *known))


def _mark_unknown(journal: Journal, attempt_id: int, detail: str) -> str:
    """Record that a sent create's outcome is unknown: "" once recorded. When the history cannot
    take it (another process holds its lock and a stop ended the wait for it, a full disk), the
    words to add to the error that names the create and its settle command, which must still
    reach the user (break17e P4: a stop said only "run the same command again"). The attempt
    stays "sending": a later run reads it as unknown all the same, once this process is gone."""
    try:
        journal.attempt_unknown(attempt_id, detail)
    except (LocalStateError, InterruptedByUser) as exc:
        return (
            f" (not recorded as such: {exc.message}; a later run reads it as unknown all the same)"
        )
    return ""


def _record(
    journal: Journal,
    attempt_id: int,
    kind: JobKind,
    job: JobInfo,
    inputs: dict[str, Any],
    origin: Origin,
) -> None:
    now = journal.clock.time()
    record = _job_record(now, kind, job, inputs, origin)
    # The other jobs its answer named (count over 1): each billed, recorded with it, under no
    # claim key (a batch row's key stands for one job).
    also = [replace(_job_record(now, kind, o, inputs, origin), batch_key=None) for o in job.others]
    try:
        earlier = journal.record_created(attempt_id, record, also=also)
    except LocalStateError as exc:
        # Billed, but not recorded: the ids must still reach the user.
        named = "".join(f", {o.id}" for o in job.others)
        raise LocalStateError(
            f"AKOOL created {kind.noun} job {job.id}{named}, but akool could not record it: "
            f"{exc.message}",
            hint=f"{unrecorded_hint(attempt_id, job.id, kind.name, reason=exc.message)}; {exc.hint}",
            path=exc.path,
            job_id=job.id,
            attempt_id=attempt_id,
        ) from exc
    if earlier is not None:
        error = UnknownOutcomeError(
            f"AKOOL answered the create of {_named(record)} with job id {job.id}, which it "
            f"gave earlier to {_named(earlier)}; akool did not merge the two, so whether this "
            "create made a job is unknown",
            hint=settle_hint(attempt_id),
        )
        error.attempt_id = attempt_id
        raise error


def _job_record(
    now: float, kind: JobKind, job: JobInfo, inputs: dict[str, Any], origin: Origin
) -> JobRecord:
    return JobRecord(
        id=job.id,
        kind=kind.name,
        created_at=(job.create_time_ms / 1000) if job.create_time_ms else now,
        updated_at=now,
        base_url=origin.base_url,
        profile=origin.profile,
        inputs=inputs,
        video_status=job.video_status,
        video_url=job.video_url,
        batch_key=origin.batch_key,
        label=origin.label,
        files=job.files,
        cost=job.cost,
        account=origin.account,
        outputs=job.outputs,
        run_id=origin.run_id,
        answered=echoed(kind, job.raw),
    )


def settle_created(
    journal: Journal, attempt: AttemptRecord, job: JobInfo, *, move: bool = False
) -> JobRecord:
    """An attempt whose outcome was unknown made `job` (the user found it in AKOOL's dashboard or
    a webhook): recorded under the attempt's scope, key and inputs, so that it is followed,
    downloaded and picked up by a rerun like any job the attempt had been answered with. `move`:
    the history holds the job under another create whose inputs its status does not show (a
    server gave it that id): it becomes this attempt's (Journal.move_job)."""
    origin = Origin(
        base_url=attempt.base_url,
        profile=attempt.profile,
        label=str(attempt.inputs.get("label", "")),
        batch_key=attempt.batch_key,
        account=attempt.account,
    )
    record = _job_record(journal.clock.time(), kinds.get(attempt.kind), job, attempt.inputs, origin)
    asked = asked_jobs(attempt.inputs)
    if attempt.outcome == "created" and asked > 1:  # another job of a count-N create (H17)
        why = journal.settle_another(attempt.id, replace(record, batch_key=None), asked)
    else:
        settle = journal.move_job if move else journal.settle_created
        why = settle(attempt.id, record)
    if why is not None:
        raise UsageError(f"cannot settle attempt {attempt.id}: {why}", hint=settle_hint(None))
    return record


def not_its_job(journal: Journal, info: JobInfo, other: str) -> UnknownOutcomeError:
    """A job whose first status answer shows other inputs than its record's create sent (a
    server answered that create with another one's id; Journal.update_from disowned it): the
    error names both creates, and how to settle each."""
    record = journal.get(info.id)
    attempt = journal.attempt_of_job(info.id)
    named = _named(record) if record is not None else "its create"
    matching = _matching_attempt(journal, record, info, attempt)
    message = (
        f"AKOOL's status of job {info.id} shows other inputs than {named} sent ({other}): it "
        f"is not that create's job, so akool neither follows nor downloads it for it, and "
        "whether that create made a job is unknown"
    )
    hint = settle_hint(attempt.id if attempt is not None else None)
    if matching is not None:
        record_it = f"akool settle {matching.id} --created {info.id}"
        message += (
            f"; it is the job of {_named_attempt(matching)}: record it there with {record_it}"
        )
        hint += f"; and for that one: {record_it}"
    error = UnknownOutcomeError(message, hint=hint)
    error.attempt_id = attempt.id if attempt is not None else None
    return error


def _matching_attempt(
    journal: Journal, record: JobRecord | None, info: JobInfo, held: AttemptRecord | None
) -> AttemptRecord | None:
    """The create with an unknown outcome whose inputs the job's status shows, on its server."""
    from akool_cli.core.answers import same_inputs

    for attempt in journal.open_attempts():
        if held is not None and attempt.id == held.id:
            continue
        where = (attempt.base_url, attempt.profile, attempt.kind)
        if record is not None and where != (record.base_url, record.profile, record.kind):
            continue
        if same_inputs(kinds.get(attempt.kind), attempt.inputs, info.raw):
            return attempt
    return None


def _named_attempt(attempt: AttemptRecord) -> str:
    label = str(attempt.inputs.get("label", ""))
    record = JobRecord("", 0.0, 0.0, attempt.kind, inputs=attempt.inputs, label=label)
    return _named(record)


# The inputs that tell one job of a kind from another, in a message (the first one it has).
NAMING_INPUTS = (
    "image_url",
    "text",
    "prompt",
    "source_url",
    "target_url",
    "url",
    "video_url",
    "content",
    "source_voice_file",
    "modifyImage",
    "modifyVideo",
)


def _named(record: JobRecord) -> str:
    """How a message names a job's origin: its batch row, its name, or its inputs."""
    row, label = record.inputs.get("batch_row"), record.label
    if row is not None:
        return f"row {row} ({label})" if label else f"row {row}"
    kind = kinds.get(record.kind)
    if label:
        return f"{kind.noun} {label!r}"
    made = next((v for k, v in record.inputs.items() if k in NAMING_INPUTS and v), None)
    if made is None:
        return f"{kind.a_noun} job"  # its id is named beside it already
    return f"the {kind.noun} job for {str(made)[:60]!r}"


@dataclass
class ClaimRules:
    """How one caller of the claim loop meets what it finds (batch rows and speech differ here)."""

    stopping: Callable[[], bool] = interrupts.stop_requested
    wait: Callable[[float], object] | None = None  # default: the journal's clock
    on_busy: Callable[[AttemptRecord], None] = lambda attempt: None
    retry_unknown: bool = False  # dismiss an unknown outcome and create again (--retry-unknown)
    failed_counts: bool = True  # a failed job made earlier is the answer (False: make a new one)
    # A job made earlier whose result AKOOL has deleted (past its 7 days) is the answer (False:
    # make a new one: a speech, whose audio URL a talking photo is made from).
    expired_counts: bool = True
    before_send: Callable[[], None] = lambda: None  # e.g. a batch's rate-limit pause
    wait_gate: Callable[[], None] = lambda: None  # wait out a rate-limit pause (face detection)
    on_sending: Callable[[int], None] = lambda attempt_id: None  # the claim's create is sent now
    on_rate_limited: Callable[[], None] | None = None  # None: a rate limit is the caller's error
    # The request as it leaves now: a batch's uploaded files presigned again (break17h H15).
    fresh: Callable[[Request], Request] = lambda request: request


def claimed(
    client: AkoolClient,
    journal: Journal,
    kind: JobKind,
    request: Request,
    origin: Origin,
    rules: ClaimRules,
) -> JobRecord | JobInfo | None:
    """The one claim loop of every keyed create (a batch row, a speech): claim the key in its
    scope, then reuse the job made earlier (a JobRecord), wait while another live akool sends
    it, stop at an unknown outcome (UnknownOutcomeError, unless `retry_unknown`), or send the
    create once (a JobInfo). None when asked to stop first."""
    key = origin.batch_key
    assert key is not None, "a claim needs a key"
    origin = scoped(client, journal, origin, noun=kind.noun, single=(kind, request))
    inputs = inputs_of(request, origin)
    ask_first = _will_send(journal, (kind, inputs), key, origin, rules)
    if isinstance(request, FacesRequest) and ask_first:
        # Face detection before the claim: a row killed while asking it is not left in doubt.
        detected = _paced(lambda: with_faces(client, request), rules)
        if detected is None:
            return None
        request = detected
    if isinstance(request, HeadSwapRequest) and ask_first:
        # Head swap's analysis too (not billed): the task is the one create claimed.
        swap = request
        task = _paced(
            lambda: analysed(client, swap, clock=journal.clock, should_stop=rules.stopping), rules
        )
        if task is None:
            return None
        request = task
    wait = rules.wait or journal.clock.sleep
    while not rules.stopping():
        claim = journal.claim(
            key,
            origin.base_url,
            origin.profile,
            kind.name,
            inputs,
            account=origin.account,
            failed_counts=rules.failed_counts,
            expired_counts=rules.expired_counts,
        )
        if claim.job is not None:
            return claim.job
        if claim.busy is not None:
            rules.on_busy(claim.busy)
            wait(CLAIM_WAIT_SECONDS)  # another akool is sending it right now
            continue
        if claim.unknown is not None:
            if not rules.retry_unknown:
                raise unknown_claim(kind, claim.unknown)
            journal.dismiss_attempt(claim.unknown.id)  # asked to create it again
            continue
        if claim.doubt is not None:  # another create's: --retry-unknown never dismisses it
            raise unknown_elsewhere(kind, claim.doubt)
        assert claim.attempt_id is not None
        try:
            rules.before_send()
            stop = rules.stopping()
            if not stop:
                rules.on_sending(claim.attempt_id)
        except BaseException:
            journal.done_sending(claim.attempt_id)  # never sent by this process now
            raise
        if stop:
            journal.attempt_not_sent(claim.attempt_id)  # give the claim back: nothing was sent
            return None
        try:
            now = rules.fresh(request)
            return create(client, journal, kind, now, origin, attempt_id=claim.attempt_id)
        except RateLimitedError:
            if rules.on_rate_limited is None:
                raise
            rules.on_rate_limited()  # AKOOL refused it (nothing was created): claim again
    return None


def _will_send(
    journal: Journal,
    sent: tuple[JobKind, dict[str, Any]],
    key: str,
    origin: Origin,
    rules: ClaimRules,
) -> bool:
    """Whether the claim may send a create, so the look-ups it needs first (face detection,
    head swap's analysis) are worth asking: no job made for the key yet, no earlier create of
    it in doubt (the claim stops at that one and says how to settle it, unless
    `retry_unknown`), and none of the same request (`sent`: its kind and inputs) in doubt."""
    scope = origin.scope()
    if journal.find_by_key(key, scope) is not None:
        return False
    if not rules.retry_unknown and journal.unsettled_for_keys([key], scope):
        return False
    kind, inputs = sent
    return all(a.batch_key == key for a in journal.unsettled_like(scope, kind.name, inputs))


def _paced(ask: Callable[[], Request], rules: ClaimRules) -> Request | None:
    """A look-up before the claim (face detection, head swap's analysis) under the claim loop's
    rules: a rate limit that outlasts the retries pauses the caller (a batch) and asks again,
    as a refused create does. None when asked to stop."""
    while not rules.stopping():
        try:
            return ask()
        except RateLimitedError:
            if rules.on_rate_limited is None:
                raise
            rules.on_rate_limited()
            rules.wait_gate()
    return None


def doubt_before(
    journal: Journal, kind: JobKind, inputs: dict[str, Any], key: str, scope: Scope
) -> UnsettledAttemptError | None:
    """What a claim of `key` would stop at before sending (an unknown outcome of the key's, or
    of the same request sent any other way), asked before a free first step it would waste
    (head swap's analysis, which akool mcp's headswap tool answers with)."""
    for attempt in journal.unsettled_for_keys([key], scope):
        return unknown_claim(kind, attempt)
    for attempt in journal.unsettled_like(scope, kind.name, inputs):
        if attempt.batch_key != key:
            return unknown_elsewhere(kind, attempt)
    return None


def unknown_claim(kind: JobKind, attempt: AttemptRecord) -> UnsettledAttemptError:
    """An earlier create of this key has an unknown outcome: never sent again by itself."""
    return UnsettledAttemptError(
        f"an earlier {kind.noun} create has an unknown outcome (attempt {attempt.id}: "
        f"{attempt.detail}); akool does not send it again by itself",
        hint=settle_hint(attempt.id),
        attempt_id=attempt.id,
    )


def unknown_elsewhere(kind: JobKind, attempt: AttemptRecord) -> UnsettledAttemptError:
    """The same request, sent by another create (a command, an MCP call, another batch row),
    has an unknown outcome: this one may be it sent again, so it waits until that is settled."""
    return UnsettledAttemptError(
        f"an identical {kind.noun} create (attempt {attempt.id}) has an unknown outcome (sent "
        f"by {requests.made_by(attempt.batch_key)}): AKOOL may have made and billed it, so akool "
        "sends nothing again until it is settled",
        hint=settle_hint(attempt.id),
        attempt_id=attempt.id,
    )


def _speech_key(body: dict[str, Any]) -> dict[str, Any]:
    """A speech's body as its claim key counts it: a voice option that restates its documented
    default (`--speed 1.0`) is the speech without it (break17i I17)."""
    options = body.get("voice_options")
    if isinstance(options, dict):
        options = kinds.without_defaults(SPEECH.name, options)
        body = {k: v for k, v in body.items() if k != "voice_options"}
        if options:
            body["voice_options"] = options
    return body


VOICE_HINT = "pick a voice that `akool voices` lists (your own clones: `akool voices --own`)"


def make_speech(
    client: AkoolClient,
    journal: Journal,
    request: Request,
    origin: Origin,
    *,
    timeout: float | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_update: Callable[[JobInfo], None] | None = None,
) -> JobInfo:
    """Text to speech, recorded like any job, waited for until its audio URL exists.

    The same text, voice and options made with this server, profile and account earlier (and
    not failed) is reused, so running an interrupted `talk --text` again does not pay for its
    speech twice; a speech create whose outcome is unknown (akool was killed while sending it)
    stops it with UnknownOutcomeError instead of paying again. A speech whose audio AKOOL no
    longer keeps (past its 7-day retention, or its detail answers that it does not exist) is
    not reused: a new one is made, once, and recorded for the same key (break17f F11).
    """
    from akool_cli.jobs.watcher import follow_one

    body = json.dumps({"server": origin.base_url, **_speech_key(request.body())}, sort_keys=True)
    keyed = replace(origin, batch_key="speech:" + hashlib.sha256(body.encode()).hexdigest()[:24])
    stopping = should_stop or interrupts.stop_requested
    rules = ClaimRules(stopping=stopping, failed_counts=False, expired_counts=False)
    try:
        job = live_speech(
            client, journal, lambda: claimed(client, journal, SPEECH, request, keyed, rules)
        )
    except RejectedError as exc:
        if "voice" in exc.message.lower():  # AKOOL knows no such voice: the list names them
            exc.hint = VOICE_HINT
        raise
    if job is None:
        raise KeyboardInterrupt  # asked to stop before anything was sent
    job = follow_one(
        client,
        journal,
        SPEECH,
        job,
        interval=SPEECH_POLL_INITIAL,
        timeout=timeout,
        clock=journal.clock,
        should_stop=stopping,
        on_update=on_update,
    )
    return finished_speech(job)


def live_speech(
    client: AkoolClient, journal: Journal, claim: Callable[[], JobRecord | JobInfo | str | None]
) -> JobInfo | None:
    """The speech a claim gives (`claim`: with `expired_counts` False; a new job, its id, or one
    made earlier), as AKOOL reports it now. One made earlier, done, whose detail says it does
    not exist (AKOOL deleted it before its expiry: code 1008) is marked expired and claimed
    again, once: the claim then makes a new one (break17f F11). None when asked to stop."""
    for tries_left in (1, 0):
        found = claim()
        if found is None or isinstance(found, JobInfo):
            return found
        if isinstance(found, str):
            return client.detail(SPEECH, found)
        try:
            return client.detail(SPEECH, found.id)
        except RejectedError as exc:
            if not (
                tries_left and exc.code == NOT_FOUND_CODE and found.video_status == Status.DONE
            ):
                raise
            journal.mark_expired(found.id)  # its audio is gone: the next claim makes a new one
    return None  # (never reached: the second try returns or raises)


def finished_speech(job: JobInfo) -> JobInfo:
    """A speech job that can feed a talking photo, or the error that says why not."""
    if job.video_status == Status.FAILED:
        raise JobFailedError(f"the speech job {job.id} failed on AKOOL", hint=SPEECH.failure_hint)
    if not job.video_url.startswith(("http://", "https://")):
        raise UnavailableError(f"the speech job {job.id} finished without an audio URL")
    return job

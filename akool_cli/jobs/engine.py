"""Creating jobs of any kind: claim or record the attempt, send the billable create once, record the id.

The order is the promise: the attempt is in the history before the request leaves, the id is in
the history before anyone is shown it, and a create is never sent again unless the transport says
it certainly never left this machine. No printing; errors are typed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from akool_cli.core import interrupts
from akool_cli.core.errors import (
    AkoolError,
    AuthError,
    JobFailedError,
    LocalStateError,
    RejectedError,
    UnavailableError,
    UnknownOutcomeError,
)
from akool_cli.core.kinds import SPEECH, JobKind, Request, Status
from akool_cli.core.models import JobInfo
from akool_cli.net.api import AkoolClient, RateLimitedError
from akool_cli.store.journal import JobRecord, Journal, Scope

SPEECH_POLL_INITIAL = 2.0
CLAIM_WAIT_SECONDS = 0.5


@dataclass(frozen=True)
class Origin:
    """Where a job is made and how it is named in the history."""

    base_url: str
    profile: str
    label: str = ""
    batch_key: str | None = None
    extra_inputs: dict[str, Any] | None = None
    account: str = ""  # the credential's fingerprint; filled from the client when empty

    def scope(self) -> Scope:
        return Scope(self.base_url, self.profile, self.account)


def scoped(client: AkoolClient, origin: Origin) -> Origin:
    """The origin with the account of the client's credential: claims and jobs are scoped by it."""
    return origin if origin.account else replace(origin, account=client.credential.account())


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
) -> JobInfo:
    """Create one job; its id is committed to the history before this returns.

    `attempt_id` is an attempt already written (a batch row's claim); otherwise one is written
    here. If the job is created but its id cannot be recorded, LocalStateError carries the id.
    """
    origin = scoped(client, origin)
    inputs = inputs_of(request, origin)
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
            )
        if interrupts.stop_requested():
            # Asked to stop before sending: nothing new is billed, and the attempt is given back.
            journal.attempt_not_sent(attempt_id)
            raise KeyboardInterrupt
        job = _send(journal, attempt_id, lambda: client.create(kind, request))
        try:
            _record(journal, attempt_id, kind, job, inputs, origin)
        except LocalStateError:
            raise
        except Exception as exc:
            # Billed, whatever went wrong next: the id must reach the user.
            raise LocalStateError(
                f"AKOOL created {kind.noun} job {job.id}, but akool could not record it ({exc})",
                hint=f"keep the id above; follow it with: akool watch {job.id}",
                job_id=job.id,
            ) from exc
    return job


def _send(journal: Journal, attempt_id: int, send: Callable[[], JobInfo]) -> JobInfo:
    """Run the billable create, leaving the attempt with an honest outcome."""
    try:
        return send()
    except UnknownOutcomeError as exc:
        journal.attempt_unknown(attempt_id, exc.message)
        raise
    except (RejectedError, AuthError, RateLimitedError) as exc:
        journal.attempt_rejected(attempt_id, exc.message)  # AKOOL answered: nothing was created
        raise
    except AkoolError as exc:
        if exc.request_sent is False:
            journal.attempt_not_sent(attempt_id)  # it never left this machine
        else:
            journal.attempt_unknown(attempt_id, exc.message)
        raise
    except BaseException:
        journal.attempt_unknown(attempt_id, "interrupted while waiting for AKOOL's answer")
        raise


def _record(
    journal: Journal,
    attempt_id: int,
    kind: JobKind,
    job: JobInfo,
    inputs: dict[str, Any],
    origin: Origin,
) -> None:
    now = journal.clock.time()
    record = JobRecord(
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
        account=origin.account,
    )
    try:
        journal.record_created(attempt_id, record)
    except LocalStateError as exc:
        # Billed, but not recorded: the id must still reach the user.
        raise LocalStateError(
            f"AKOOL created {kind.noun} job {job.id}, but akool could not record it: {exc.message}",
            hint=f"keep the id above; follow it with: akool watch {job.id}  ({exc.hint})",
            path=exc.path,
            job_id=job.id,
        ) from exc


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

    The same text, voice and options made on this server earlier (and not failed) is reused, so
    running an interrupted `talk --text` again does not pay for its speech twice.
    """
    from akool_cli.jobs.watcher import wait_one

    job = _same_speech(client, journal, request, origin)
    job = wait_one(
        client,
        journal,
        SPEECH,
        job,
        interval=SPEECH_POLL_INITIAL,
        timeout=timeout,
        clock=journal.clock,
        should_stop=should_stop or interrupts.stop_requested,
        on_update=on_update,
    )
    return finished_speech(job)


def _same_speech(
    client: AkoolClient, journal: Journal, request: Request, origin: Origin
) -> JobInfo:
    """The speech job for this exact request: an earlier one, or one created now, exactly once."""
    body = json.dumps({"server": origin.base_url, **request.body()}, sort_keys=True)
    key = "speech:" + hashlib.sha256(body.encode()).hexdigest()[:24]
    keyed = replace(scoped(client, origin), batch_key=key)
    inputs = inputs_of(request, keyed)
    while True:
        claim = journal.claim(
            key, keyed.base_url, keyed.profile, SPEECH.name, inputs, account=keyed.account
        )
        if claim.attempt_id is not None:
            return create(client, journal, SPEECH, request, keyed, attempt_id=claim.attempt_id)
        if claim.job is not None and claim.job.video_status != Status.FAILED:
            return client.detail(SPEECH, claim.job.id)  # made earlier: reuse it
        if claim.busy is not None:
            journal.clock.sleep(CLAIM_WAIT_SECONDS)  # another akool is creating it right now
            continue
        if claim.unknown is not None:
            journal.dismiss_attempt(claim.unknown.id)  # asked again: the user's call
            continue
        return create(client, journal, SPEECH, request, origin)  # the earlier one failed


def finished_speech(job: JobInfo) -> JobInfo:
    """A speech job that can feed a talking photo, or the error that says why not."""
    if job.video_status == Status.FAILED:
        raise JobFailedError(f"the speech job {job.id} failed on AKOOL", hint=SPEECH.failure_hint)
    if not job.video_url.startswith(("http://", "https://")):
        raise UnavailableError(f"the speech job {job.id} finished without an audio URL")
    return job

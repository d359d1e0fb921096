"""The one error hierarchy of akool and the exit codes each error family ends the process with."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """Documented exit statuses; the README's table is checked against this enum by a test."""

    OK = 0
    ERROR = 1
    USAGE = 2
    AUTH = 3
    REJECTED = 4
    UNAVAILABLE = 5
    JOB_FAILED = 6
    WAIT_TIMEOUT = 7
    AUDIT_ERRORS = 8
    BATCH_INCOMPLETE = 9
    LOCAL_STATE = 10
    CHECKS_FAILED = 11
    NOT_GENUINE = 12
    BUDGET_EXCEEDED = 13
    HANGUP = 129
    INTERRUPTED = 130
    TERMINATED = 143


EXIT_CODE_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.ERROR: "unexpected error (a bug, or a local I/O failure such as a full disk)",
    ExitCode.USAGE: "bad input: a wrong option, argument, URL, path or job id",
    ExitCode.AUTH: "no usable credential: not logged in, wrong key, keyring unavailable, or a "
    "keyring key verified on another base URL than the one in use (unset AKOOL_BASE_URL, or "
    "log in with that --base-url); or rows (a speech) made here with another credential, or a "
    "create whose identical one made with another credential has an unknown outcome: say "
    "`--same-account` (the same account: pick them up, settle what is in doubt) or "
    "`--new-account` (create them again; MCP: `account`); or `akool sync` skipped jobs of a "
    "server no credential in use may go to (a local sandbox's are only warned about)",
    ExitCode.REJECTED: "AKOOL rejected the request (its business code is in the message)",
    ExitCode.UNAVAILABLE: "AKOOL could not be reached or kept failing after retries; a create "
    "sent without an answer is an unknown outcome, never resent: find the job in AKOOL's "
    "dashboard, then `akool settle ID --created JOB_ID` (or `--not-created`); in CI keep "
    "AKOOL_HOME between runs and settle, do not blindly re-run (a fresh history bills again); "
    "a job made before the failure (`talk -o`, a product's `--wait`) is followed with the "
    "`akool watch ID -o TARGET` the hint names, not by running the command again",
    ExitCode.JOB_FAILED: "at least one job ended in the failed state, or its result is not a "
    "usable video (an HTML page, a compressed or partial answer, a URL that is not http(s))",
    ExitCode.WAIT_TIMEOUT: "--timeout passed before every job finished (the jobs keep running) "
    "or before a finished job's download ended",
    ExitCode.AUDIT_ERRORS: "akool audit found AKOOL calls that cannot work (error findings), "
    "or could not read a file it was given (larger than 5 MiB, unreadable)",
    ExitCode.BATCH_INCOMPLETE: "akool batch finished, but some rows failed or were not done; "
    "a row whose create has an unknown outcome is settled with `akool settle ID --created "
    "JOB_ID` (or `--not-created`), then the batch run again",
    ExitCode.LOCAL_STATE: "akool could not write its own files (history, settings): full disk, "
    "read-only or unwritable AKOOL_HOME; a job id it could not record is still printed",
    ExitCode.CHECKS_FAILED: "akool doctor found a failed check (each one says how to fix it)",
    ExitCode.NOT_GENUINE: "akool webhook verify: not a genuine AKOOL callback for these "
    "credentials (forged, malformed, or signed for another clientId)",
    ExitCode.BUDGET_EXCEEDED: "--max-credits (or mcp's max_credits) stopped new jobs: one more "
    "would pass the cap; jobs already made finish, and a larger cap resumes",
    ExitCode.HANGUP: "stopped by SIGHUP (the terminal closed); resumable like Ctrl-C",
    ExitCode.INTERRUPTED: "interrupted with Ctrl-C (created jobs keep running on AKOOL)",
    ExitCode.TERMINATED: "stopped by SIGTERM (CI, timeout, docker stop); resumable like Ctrl-C",
}


class AkoolError(Exception):
    """An expected failure: a message naming what went wrong and, ideally, a command to run next.

    `request_sent` is the transport's fact about a failed request: False when it certainly never
    left this machine (the only case where a billable create may be sent again), True when it
    did, None when no request was involved.
    """

    exit_code: ExitCode = ExitCode.ERROR
    # The next step when a raise site names none: every error the README promises carries a
    # hint. Families whose causes vary (bad input) have none, so each of their sites names one
    # (tests/test_hints.py checks every raise site).
    default_hint: str | None = None

    def __init__(
        self, message: str, *, hint: str | None = None, request_sent: bool | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or self.default_hint
        self.request_sent = request_sent


class UsageError(AkoolError):
    """The user's input cannot work; nothing was sent to AKOOL."""

    exit_code = ExitCode.USAGE


def client_closed() -> UsageError:
    """What a closed akool Client (its connections, its history) says when it is used again."""
    return UsageError(
        "this akool Client is closed: it sends nothing and reads no history",
        hint="make a new one: with akool_cli.Client() as client: ...",
        request_sent=False,
    )


def closed_while_following(job_ids: list[str]) -> UsageError:
    """What a wait(), download() or follow() says when its Client was closed under it on another
    thread (break17g G19): it ends, and the jobs keep running on AKOOL."""
    ids = " ".join(job_ids)
    return UsageError(
        f"this akool Client was closed while it followed {ids}: following ended there, and "
        "the job(s) keep running on AKOOL",
        hint=f"follow them later with: akool watch {ids} (or a new Client's wait())",
        request_sent=False,
    )


def closed_during_batch(job_ids: list[str]) -> UsageError:
    """What a batch() says when its Client was closed under it on another thread: it started no
    more rows, and each job it made is recorded (a rerun picks them up)."""
    made = f" ({' '.join(job_ids)})" if job_ids else ""
    return UsageError(
        "this akool Client was closed while its batch ran: the run started no more rows and "
        f"stopped following; the jobs it made{made} are recorded and keep running on AKOOL",
        hint="run the same batch again (a new Client) to pick them up and go on",
        request_sent=False,
    )


class TargetExistsError(UsageError):
    """Another file is where a result would be saved: it is kept. The hint names how to replace
    it where the error is raised (the CLI's --force); other callers say it their own way (the
    MCP download tool's `replace`)."""


class AuthError(AkoolError):
    """No credential, a wrong one, or a credential store that does not answer."""

    exit_code = ExitCode.AUTH
    default_hint = "see which credential akool uses and whether it works: akool auth status"


class RejectedError(AkoolError):
    """AKOOL answered with a business code other than 1000 (or a file host refused a download)."""

    exit_code = ExitCode.REJECTED

    def __init__(
        self, message: str, *, hint: str | None = None, code: int | None = None, msg: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.msg = msg


class ResultGoneError(RejectedError):
    """A finished job's result URL answered 403, 404 or 410: AKOOL deleted the result.
    `marked`: the history now records it so (expired), and no --reuse picks the job up again."""

    marked = False


class JobGoneError(ResultGoneError):
    """AKOOL answers a recorded job's status with 1008 "content does not exist" (deleted in
    AKOOL's dashboard, or a sandbox restarted): the history marks it deleted, so neither
    --reuse nor a batch row picks it up again; the command that made it makes a new one."""

    marked = True


class AuthRejectedError(AuthError):
    """AKOOL said the credential is wrong (1101, 1102, 1109...)."""

    def __init__(self, message: str, *, hint: str | None = None, code: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.code = code


class CredentialScopeError(AuthError):
    """No credential akool has may be sent to the server that made a job (it was made with
    another key, on another host), or a profile's keyring key was verified on another base URL
    than the one in use: akool does not ask, rather than hand a key to that host.

    `base_url` is the server the key would have gone to; `verified_base_url` the one a keyring
    key was verified on (when that is the reason), for `profile`; `origin` where `base_url`
    came from: "flag" (--base-url), "env" (AKOOL_BASE_URL), "saved" (`akool config set
    base-url`) or "default" (AKOOL's documented host)."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        profile: str | None = None,
        base_url: str | None = None,
        verified_base_url: str | None = None,
        origin: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.profile = profile
        self.base_url = base_url
        self.verified_base_url = verified_base_url
        self.origin = origin


class OtherCredentialError(AuthError):
    """Jobs of these creates (batch rows, a speech) were made on the same server and profile
    with another credential, or an identical create made with one has an unknown outcome, and
    nothing says whether both credentials are one AKOOL account (a rotated key, an API key
    after clientId/clientSecret) or two: akool creates nothing until the user says
    (`--same-account` picks those jobs up, `--new-account` creates them again).

    `count` creates are concerned; `fingerprint` is this credential's, `others` the accounts
    that made them; `base_url` and `profile` the scope; `attempts` the creates in doubt (an
    unknown outcome each: `akool settle` settles them)."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        count: int,
        fingerprint: str,
        others: tuple[str, ...],
        base_url: str,
        profile: str,
        attempts: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message, hint=hint)
        self.count = count
        self.fingerprint = fingerprint
        self.others = others
        self.base_url = base_url
        self.profile = profile
        self.attempts = attempts

    def hint_for(self, same: str, new: str, again: str) -> str:
        """The hint in another caller's words: how it says each choice (`account: "same"`),
        and what it runs again ("call the tool again")."""
        return other_credential_hint(self.attempts, same=same, new=new, again=again)


def other_credential_hint(
    attempts: tuple[int, ...] = (),
    *,
    same: str = "--same-account",
    new: str = "--new-account",
    again: str = "run the command again",
) -> str:
    """What to say when creates meet another credential's: jobs it made (picked up when it is
    the same account), or creates of it in doubt (`attempts`: the same unknown outcome then,
    settled as any)."""
    if not attempts:
        return (
            "if it is the same AKOOL account (a rotated key, or an API key after clientId/"
            f"clientSecret), {again} with {same} to pick those jobs up; if it is another "
            f"account, with {new} to create them again for it (billed again)"
        )
    if len(attempts) == 1:
        settle = f"settle that create: {settle_hint(attempts[0])}"
    else:
        shown = ", ".join(str(attempt) for attempt in attempts[:10])
        more = ", …" if len(attempts) > 10 else ""
        settle = f"settle those creates (attempts {shown}{more}): {SETTLE_LIST_HINT}"
    return (
        "if it is the same AKOOL account (a rotated key, or an API key after clientId/"
        f"clientSecret), say so with {same} and {settle}; if it is another account, {again} "
        f"with {new} to create it again for this one (billed)"
    )


class UnavailableError(AkoolError):
    """The network, the server or a rate limit kept failing after the retries allowed."""

    exit_code = ExitCode.UNAVAILABLE
    default_hint = "check the network and the base URL (akool doctor), then run the command again"


class UnknownOutcomeError(UnavailableError):
    """A billable request was sent but no answer came back: the job may or may not exist.

    `attempt_id` names the create attempt in the history (`akool settle ATTEMPT` settles it)."""

    attempt_id: int | None = None


def settle_hint(attempt_id: int | None, asked: int = 1) -> str:
    """What to do about an unknown outcome: look in AKOOL's dashboard, then settle it. `asked`:
    the jobs the create asked for (a `count` over 1: each is settled the same way)."""
    if attempt_id is None:
        return SETTLE_LIST_HINT
    hint = (
        f"find the job in the AKOOL dashboard (or a webhook), then run: akool settle {attempt_id} "
        f"--created JOB_ID  (or, if it made none: akool settle {attempt_id} --not-created)"
    )
    if asked > 1:
        hint += (
            f"; it asked for {asked} jobs (count {asked}): run akool settle {attempt_id} "
            f"--created JOB_ID once for each job it made"
        )
    return hint


def asked_jobs(inputs: Mapping[str, Any]) -> int:
    """How many jobs a create asked AKOOL for: its documented `count` (1-10), else one."""
    count = inputs.get("count")
    if isinstance(count, bool) or not isinstance(count, int):
        return 1
    return count if 1 <= count <= 10 else 1


def unrecorded_hint(
    attempt_id: int, job_id: str, kind: str = "", batch: bool = False, reason: str = ""
) -> str:
    """What to do with a job AKOOL made that the history could not record (a full disk, a lock
    another process holds: `reason`, the failure's message): record it once it can be (its kind
    comes from the attempt: a speech id too), then the step that finishes it (after_settling)."""
    return (
        f"keep the id; {recordable_when(reason)}, record it: akool settle {attempt_id} "
        f"--created {job_id}, then {after_settling(job_id, kind, batch)}"
    )


# When the history can take what it could not, by words of the failure's message (SQLite's, or
# a stop's while another process held the lock: break17e); a full disk when none says otherwise.
RECORDABLE_WHEN = (
    ("is locked", "once the other process holding the history lets go of it"),
    ("history's lock", "once the other process holding the history lets go of it"),
    ("holds its write lock", "once the other process holding the history lets go of it"),
    ("read-only", "once the history can be written"),
    ("readonly", "once the history can be written"),
)


def recordable_when(reason: str) -> str:
    """'once there is space', or what else must happen before the history can be written."""
    low = reason.lower()
    return next((when for words, when in RECORDABLE_WHEN if words in low), "once there is space")


# What makes the result a settled job was made for, by kind, when it is not the job itself: a
# speech is made for a talking photo (`talk --text`), which running the command again makes with
# it (the speech is not paid for again). `{id}`: the job's id.
MADE_FOR = {
    "tts": "run the same akool talk … --text … again to make the video: it uses this speech, "
    "not paid for again (akool watch {id} saves the speech alone)",
}


def after_settling(job_id: str, kind: str = "", batch: bool = False) -> str:
    """The next step once a job is recorded under its attempt: a batch run picks it up (a row's
    speech makes its video), a speech's video is made by its talk command (MADE_FOR), any other
    job is followed and downloaded by akool watch."""
    if batch:
        return f"run the batch again: it picks the job up for its row (or: akool watch {job_id})"
    made_for = MADE_FOR.get(kind)
    if made_for is not None:
        return made_for.format(id=job_id)
    return f"follow and download it with: akool watch {job_id} -o DIR/"


# What a hint says to do again, cut from it once this run has made a job: the command run again
# would make (and bill) another job, so the hint follows the job instead (made_hint).
RUN_AGAIN = re.compile(
    r"[,;]?\s*(?:then |and |or )?(?:run|try|download)(?: it| the(?: same)? command)? again\b.*$",
    re.DOTALL,
)


def made_hint(hint: str | None, job_id: str, follow: str, *, reuse: bool = False) -> str:
    """The hint of a failure after this run made job `job_id` (status polling that kept failing,
    a download cut, a full disk, stdout that cannot be written): what to fix first, as the hint
    said, then `follow` (akool watch ID -o TARGET), never the command run again, which would
    make and bill another job (with `reuse`, --reuse: it would pick this job up, and says so)."""
    kept = RUN_AGAIN.sub("", hint or "").strip(" ,;").replace("JOB_ID", job_id)
    # Its own way to follow the job gives way to `follow` (the same, with the run's target).
    kept = "; ".join(p for p in kept.split("; ") if f"akool watch {job_id}" not in p)
    then = f"{kept}; then " if kept else ""
    again = (
        "this command run again with --reuse would pick the same job up, not make another"
        if reuse
        else "running this command again would make another job"
    )
    return f"{then}follow the job made and billed already: {follow} ({again})"


SETTLE_LIST_HINT = (
    "akool status lists the create attempts whose outcome is unknown; settle one with: "
    "akool settle ATTEMPT --created JOB_ID (or --not-created)"
)


class UnsettledAttemptError(UnknownOutcomeError):
    """An earlier create of the same thing (a batch row, a speech, an MCP call, or the same
    request made any other way) has an unknown outcome, so akool sends nothing until it is
    settled: never paid for twice by running a command again."""

    def __init__(self, message: str, *, hint: str | None = None, attempt_id: int) -> None:
        super().__init__(message, hint=hint)
        self.attempt_id = attempt_id


class JobFailedError(AkoolError):
    """A job ended in state 4 (failed)."""

    exit_code = ExitCode.JOB_FAILED


class NotGenuineError(AkoolError):
    """A webhook body that is not a genuine AKOOL callback for the credentials at hand."""

    exit_code = ExitCode.NOT_GENUINE


class WaitTimeoutError(AkoolError):
    """The wait deadline passed; the jobs keep running on AKOOL."""

    exit_code = ExitCode.WAIT_TIMEOUT


class BudgetExceededError(AkoolError):
    """A run stopped starting jobs: one more would pass its credit cap (--max-credits)."""

    exit_code = ExitCode.BUDGET_EXCEEDED


class InterruptedByUser(AkoolError):
    """Ctrl-C, SIGTERM or SIGHUP; the message says what keeps running, the hint how to resume."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, message: str, *, hint: str | None = None, signum: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.signum = signum
        if signum is not None:
            self.exit_code = (
                ExitCode(128 + signum) if 128 + signum in _SIGNAL_CODES else self.exit_code
            )


class LocalStateError(AkoolError):
    """akool could not write (or open) its own files under AKOOL_HOME.

    When a job was created but its id could not be recorded, `job_id` carries it so that the
    caller can still show it: a billed job must never be forgotten.
    """

    exit_code = ExitCode.LOCAL_STATE
    default_hint = "check AKOOL_HOME's folder (free space, permissions) with: akool doctor"

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: str | None = None,
        job_id: str | None = None,
        attempt_id: int | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.path = path
        self.job_id = job_id
        self.attempt_id = attempt_id  # the create that made job_id: `akool settle` records it


_SIGNAL_CODES = frozenset({ExitCode.HANGUP, ExitCode.INTERRUPTED, ExitCode.TERMINATED})

"""Following jobs from Python as `akool status` and `akool watch` do: refresh, wait, download.

Each job is asked about on the server (and with the profile) that made it, its kind taken from
the history, so these calls work for every kind of job. Events go to a callback; nothing prints.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.client.job import FollowResult, Job, Statuses, StatusNote
from akool_cli.client.steps import FirstStep, first_step_of
from akool_cli.core import interrupts, kinds, states
from akool_cli.core.durations import optional_duration, parse_duration
from akool_cli.core.errors import (
    AkoolError,
    JobFailedError,
    LocalStateError,
    UsageError,
    closed_while_following,
)
from akool_cli.core.models import JOB_ID_SHAPE
from akool_cli.core.validate import check_job_id, check_job_ids, check_output_path, check_range

if TYPE_CHECKING:
    from akool_cli.core.models import JobInfo
    from akool_cli.jobs.watcher import Event, Watcher
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.journal import JobRecord, Scope

POLL_INTERVAL = 3.0  # the first poll interval (AKOOL's demos); backs off to ~30 s


def unasked(job_id: str, record: JobRecord | None) -> UsageError | None:
    """Why an id is never sent to AKOOL: the history holds no such job and no AKOOL job id has
    its shape (24 hexadecimal digits), so AKOOL could only answer "does not exist"."""
    if record is not None or JOB_ID_SHAPE.fullmatch(job_id):
        return None
    return UsageError(
        f"{job_id!r} is not an AKOOL job id (24 hexadecimal digits, like "
        "64dd90f9f0b6684651e90d60), and no job in the history has that id (a --name label "
        "is not an id)",
        hint="list your jobs, with their labels and ids: akool status; or copy an id from the "
        "AKOOL dashboard",
    )


def _not_followed(job_id: str, record: JobRecord | None) -> UsageError | None:
    """Why a job is not followed: a malformed id (see unasked), or a job deleted on AKOOL."""
    if record is None or record.deleted_at is None:
        return unasked(job_id, record)
    return UsageError(
        f"job {job_id} was deleted on AKOOL (by akool delete, or AKOOL answered that it no "
        "longer exists): there is nothing to follow",
        hint="see what the history keeps of it: akool status " + job_id,
    )


class FollowingMixin(ClientBase):
    def first_step(self, step_id: str) -> FirstStep | None:
        """A create's first step by the id AKOOL gave it (a head swap's analysis, which akool
        mcp's headswap tool answers): the job it became (`job_id`) or why there is none yet or
        at all (`state`); None when the history holds no such step."""
        record = self.journal.first_step(check_job_id(step_id))
        return None if record is None else first_step_of(record)

    def job_named(self, job_id: str) -> str:
        """The id of the job `job_id` names: itself, or the job a recorded first step (a head
        swap's analysis id) became; that step's error when it has no job (FirstStep.error)."""
        job_id = check_job_id(job_id)
        if self.journal.get(job_id) is not None:
            return job_id
        step = self.first_step(job_id)
        if step is None:
            return job_id
        if step.job_id is None:
            raise step.error()
        return step.job_id

    def recorded(self, job_id: str) -> Job | None:
        """The job as the history last saw it (not refreshed), or None when it holds no such job
        (a head swap's analysis id: the job it became, if any)."""
        record = self.journal.get(check_job_id(job_id))
        step = self.first_step(job_id) if record is None else None
        if step is not None and step.job_id is not None:
            record = self.journal.get(step.job_id)
        return None if record is None else Job.of(None, record)

    def jobs(self, limit: int = 10) -> list[Job]:
        """The newest jobs in the history (not refreshed)."""
        limit = int(check_range("limit", limit))  # -5 was [] (break17k K5)
        return [Job.of(None, record) for record in self.journal.recent(limit)]

    def status(self, job_id: str, *, detached_ok: bool = True) -> Job:
        """The job's current state from AKOOL (the server that made it), recorded in the history.
        A job whose status shows another create's inputs than the history's (a server gave that
        create's id to this one) is returned `detached`; with `detached_ok=False` it raises
        UnknownOutcomeError instead, naming both creates, as wait() and download() do (the MCP
        server's status and wait tools: never `done` with another create's result)."""
        job_id = self.job_named(job_id)
        record = self.journal.get(job_id)
        if record is not None and record.deleted_at is not None:
            return Job.of(None, record)  # deleted on AKOOL (akool delete): nothing to ask
        refused = unasked(job_id, record)
        if refused is not None:
            raise refused
        kind = self._kind_of(record)
        try:
            info = self.api_of(record).detail(kind, job_id)
        except AkoolError as exc:  # AKOOL no longer has it: marked so (jobs/gone.py)
            from akool_cli.jobs.gone import gone_error

            raise (gone_error(self.journal, job_id, exc) if record else None) or exc from None
        if record is not None:
            other = self.journal.update_from(info)
            if other is not None and not detached_ok:
                from akool_cli.jobs import engine

                raise engine.not_its_job(self.journal, info, other)
            record = self.journal.get(job_id)
        return Job.of(info, record, kind.name)

    def statuses(self, job_ids: str | Iterable[str] = (), *, limit: int = 10) -> Statuses:
        """`akool status`: the given jobs (or the `limit` newest in the history), unfinished ones
        refreshed from their own server. A job that cannot be asked keeps its last known state
        (a note); an id neither AKOOL nor the history knows is a note with its error."""
        ids = list(dict.fromkeys(self.job_named(i) for i in check_job_ids(job_ids)))
        limit = int(check_range("limit", limit))
        records = {r.id: r for r in self.journal.recent(limit)} if not ids else {}
        for job_id in ids:
            record = self.journal.get(job_id)
            if record is not None:
                records[job_id] = record
            elif (refused := unasked(job_id, record)) is not None:
                raise refused
        fresh, notes = self._refresh(ids, records)
        found = Statuses(notes=notes)
        found.read_only = str(self.journal.path) if self.journal.read_only else None
        found.read_only_why = self.journal.read_only_why
        for job_id in ids or list(records):
            record, info = records.get(job_id), fresh.get(job_id)
            if info is None and record is None:
                continue
            if info is not None and record is not None and found.read_only is None:
                self._save_state(info, found)
                record = self.journal.get(job_id)
            found.jobs.append(Job.of(info, record))
        found.unknown_attempts = [] if ids else self.journal.open_attempts()
        return found

    def _save_state(self, info: JobInfo, found: Statuses) -> None:
        """A refreshed state into the history; while another process holds its write lock (a
        sqlite3 shell, a backup), the states are shown, not saved, as for a read-only history
        (break17h H16: exit 10 and nothing shown), after one wait, not one per job."""
        try:
            self.journal.update_from(info)
        except LocalStateError as exc:
            if "locked" not in exc.message:
                raise
            from akool_cli.store.journal import LOCKED_WHY

            found.read_only, found.read_only_why = str(self.journal.path), LOCKED_WHY

    def _refresh(
        self, ids: list[str], records: dict[str, JobRecord]
    ) -> tuple[dict[str, JobInfo], list[StatusNote]]:
        """Ask each unfinished job's own server about it, all of a server's jobs at once."""
        from akool_cli.jobs.watcher import refresh

        groups: dict[int, tuple[AkoolClient, list[tuple[str, kinds.JobKind]]]] = {}
        notes: list[StatusNote] = []
        for job_id in ids or list(records):
            record = records.get(job_id)
            if record is not None and states.finished(record.video_status) and not ids:
                continue
            if record is not None and record.deleted_at is not None:
                continue  # deleted on AKOOL (akool delete): nothing to ask
            try:
                api = self.api_of(record)  # its own server, with a credential that may go there
            except AkoolError as exc:  # no credential that may go to its server: never asked
                if record is None:
                    raise
                notes.append(StatusNote(job_id, record.base_url, exc, known=True, asked=False))
                continue
            groups.setdefault(id(api), (api, []))[1].append((job_id, self._kind_of(record)))
        fresh: dict[str, JobInfo] = {}
        for api, jobs in groups.values():
            try:
                found = refresh(api, jobs)
            except AkoolError as exc:
                found = {job_id: exc for job_id, _ in jobs}
            for job_id, answer in found.items():
                if isinstance(answer, AkoolError):
                    if job_id in records:  # AKOOL no longer has it: marked so (jobs/gone.py)
                        from akool_cli.jobs.gone import gone_error

                        answer = gone_error(self.journal, job_id, answer) or answer
                    notes.append(StatusNote(job_id, api.base_url, answer, job_id in records))
                else:
                    fresh[job_id] = answer
        return fresh, notes

    def cancel(self, job_id: str) -> Job:
        """Cancel a job that is still running, where AKOOL documents how (reage)."""
        from akool_cli.core.validate import check_job_id

        job_id = check_job_id(job_id)
        record = self.journal.get(job_id)
        kind = self._kind_of(record)
        call = kind.cancel
        if record is None or call is None:
            what = f"{kind.a_noun} job" if record is not None else "a job not in akool's history"
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
        current = self.status(job_id)
        if current.state not in (
            states.NAMES[states.Status.QUEUED],
            states.NAMES[states.Status.PROCESSING],
        ):
            raise UsageError(
                f"job {job_id} is {current.state} already: only a queued or processing job "
                "can be cancelled",
                hint="see it with: akool status " + job_id,
            )
        self.api_of(record).call(call.endpoint, body=call.body([handle]))
        return self.status(job_id)

    # -- waiting and downloading ------------------------------------------------------------

    def wait(
        self,
        job_id: str,
        *,
        timeout: float | str | None = None,
        interval: float | str = POLL_INTERVAL,
    ) -> Job:
        """Poll until the job is done or failed; returns the final job (failed is not an error).

        `interval` is the first poll interval (0.1 s to 1 h, as --interval); `timeout` is seconds
        or a duration such as "10m" (WaitTimeoutError when it passes; the job keeps running).
        """
        job_id = self.job_named(job_id)
        result = self._follow(
            [job_id],
            {},
            force=False,
            interval=parse_duration(interval, "interval"),
            timeout=optional_duration(timeout, "timeout"),
        )
        return self._only(job_id, result)

    def download(
        self,
        job_id: str,
        dest: str | os.PathLike[str] = ".",
        *,
        force: bool = False,
        timeout: float | str | None = None,
    ) -> Path:
        """Wait for the job if needed, then download its result safely (resumable, verified);
        returns the file's path. Works for any job id, in the history or not.

        `dest` is a file path, or a directory (existing, or ending in /) for `<job id>.mp4`.
        """
        from akool_cli.jobs.download import check_target, names_directory

        job_id = self.job_named(job_id)
        dest = destination(dest, "dest (where the result goes)")
        wait = optional_duration(timeout, "timeout")
        record = self.journal.get(job_id)
        refused = unasked(job_id, record)
        if refused is not None:
            raise refused
        kind = self._kind_of(record)
        if kind.makes != "file":
            made = "a text" if kind.makes == "text" else "an asset kept on AKOOL"
            raise UsageError(
                f"job {job_id} is a {kind.noun}: it makes {made}, not a file",
                hint=f"wait() for it; its outputs say what it made (akool status {job_id} --json)",
            )
        target = self._resolve(dest, job_id, many=False)
        if not force and record is not None and record.saved_at(target):
            return target  # downloaded earlier, and still there whole: nothing to fetch
        # "videos/" means a folder, which the download creates when it does not exist.
        check_target(target, force=force, make_parent=names_directory(os.fspath(dest), many=False))
        result = self._follow(
            [job_id], {job_id: target}, force=force, interval=POLL_INTERVAL, timeout=wait
        )
        job = self._only(job_id, result)
        if job.failed:
            raise JobFailedError(
                f"job {job.id} failed: {job.error or 'AKOOL gave no reason'}",
                hint=job.failure_hint,
            )
        if not job.downloaded_path:
            raise AkoolError(
                f"job {job.id} finished without a download",
                hint=f"download it with: akool watch {job.id} -o DIR",
            )
        return Path(job.downloaded_path)

    def follow(
        self,
        job_ids: str | Iterable[str],
        *,
        dest: str | os.PathLike[str] | Mapping[str, Path] | None = None,
        force: bool = False,
        interval: float | str = POLL_INTERVAL,
        timeout: float | str | None = None,
        first_poll_delay: float = 0.0,
        on_event: Callable[[Event], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> FollowResult:
        """Follow jobs until each is done or failed (the watcher `akool watch` draws), each on
        the server that made it; with `dest` (a file for one job, a folder for several, or each
        job's own path as targets() returns them), download the results. Each event (Updated, Progress, Downloaded, Failed, Finished, Tick) goes to
        `on_event`. Raises WaitTimeoutError after `timeout`; returns early when `should_stop`
        says so (the jobs keep running on AKOOL)."""
        ids = list(dict.fromkeys(self.job_named(i) for i in check_job_ids(job_ids)))
        interval = parse_duration(interval, "interval")
        wait = optional_duration(timeout, "timeout")
        if isinstance(dest, Mapping):
            targets = {job_id: Path(path) for job_id, path in dest.items()}
        else:
            targets = {} if dest is None else self.targets(dest, ids, force=force)
        return self._follow(
            ids,
            targets,
            force=force,
            interval=interval,
            timeout=wait,
            first_poll_delay=first_poll_delay,
            on_event=on_event,
            should_stop=should_stop,
        )

    def targets(
        self, dest: str | os.PathLike[str], job_ids: list[str], *, force: bool = False
    ) -> dict[str, Path]:
        """Where each job's result goes (a file for one job, a folder for several), checked
        before any work starts. A job whose result the history says is already there (same
        path, same size) needs no target: there is nothing to fetch."""
        job_ids = check_job_ids(job_ids)
        suffixes = {job_id: self._suffix(job_id) for job_id in job_ids}
        found = _targets(dest, job_ids, force, suffixes, None if force else self._saved_at)
        if found and self.journal.read_only:
            # Refused before downloading: a file saved unrecorded read as "nothing happened"
            # (break17h H12), and the next run could not tell it was saved.
            raise self.journal.unwritable(", so nothing was downloaded (a saved file is recorded)")
        return found

    def check_destination(
        self, dest: str | os.PathLike[str], *, force: bool = False, reused: Job | None = None
    ) -> None:
        """A download destination refused before a billable create (the job id is not known
        yet): what `talk -o` checks first. `reused`: the job `--reuse` will return, when known
        before (talk_reusable): its own saved file there is not in the way (break17h H11)."""
        if reused is None:
            _targets(dest, ["placeholder"], force, {}, None)
        else:
            _targets(dest, [reused.id], force, {}, self._saved_at)

    def watcher(self, **options: Any) -> Watcher:
        """A Watcher on this client (the CLI's polling and downloads); close it when done."""
        from akool_cli.jobs.watcher import Watcher

        options.setdefault("clock", self.clock)
        options.setdefault("closing", self._ends())
        return Watcher(self.api, self.journal, **options)

    def _ends(self) -> threading.Event:
        """What ends a watcher at once: this Client closed, or the caller's cancelled_by() event
        (an MCP session whose client closed stdin: break17i I9)."""
        return interrupts.either(self._closing, interrupts.own_cancel())

    def fetch_again(self, job_id: str) -> Path | None:
        """Where a job's result was saved, when the file there is gone or is not the one saved
        (its SHA-256 differs): it needs fetching again. None when it was never saved, or is
        still there whole."""
        record = self.journal.get(check_job_id(job_id))
        if record is None or not record.downloaded_path:
            return None
        path = Path(record.downloaded_path)
        return None if record.result_at(path) else path

    def _saved_at(self, job_id: str, target: Path) -> str:
        """What of the job is saved at `target`, whole: "all" its files, only its "result"
        (its other files are missing: a run stopped while saving them), or ""."""
        record = self.journal.get(job_id)
        if record is None or not record.result_at(target):
            return ""
        return "result" if record.unsaved_files() else "all"

    def _only(self, job_id: str, result: FollowResult) -> Job:
        if job_id in result.errors:
            raise result.errors[job_id]
        return result.jobs[job_id]

    def _follow(
        self,
        ids: list[str],
        targets: dict[str, Path],
        *,
        force: bool,
        interval: float,
        timeout: float | None,
        first_poll_delay: float = 0.0,
        on_event: Callable[[Event], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> FollowResult:
        from akool_cli.jobs.watcher import Watcher

        records = {job_id: self.journal.get(job_id) for job_id in ids}
        gone = {
            job_id: refused
            for job_id, record in records.items()
            if (refused := _not_followed(job_id, record)) is not None
        }
        records = {job_id: record for job_id, record in records.items() if job_id not in gone}
        ids = [job_id for job_id in ids if job_id not in gone]
        first = self.api_of(records[ids[0]]) if ids else self.api
        with Watcher(
            first,
            self.journal,
            interval=interval,
            timeout=timeout,
            force=force,
            clock=self.clock,
            should_stop=should_stop,
            fetched_scope=self._fetched_scope(records, targets),
            closing=self._ends(),  # close() on another thread ends it (break17g G19)
        ) as watcher:
            for job_id, record in records.items():
                watcher.add(
                    job_id,
                    kind=self._kind_of(record),
                    target=targets.get(job_id),
                    first_poll_delay=first_poll_delay,
                    api=self.api_of(record),
                )
            for event in watcher.events():
                if on_event is not None:
                    on_event(event)
        found = watcher.result
        if self._closing.is_set():
            unfinished = [
                i
                for i in ids
                if i not in found.errors
                and (not _finished(found.jobs, i) or (i in targets and i not in found.downloads))
            ]
            if unfinished:
                raise closed_while_following(unfinished)
        result = FollowResult(errors={**gone, **found.errors}, downloaded=set(found.downloads))
        for job_id in ids:
            info = found.jobs.get(job_id)
            if info is not None:
                kind = self._kind_of(records[job_id]).name
                record = self.journal.get(job_id)
                result.jobs[job_id] = Job.of(info, record, kind, found.downloads.get(job_id))
        return result

    def _fetched_scope(
        self, records: dict[str, JobRecord | None], targets: dict[str, Path]
    ) -> Scope | None:
        """Where a job this history does not hold is recorded once its result is saved here
        (this client's server, profile and account: it is followed with its credential),
        so that running the same command again says "saved earlier" (break17f F15)."""
        if any(record is None and job_id in targets for job_id, record in records.items()):
            return self.scope()
        return None


def destination(dest: object, what: str) -> str:
    """Where results go, as text, by one rule for a str and a pathlib.Path (break17i I18): an
    existing folder takes `<job id>.mp4`, any other path is the file itself; a str may also end
    with / to name a folder made when missing (-o DIR/), which a Path cannot carry."""
    return check_output_path(dest, what)


def _finished(jobs: Mapping[str, JobInfo], job_id: str) -> bool:
    info = jobs.get(job_id)
    return info is not None and info.finished


def _targets(
    dest: str | os.PathLike[str],
    job_ids: list[str],
    force: bool,
    suffixes: dict[str, str],
    saved: Callable[[str, Path], str] | None,
) -> dict[str, Path]:
    from akool_cli.jobs.download import check_target, names_directory, resolve_target

    output = destination(dest, "the download destination")
    if not output.strip():
        raise UsageError("-o/--output is empty", hint="e.g. -o video.mp4 or -o videos/")
    many = len(job_ids) > 1
    found = {
        job_id: resolve_target(output, job_id, many=many, suffix=suffixes.get(job_id, ".mp4"))
        for job_id in job_ids
    }
    kept = {j: saved(j, t) for j, t in found.items()} if saved is not None else {}
    found = {j: t for j, t in found.items() if kept.get(j) != "all"}
    for job_id, target in found.items():
        if kept.get(job_id) != "result":  # its result is there whole: its other files are not
            check_target(target, force=force, make_parent=names_directory(output, many=many))
    return found

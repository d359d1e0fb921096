"""Batches from Python as `akool batch` runs them: a file of rows planned (every problem at
once), its local files uploaded and URLs checked, then each row created once, followed and
downloaded a few at a time. Events go to callbacks; nothing prints.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from akool_cli.client.talking import DEFAULT_URL_TTL, TalkingMixin
from akool_cli.core.durations import parse_duration
from akool_cli.core.errors import AkoolError, LocalStateError, UsageError, closed_during_batch
from akool_cli.core.kinds import FieldsRequest
from akool_cli.core.validate import check_budget, check_output_path, check_path, check_range

if TYPE_CHECKING:
    from akool_cli.inputs.preflight import Events, Plan, Settings
    from akool_cli.jobs.batch import Item, Problem
    from akool_cli.jobs.batch_run import Outcome
    from akool_cli.store.journal import JobRecord, Scope


@dataclass
class BatchPlan:
    """A batch file read and checked: the rows that can run and the problems of the others."""

    file: Path
    rows: int  # rows in the file, valid or not
    items: list[Item]
    problems: list[Problem]
    inputs: Plan
    settings: Settings
    output_dir: Path | None = None
    max_credits: float | None = None  # the run's spending cap (see Client.batch)
    prepared: bool = False  # local files uploaded and URLs checked (prepare_batch)
    warnings: list[str] = field(default_factory=list)  # what only degrades a row's result


@dataclass
class BatchResult:
    """Every row's outcome; `fatal` when the history could not be written (the run stopped, and
    ids it could not record are in the outcomes as "unrecorded"); `interrupted` after a stop;
    `over_budget`: why `max_credits` stopped it starting jobs; `balance_error`: AKOOL's error
    when the balance the cap needs could not be read (it stopped starting jobs; not a budget
    stop)."""

    outcomes: list[Outcome] = field(default_factory=list)
    fatal: LocalStateError | None = None
    interrupted: bool = False
    over_budget: str | None = None
    balance_error: AkoolError | None = None


@dataclass
class BatchPreview:
    """What running a plan would do (nothing is sent): each row's action and credit estimate,
    the files it would upload, and the total estimate."""

    rows: list[dict[str, Any]]
    uploads: list[dict[str, object]]
    estimate: dict[str, Any]
    # The rows a run would not start: an unknown outcome to settle first, another credential.
    waiting: int = 0


class BatchMixin(TalkingMixin):
    def batch_plan(
        self,
        file: str | Path,
        *,
        output_dir: str | Path | None = None,
        upload_to: str | None = None,
        url_ttl: str | float = DEFAULT_URL_TTL,
        check: bool = True,
        check_face: bool = False,
        max_credits: float | None = None,
        check_lists: bool = True,
    ) -> BatchPlan:
        """Read a CSV or JSON Lines file of rows and find every problem that needs no network;
        local files are relative to the file's folder. `max_credits` caps the run's spending.
        With `check_lists`, rows not created yet are checked against AKOOL's lists too
        (languages, effects, models: read once; this needs the credential and the network)."""
        from akool_cli.inputs.preflight import Input, raise_all, split_problems
        from akool_cli.jobs.batch import Problem, load_rows, rows_folder, validate

        check_budget(max_credits, "max_credits")
        path = Path(check_path(file, "the batch file"))
        rows = load_rows(path)
        base = rows_folder(path)
        items, problems = validate(rows, base_dir=base)
        # "the image", "the audio" for a talking photo's; the field's name for other kinds'.
        names = {"image_url": "the image", "audio_url": "the audio"}
        inputs = [
            Input(value, role, names.get(name, f"the {name}"), item.row)
            for item in items
            for name, (value, role) in item.media().items()
        ]
        found, settings = self.plan_inputs(
            inputs,
            upload_to=upload_to,
            url_ttl=url_ttl,
            check=check,
            check_face=check_face,
            base_dir=base,
        )
        by_row, general = split_problems(found.problems)
        raise_all(general)
        over, warnings = rows_over_limits(items, found)
        for row, messages in over.items():
            by_row.setdefault(row, []).extend(messages)
        folder = None
        if output_dir is not None:
            folder = (
                Path(check_output_path(output_dir, "the output folder")).expanduser().absolute()
            )
        if check_lists:
            for row, message in self._row_checks(items, folder):
                by_row.setdefault(row, []).append(message)
        for row, messages in sorted(by_row.items()):
            problems += [Problem(row, message) for message in messages]
        valid = [i for i in items if i.row not in by_row]
        plan = BatchPlan(path, len(rows), valid, problems, found, settings, folder, max_credits)
        plan.warnings = warnings
        return plan

    def _row_checks(self, items: list[Item], output_dir: Path | None) -> list[tuple[int, str]]:
        """Each row not created yet that its command would refuse before billing for what
        AKOOL's lists do not offer (an avatar_id, whose avatar_from is looked up, a language,
        an effect, a model) or as made already (AKOOL's 1202: a video translated with lip sync
        into a language again; an avatar upload's avatar_id), by the history or an earlier
        row: its number and what is wrong."""
        from akool_cli.client.making import MakingMixin, fill_avatar_from, listed_problems
        from akool_cli.core import kinds
        from akool_cli.jobs.batch_run import earlier_job
        from akool_cli.store.journal import Scope

        lists = cast("MakingMixin", self)
        products = [i for i in items if isinstance(i.request, FieldsRequest)]
        if not products:
            return []
        scope = Scope(self.base_url, self.profile, self.credential().account())
        found: list[tuple[int, str]] = []
        made: dict[str, list[dict[str, Any]]] = {}  # earlier rows' fields, by kind
        for item in products:
            if earlier_job(self.journal, item, scope, output_dir) is not None:
                continue  # created already: a rerun follows it whatever the lists say now
            request = cast("FieldsRequest", item.request)
            fields = dict(request.fields)
            problems: list[str | None] = []
            if item.look_up:  # as the command: the avatar_id's avatar_from from the list
                fields["avatar_from"] = None
                problems.append(fill_avatar_from(lists, fields))
                item.request = replace(request, fields=fields)  # refused rows do not run
            problems += listed_problems(lists, item.kind, fields)
            kind = kinds.KINDS[item.kind]
            problems.append(lists.repeat_problem(kind, fields, also=made.get(kind.name, [])))
            if not any(problems):
                made.setdefault(kind.name, []).append(fields)
            found += [(item.row, p) for p in problems if p]
        return found

    def batch_preview(self, plan: BatchPlan, *, retry_unknown: bool = False) -> BatchPreview:
        """What running the plan would do with each row (and what it would cost, estimated),
        and the files it would upload (with their sizes); nothing is sent. `retry_unknown`: as
        batch()'s (rows whose own create's outcome is unknown would be created again)."""
        from akool_cli.inputs.preflight import upload_plan
        from akool_cli.jobs.batch_run import WAITING_ACTIONS, estimated
        from akool_cli.jobs.batch_run import plan as row_plan

        values = {value for i in plan.items for value, _ in i.media().values()}
        uploads = upload_plan(plan.inputs.only(values), self.journal)
        scope = self.scope(any_account=True)
        elsewhere = self._made_elsewhere(plan.items, scope)
        rows = list(
            row_plan(
                plan.items,
                self.journal,
                plan.output_dir,
                scope,
                elsewhere,
                retry_unknown=retry_unknown,
            )
        )
        waiting = sum(1 for row in rows if row["action"] in WAITING_ACTIONS)
        return BatchPreview(rows, uploads, estimated(rows, self.journal), waiting)

    def _made_elsewhere(self, items: list[Item], scope: Scope) -> dict[str, str]:
        """The rows' keys made with another credential on this server and profile, while this
        credential's account is undecided (jobs/accounts.py): key → that account."""
        from akool_cli.store.journal import Scope

        if scope.account is None:
            return {}  # a dry run without a credential: any account's jobs are shown
        fingerprint = self.api.credential.account()
        if self.journal.account_of(self.base_url, self.profile, fingerprint) is not None:
            return {}
        own = Scope(self.base_url, self.profile, fingerprint)
        return self.journal.made_elsewhere([k for i in items for k in _row_keys(i)], own)

    def prepare_batch(self, plan: BatchPlan, *, events: Events | None = None) -> BatchPlan:
        """The output folder made, the credential found, then the files of rows not created yet
        uploaded and their URLs checked (each distinct one once): resuming never uploads or
        checks again what an earlier run created."""
        from akool_cli.inputs.upload import Presigned
        from akool_cli.jobs.accounts import check_choice, meet, meet_requests
        from akool_cli.jobs.batch import check_output_dir
        from akool_cli.jobs.batch_run import earlier_job, row_create
        from akool_cli.store.journal import Scope

        if plan.output_dir is not None:
            make_folder(plan.output_dir)
            check_output_dir(plan.output_dir)
        credential = self.credential()  # not logged in: said before anything is uploaded
        # Rows made with another credential: decided by account_choice, or refused before
        # anything is uploaded or created (jobs/accounts.py).
        own = Scope(self.base_url, self.profile, credential.account())
        rows = [_row_keys(i) for i in plan.items]
        account = meet(self.journal, own, rows, check_choice(self.account_choice))
        scope = replace(own, account=account)
        made = {i.row: earlier_job(self.journal, i, scope, plan.output_dir) for i in plan.items}
        warn = events.warn if events is not None else (lambda line: None)
        for item in plan.items:
            record = made[item.row]
            for line in [] if record is None else changed_files(plan.inputs, item, record):
                warn(line)
        pending = [i for i in plan.items if made[i.row] is None]
        values = {value for i in pending for value, _ in i.media().values()}
        # The uploads' URLs are signed again as each row's create leaves (break17h H15).
        settings = replace(plan.settings, presigned=Presigned(plan.settings.ttl))
        sent = self.prepare_inputs(plan.inputs.only(values), settings, events=events)
        items = [i.with_urls(sent) for i in plan.items]
        # Rows whose identical create made with another credential (a command, an MCP call)
        # has an unknown outcome: decided the same way, before any row is created.
        creates = [
            row_create(i)
            for i in items
            if earlier_job(self.journal, i, scope, plan.output_dir) is None
        ]
        meet_requests(self.journal, own, creates, check_choice(self.account_choice))
        return replace(plan, items=items, settings=settings, prepared=True)

    def batch(
        self,
        plan: BatchPlan,
        *,
        concurrency: int = 4,
        interval: float | str = 3.0,
        force: bool = False,
        retry_unknown: bool = False,
        on_event: Callable[[Outcome, str], None] | None = None,
        on_bytes: Callable[[int], None] | None = None,
        stopping: threading.Event | None = None,
        max_credits: float | None = None,
        label: str | None = None,
    ) -> BatchResult:
        """Run the plan's rows, at most `concurrency` at a time (the engine `akool batch`
        draws): each row claimed in the history before its create is sent, so a rerun picks up
        what an earlier run created instead of paying again. Ctrl-C (or `stopping`) lets creates
        in flight finish and be recorded, then returns with `interrupted`. With `max_credits`,
        no job starts once the credits spent in the run plus the estimates of jobs in flight
        would pass it (`over_budget` says why). `label` names the run in the ledger (the file)."""
        from akool_cli.jobs.batch_run import BatchRunner
        from akool_cli.jobs.budget import Budget, Estimator

        check_range("concurrency", concurrency)
        interval = parse_duration(interval, "interval")
        max_credits = plan.max_credits if max_credits is None else max_credits
        check_budget(max_credits, "max_credits")
        if not plan.prepared:
            plan = self.prepare_batch(plan)
        estimator = Estimator(self.journal, self.scope(any_account=True))
        budget = None
        if max_credits is not None:
            budget = Budget(max_credits, self.api.credit, estimator)
        runner = BatchRunner(
            client=self.api,
            journal=self.journal,
            profile=self.profile,
            output_dir=plan.output_dir,
            concurrency=concurrency,
            interval=interval,
            force=force,
            retry_unknown=retry_unknown,
            run_label=label if label is not None else str(plan.file),
            budget=budget,
            estimator=estimator,
            clock=self.clock,
            on_event=on_event,
            on_bytes=on_bytes,
            stopping=stopping or threading.Event(),
            fresh_url=plan.settings.presigned.fresh if plan.settings.presigned else None,
        )
        on_close = partial(runner.halt, closed=True)  # close() on another thread ends it
        self._on_close.append(on_close)
        try:
            if self._closing.is_set():
                on_close()
            outcomes = runner.run(plan.items)
        except KeyboardInterrupt:
            return BatchResult(runner.outcomes, runner.fatal, interrupted=True)
        finally:
            self._on_close.remove(on_close)
        if runner.callback_error is not None:
            raise _noted(runner.callback_error, outcomes)
        if runner.closed:
            raise closed_during_batch([o.job_id for o in outcomes if o.job_id])
        if runner.stopped():  # `stopping` was set (its signal's KeyboardInterrupt was lost)
            return BatchResult(outcomes, None, interrupted=True)
        if budget is None or runner.fatal is not None:
            return BatchResult(outcomes, runner.fatal)
        if budget.error is not None:
            return BatchResult(outcomes, runner.fatal, balance_error=budget.error)
        return BatchResult(outcomes, runner.fatal, over_budget=budget.refused)


def _noted(error: Exception, outcomes: list[Outcome]) -> Exception:
    """The exception on_event raised, as it was, with a note of the rows' jobs (break17g G10:
    it was swallowed, and the row it interrupted lost its job's id): every one is recorded, and
    running the same plan again picks them up."""
    made = [f"row {o.id}: job {o.job_id} ({o.state})" for o in outcomes if o.job_id]
    note = (
        "akool: on_event raised this during client.batch(); the run started no more rows and "
        "stopped following, and every job it made is recorded ("
        + ("; ".join(made) or "none")
        + "): run the same batch again to pick them up"
    )
    add_note = getattr(error, "add_note", None)  # Python 3.11 and later
    if add_note is not None:
        add_note(note)
    return error


def _row_keys(item: Item) -> list[str]:
    """The claim keys a row's creates use: its speech's, its own, and akool 0.1's."""
    keys = [item.key + ":speech", item.key]
    return keys + ([item.legacy_key] if item.legacy_key is not None else [])


def rows_over_limits(items: list[Item], found: Plan) -> tuple[dict[int, list[str]], list[str]]:
    """Each row's local files against its product's documented limits: the problems by row,
    and the warnings (what only degrades a result)."""
    from akool_cli.core.products import PRODUCTS
    from akool_cli.inputs.limits import input_problems

    by_row: dict[int, list[str]] = {}
    warnings: list[str] = []
    for item in items:
        product = PRODUCTS.get(item.kind)
        for value, role in item.media().values():
            source = found.files.get(value)
            if product is None or source is None:
                continue
            limits, noun = product.limits, product.kind.noun
            stop, warn = input_problems(
                source.path, source.size, limits, noun, role, source.kind.name
            )
            if stop:
                by_row.setdefault(item.row, []).extend(stop)
            warnings += [f"row {item.row}: {line}" for line in warn]
    return by_row, warnings


def make_folder(
    folder: Path, what: str = "the output folder", hint: str = "choose a folder you can write to"
) -> None:
    """A folder to fill, created as `mkdir -p` would; `what` names it in the UsageError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot create {what} {folder}: {exc.strerror or exc}", hint=hint
        ) from None


def changed_files(inputs: Plan, item: Item, record: JobRecord) -> list[str]:
    """The row's local files whose content is not the one its job was made from (each is
    uploaded under its SHA-256, PREFIX/<sha256[:16]>/NAME, which the job's inputs record): the
    row keeps its job, and the warning says how to make a video of the file as it is now."""
    from akool_cli.inputs.upload import HASH_PREFIX, hash_file

    recorded = json.dumps(record.inputs)
    found = []
    for value, _role in item.media().values():
        source = inputs.files.get(value)
        if source is None:
            continue  # a URL: what it serves now is AKOOL's to fetch, not akool's to know
        try:
            digest = hash_file(source.path)
        except OSError:
            continue  # unreadable now: the job made earlier stands, and nothing is uploaded
        if f"/{digest[:HASH_PREFIX]}/" not in recorded:
            found.append(
                f"row {item.id}: {source.path.name} has changed since job {record.id} was made "
                "from it; the row keeps that job (a video of the file as it was): give the row "
                "a new id to make one of the file as it is now"
            )
    return found

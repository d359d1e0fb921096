"""The ledger: what the jobs in the history cost, grouped by kind, day or batch run, and each
run's balance before and after; and the history exported with inputs, outputs and costs.

Read from the history only (the cost fields AKOOL reported for each job, the balances read around
each run); nothing here calls AKOOL.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from akool_cli.core.durations import iso
from akool_cli.core.errors import UsageError
from akool_cli.core.prices import credits_of
from akool_cli.core.states import FINAL, Status, name
from akool_cli.jobs.views import detached_note, expired
from akool_cli.store.credentials import sandbox_accounts
from akool_cli.store.journal import JobRecord, Journal, RunRecord, Scope

GROUPINGS = ("kind", "day", "batch")


@dataclass
class SpendGroup:
    group: str
    base_url: str = ""  # the server its jobs were made on ("" for every server summed)
    profile: str = ""
    jobs: int = 0  # finished jobs
    credits: float = 0.0  # what their credit fields say they were charged
    unpriced: int = 0  # finished jobs whose answers carried no credit field
    fields: dict[str, float] = field(default_factory=dict)  # every cost field, summed
    # Jobs made that the history never saw finish (not asked about again, or still running):
    # what they cost is unknown until `akool status` (or sync, or the MCP status tool) asks.
    cost_unknown: int = 0
    # Detached jobs (a server gave their id to another create: status says so): whose create
    # they are is unknown, so they are counted here only, never as the create's kind or cost.
    detached: int = 0

    def add(self, job: JobRecord) -> None:
        if job.detached:
            self.detached += 1
            return
        if job.video_status not in FINAL:
            self.cost_unknown += 1
            return
        self.jobs += 1
        charged = credits_of(job.cost)
        if charged is None:
            self.unpriced += 1
        else:
            self.credits = round(self.credits + charged, 4)
        for key, value in job.cost.items():
            self.fields[key] = round(self.fields.get(key, 0.0) + value, 4)

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "base_url": self.base_url or None,
            "profile": self.profile or None,
            "jobs": self.jobs,
            "credits": self.credits,
            "unpriced": self.unpriced,
            "cost_unknown": self.cost_unknown,
            "detached": self.detached,
            "fields": dict(sorted(self.fields.items())),
        }


@dataclass
class Spend:
    since: float
    by: str
    groups: list[SpendGroup]  # each of one server and profile
    total: SpendGroup  # what is shown, summed (with `all_servers`: every server's)
    runs: list[RunRecord]
    totals: list[SpendGroup] = field(default_factory=list)  # one per server and profile
    scope: Scope | None = None  # the server and profile counted; None: every one (--all)
    elsewhere: int = 0  # jobs of other servers or profiles since then, not counted

    def to_json(self) -> dict[str, Any]:
        return {
            "since": iso(self.since) if self.since else None,
            "by": self.by,
            "base_url": self.scope.base_url if self.scope else None,
            "profile": self.scope.profile if self.scope else None,
            "groups": [g.to_json() for g in self.groups],
            "total": self.total.to_json(),
            "totals": [t.to_json() for t in self.totals],
            "runs": [run_json(run) for run in self.runs],
            "elsewhere": self.elsewhere,
        }


def in_scope(base_url: str, profile: str, scope: Scope | None) -> bool:
    """Whether a job or run of this server and profile is counted: `scope` None counts every
    one; a record older than the history's servers ('') counts as the scope's server."""
    if scope is None:
        return True
    return (base_url or scope.base_url) == scope.base_url and profile == scope.profile


def run_json(run: RunRecord) -> dict[str, Any]:
    before, after = run.balance_before, run.balance_after
    drop = round(before - after, 4) if before is not None and after is not None else None
    return {
        "run": run.id,
        "kind": run.kind,
        "base_url": run.base_url or None,
        "profile": run.profile,
        "label": run.label,
        "started_at": iso(run.started_at),
        "ended_at": iso(run.ended_at),
        "balance_before": before,
        "balance_after": after,
        "balance_drop": drop,
        "max_credits": run.max_credits,
        "outcome": run.outcome,
    }


def spend(journal: Journal, *, since: float, by: str, scope: Scope | None = None) -> Spend:
    """The credits finished jobs were charged since then (when they finished), grouped, on the
    server and profile of `scope` (None: every one, each apart); jobs made since then that the
    history never saw finish are counted apart (cost unknown)."""
    if by not in GROUPINGS:
        raise UsageError(
            f"--by {by!r} is not one of: {', '.join(GROUPINGS)}", hint="e.g. akool spend --by day"
        )
    runs = {run.id: run for run in journal.runs(0.0)}
    key = _GROUP_KEYS[by]
    groups: dict[tuple[str, str, str], SpendGroup] = {}
    totals: dict[tuple[str, str], SpendGroup] = {}
    total = SpendGroup("total", *(_where(scope) if scope else ("", "")))
    elsewhere = 0
    for job in journal.jobs_since(0.0 if not since else since - 30 * 86400):
        charged_at = job.finished_at if job.finished_at is not None else job.updated_at
        if (job.created_at if job.video_status not in FINAL else charged_at) < since:
            continue
        if not in_scope(job.base_url, job.profile, scope):
            elsewhere += 1
            continue
        where = _where(scope) if scope else (job.base_url, job.profile)
        group = key(job, runs)
        groups.setdefault((*where, group), SpendGroup(group, *where)).add(job)
        totals.setdefault(where, SpendGroup("total", *where)).add(job)
        total.add(job)
    shown_runs = [
        run
        for run in runs.values()
        if run.started_at >= since and in_scope(run.base_url, run.profile, scope)
    ]
    ordered = [groups[k] for k in sorted(groups)]
    return Spend(
        since, by, ordered, total, shown_runs, [totals[k] for k in sorted(totals)], scope, elsewhere
    )


def _where(scope: Scope) -> tuple[str, str]:
    return (scope.base_url, scope.profile)


# The sandbox's own accounts, worked out once for a whole export (a job made with one is the
# sandbox's: `sandbox` in the history's rows).
_sandbox_accounts = functools.cache(sandbox_accounts)


def _by_day(job: JobRecord, runs: dict[int, RunRecord]) -> str:
    when = job.finished_at if job.finished_at is not None else job.updated_at
    return datetime.fromtimestamp(when, tz=timezone.utc).strftime("%Y-%m-%d")


def _by_batch(job: JobRecord, runs: dict[int, RunRecord]) -> str:
    run = runs.get(job.run_id) if job.run_id is not None else None
    if run is None:
        return "(no run)"
    return f"{run.kind} {run.id}: {run.label}" if run.label else f"{run.kind} {run.id}"


_GROUP_KEYS: dict[str, Callable[[JobRecord, dict[int, RunRecord]], str]] = {
    "kind": lambda job, runs: job.kind,
    "day": _by_day,
    "batch": _by_batch,
}


# -- the history, exported ------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "id",
    "kind",
    "state",
    "created_at",
    "finished_at",
    "expires_at",
    "expired",
    "label",
    "inputs",
    "video_url",
    "downloaded_path",
    "sha256",
    "files",
    "credits",
    "cost",
    "error",
    "run",
    "detached",
    "base_url",
    "profile",
    "sandbox",
)


def export_row(job: JobRecord, now: float) -> dict[str, Any]:
    """One job for `akool history --json/--csv`: its inputs, outputs and costs; `expired`: AKOOL
    deleted its result (now is past expires_at); `detached`: the note of a job that is not the
    create's it is recorded under (views.detached_note), as status says it."""
    return {
        "id": job.id,
        "kind": job.kind,
        "state": name(job.video_status),
        "created_at": iso(job.created_at),
        "finished_at": iso(job.finished_at),
        "expires_at": iso(job.expires_at) if job.video_status == Status.DONE else None,
        "expired": expired(job.video_status, job.expires_at, now),
        "label": job.label or None,
        "inputs": job.inputs,
        "video_url": job.video_url or None,
        "downloaded_path": job.downloaded_path or None,
        "sha256": job.sha256 or None,
        "files": {role: {"url": url, **job.saved.get(role, {})} for role, url in job.files.items()},
        "credits": credits_of(job.cost),
        "cost": job.cost,
        "error": job.error or None,
        "run": job.run_id,
        "detached": detached_note(job.held_by) if job.detached else None,
        "base_url": job.base_url or None,
        "profile": job.profile,
        "sandbox": bool(job.account) and job.account in _sandbox_accounts(),
    }


def expiring(jobs: Iterable[JobRecord], now: float, within: float) -> list[JobRecord]:
    """Done jobs whose result is not saved and that AKOOL deletes within `within` seconds."""
    return [
        job
        for job in jobs
        if job.video_status == Status.DONE
        and not job.downloaded_path
        and job.expires_at is not None
        and job.expires_at - now <= within
    ]

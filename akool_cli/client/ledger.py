"""The history from Python as `akool spend`, `history` and `sync` read it: what finished jobs
cost, every job exported, the results AKOOL is about to delete, and saving them all."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.core.durations import parse_since
from akool_cli.core.errors import UsageError

if TYPE_CHECKING:
    from akool_cli.jobs.ledger import Spend
    from akool_cli.jobs.sync import SyncResult
    from akool_cli.store.journal import JobRecord, Scope


class LedgerMixin(ClientBase):
    def spend(
        self, *, since: float | str | None = None, by: str = "kind", all_servers: bool = False
    ) -> Spend:
        """What finished jobs were charged since then (a timestamp, a date such as 2026-12-01,
        or an age such as 7d), grouped by kind, day (UTC) or batch run, with each run's balance
        before and after: on this client's server and profile (a sandbox rehearsal is not
        production's spend), or with `all_servers` on every one, each apart (`totals`)."""
        from akool_cli.jobs import ledger

        scope = None if all_servers else self._here()
        return ledger.spend(self.journal, since=self._since(since), by=by, scope=scope)

    def history(
        self,
        *,
        since: float | str | None = None,
        kind: str | None = None,
        newest: int | None = None,
        all_servers: bool = False,
    ) -> list[dict[str, Any]]:
        """Every job since then (of one kind, if given), oldest first: inputs, outputs, costs,
        expiry, server and profile (the columns of HISTORY_COLUMNS). `newest`: only the newest
        that many. Jobs of this client's server and profile; with `all_servers`, every one's."""
        from akool_cli.core import kinds
        from akool_cli.core.validate import check_range
        from akool_cli.jobs.ledger import export_row, in_scope

        if newest is not None:
            newest = int(check_range("newest", newest))
        if kind is not None and kind not in kinds.KINDS:
            raise UsageError(
                f"kind={kind!r:.80} is not a kind of job akool makes",
                hint=f"one of: {', '.join(sorted(kinds.KINDS))}",
            )
        scope = None if all_servers else self._here()
        if newest is None:
            records = self.journal.jobs_since(self._since(since))
        else:
            start = self._since(since)
            wide = kind is not None or scope is not None  # some are left out: read more
            records = self.journal.recent(max(newest * 10, 1000) if wide else newest)
            records = [r for r in reversed(records) if r.created_at >= start]
        now = self.clock.time()
        rows = [
            export_row(r, now)
            for r in records
            if (kind is None or r.kind == kind) and in_scope(r.base_url, r.profile, scope)
        ]
        return rows if newest is None else rows[max(0, len(rows) - newest) :]

    def expiring(self, within: float = 86400.0) -> list[JobRecord]:
        """Done jobs not downloaded whose result AKOOL deletes within `within` seconds."""
        from akool_cli.jobs.ledger import expiring

        return expiring(self.journal.unsaved(), self.clock.time(), within)

    def sync(self, folder: str | os.PathLike[str], *, force: bool = False) -> SyncResult:
        """Download every finished result the history has not saved into `folder`; a second
        call transfers nothing. Jobs are asked about on the server (and profile) that made them."""
        from akool_cli.core.validate import check_output_path
        from akool_cli.jobs.download import check_folder
        from akool_cli.jobs.sync import sync

        target = Path(check_output_path(folder, "the folder")).expanduser().absolute()  # absolute
        check_folder(target)
        return sync(self.journal, self.api_of, target, force=force)

    def _here(self) -> Scope:
        """The server and profile in use, whatever the account (no credential is needed)."""
        from akool_cli.store.journal import Scope

        return Scope(self.base_url, self.profile, None)

    def _since(self, since: float | str | None, option: str = "since") -> float:
        """A timestamp, a date or an age as a timestamp; errors name `option` (`since=`, or the
        command's --since)."""
        if since is None or (isinstance(since, (int, float)) and not isinstance(since, bool)):
            if since is not None and not math.isfinite(since):
                raise UsageError(
                    f"{option}={since!r} is not a time", hint='e.g. since="7d" or a timestamp'
                )
            return float(since or 0.0)
        if not isinstance(since, str):
            raise UsageError(
                f"{option}={since!r:.80} is neither a date nor an age",
                hint='e.g. since="2026-12-01", since="7d" or a timestamp',
            )
        return parse_since(since, self.clock.time(), option)

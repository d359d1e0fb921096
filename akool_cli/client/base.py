"""What every part of the Client stands on: its Session (the one factory of API clients), one
API client per server and profile, and the history."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from akool_cli.core import kinds
from akool_cli.core.clock import Clock
from akool_cli.core.redact import Redactor
from akool_cli.net.session import Session

if TYPE_CHECKING:
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.config import Paths
    from akool_cli.store.credentials import Credential, KeyringStore
    from akool_cli.store.journal import JobRecord, Journal


class ClientBase:
    """One AKOOL account on one server, with akool's history (see akool_cli.Client)."""

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
        redactor: Redactor | None = None,
        session: Session | None = None,
    ) -> None:
        if api_key is not None:
            from akool_cli.core.validate import check_secret
            from akool_cli.store.credentials import Credential

            credential = Credential("api_key", "argument", api_key=check_secret(api_key, "API key"))
        self.session = session or Session.create(
            env=env,
            profile=profile,
            base_url=base_url,
            home=home,
            clock=clock,
            credential=credential,
            store=store,
            redactor=redactor,
        )
        self._apis: dict[tuple[str, str], AkoolClient] = {}
        self._journal: Journal | None = None

    # -- where and who ----------------------------------------------------------------------

    @property
    def env(self) -> dict[str, str]:
        return self.session.env

    @property
    def profile(self) -> str:
        return self.session.profile

    @property
    def paths(self) -> Paths:
        return self.session.paths

    @property
    def clock(self) -> Clock:
        return self.session.clock

    @property
    def base_url(self) -> str:
        """The server (--base-url, AKOOL_BASE_URL, the profile's, or AKOOL's); checked on use."""
        return self.session.base_url()

    # -- what it works with -------------------------------------------------------------------

    @property
    def api(self) -> AkoolClient:
        """The low-level client for this server and profile (documented endpoints, retries)."""
        return self.api_for(self.base_url, self.profile)

    def api_for(self, base_url: str, profile: str) -> AkoolClient:
        """A low-level client for another server or profile (jobs are followed where they were made)."""
        key = (base_url, profile)
        if key not in self._apis:
            self._apis[key] = self.session.connect(base_url, profile)
        return self._apis[key]

    def api_of(self, record: JobRecord | None) -> AkoolClient:
        """The client for the server and profile a recorded job was made with."""
        if record is not None and record.base_url:
            return self.api_for(record.base_url, record.profile)
        return self.api

    @property
    def journal(self) -> Journal:
        """The local history shared with the CLI."""
        if self._journal is None:
            self._journal = self.session.journal()
        return self._journal

    def close(self) -> None:
        for api in self._apis.values():
            api.close()
        self._apis.clear()
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    # -- helpers the parts share ------------------------------------------------------------

    def _record(self, job_id: str) -> JobRecord | None:
        return self.journal.get(job_id)

    def _kind_of(self, record: JobRecord | None) -> kinds.JobKind:
        """A recorded job's kind; a job the history does not hold is taken as a talking photo."""
        return kinds.get(record.kind) if record is not None else kinds.TALKING_PHOTO

    def _suffix(self, job_id: str) -> str:
        return self._kind_of(self._record(job_id)).suffix

    def _resolve(self, dest: str | os.PathLike[str], job_id: str, many: bool) -> Path:
        from akool_cli.jobs.download import resolve_target

        return resolve_target(os.fspath(dest), job_id, many=many, suffix=self._suffix(job_id))

"""What every part of the Client stands on: its Session (the one factory of API clients), one
API client per server and profile, and the history."""

from __future__ import annotations

import functools
import inspect
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.core import interrupts, kinds, platforms
from akool_cli.core.clock import Clock
from akool_cli.core.errors import (
    AkoolError,
    AuthError,
    CredentialScopeError,
    client_closed,
)
from akool_cli.core.redact import Redactor
from akool_cli.net.session import Session

if TYPE_CHECKING:
    from akool_cli.jobs.accounts import Choice
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.config import Paths
    from akool_cli.store.credentials import Credential, KeyringStore
    from akool_cli.store.journal import JobRecord, Journal, Scope


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
        platforms.check()
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
        self._apis: dict[tuple[str, str, str, str], AkoolClient] = {}
        self._stored: dict[str, Credential | None] = {}
        self._journal: Journal | None = None
        self._pid = os.getpid()  # a forked child opens its own connections (_after_fork)
        self._closed = False  # close() was called: no new call starts
        self._closing = threading.Event()  # set with _closed: waits in flight end (G19)
        self._on_close: list[Callable[[], None]] = []  # what else ends then (a batch's run)
        self._released = False  # its connections and history are closed
        self._calls = 0  # public calls in flight, on any thread (close() waits for them)
        self._calls_done = threading.Condition()
        self._depth = threading.local()  # this thread's calls in flight (nested ones too)
        self._key_locks: dict[str, threading.Lock] = {}  # one keyed create at a time (runs.py)
        self._key_locks_lock = threading.Lock()
        self._lists: dict[str, list[dict[str, Any]]] = {}  # AKOOL's lists, read once (making.py)
        self._lists_lock = threading.Lock()
        self._account_choice: Choice | None = None

    # -- which account ------------------------------------------------------------------------

    @property
    def account_choice(self) -> Choice | None:
        """What jobs made on this server and profile with another credential count as, when a
        keyed create (a batch row, a speech) meets one: "same" (this credential is the same
        AKOOL account: they are picked up and refreshed with it), "new" (another account: made
        again), or None (OtherCredentialError, the default: akool never guesses). Decided once
        per credential and recorded in the history."""
        return self._account_choice

    @account_choice.setter
    def account_choice(self, choice: str | None) -> None:
        from akool_cli.jobs.accounts import check_choice

        self._account_choice = check_choice(choice)

    def account_of(self, credential: Credential, base_url: str, profile: str) -> str:
        """The account a credential's jobs count for on a server and profile (its fingerprint,
        unless the history records it as the same account as another: jobs/accounts.py)."""
        from akool_cli.jobs.accounts import account_for

        return account_for(self.journal, base_url, profile, credential.account())

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

    @property
    def base_url_origin(self) -> str:
        """Where base_url came from: "flag" (the base_url argument, --base-url), "env"
        (AKOOL_BASE_URL), "saved" (the profile's saved base-url) or "default" (AKOOL's host)."""
        from akool_cli.store import config

        session = self.session
        return config.base_url_origin(session.base_url_flag, session.env, self.paths, self.profile)

    # -- what it works with -------------------------------------------------------------------

    @property
    def api(self) -> AkoolClient:
        """The low-level client for this server and profile (documented endpoints, retries)."""
        return self.api_for(self.base_url, self.profile, self.credential())

    def credential(self) -> Credential:
        """The credential in use: the argument, the environment, or the profile's keyring entry."""
        return self.session.credential()

    def api_for(self, base_url: str, profile: str, credential: Credential) -> AkoolClient:
        """A low-level client for a server and profile with this credential. Which credential may
        go to which server is decided by `credential_for`: call it first for recorded jobs."""
        self._check_open()
        self._after_fork()
        key = (base_url, profile, credential.account(), credential.source)
        if key not in self._apis:
            self._apis[key] = self.session.connect(base_url, profile, credential)
        return self._apis[key]

    def api_of(self, record: JobRecord | None) -> AkoolClient:
        """The client for the server and profile a recorded job was made with, with a credential
        that may go there (CredentialScopeError when there is none)."""
        if record is not None and record.base_url:
            return self.api_for(record.base_url, record.profile, self.credential_for(record))
        return self.api

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
                if credential is None:
                    continue
                if self.account_of(credential, base_url, record.profile) == record.account:
                    return credential
        if stored is not None and base_url == self._saved_base_url(record.profile, stored):
            return stored
        if current is not None and base_url == self.base_url:
            return current
        if current is None and stored is None:
            self.credential()  # no credential at all: its own AuthError says how to get one
        raise self._elsewhere(record, base_url)

    def _elsewhere(self, record: JobRecord, base_url: str) -> CredentialScopeError:
        """Why a recorded job is asked about with no credential (what credential_for raises)."""
        from akool_cli.client.elsewhere import job_elsewhere_hint, shadowing
        from akool_cli.store.credentials import from_environment

        environment = from_environment(self.env)
        shadowed = shadowing(self.paths, record.profile, record.account, base_url, environment)
        if shadowed:
            # The profile's own login made it; the environment's credential hides it (K3).
            return CredentialScopeError(
                f"job {record.id} was made on {base_url} with profile {record.profile}'s keyring "
                f"key, which akool does not use while {shadowed} is set in the environment, and "
                "akool never sends a key to a server it was not made for",
                hint=job_elsewhere_hint(
                    self.paths, record.id, record.profile, record.account, base_url, shadowed
                ),
                profile=record.profile,
                base_url=base_url,
            )
        return CredentialScopeError(
            f"job {record.id} was made on {base_url} (profile {record.profile}) with another "
            "credential than the ones akool has here, and akool never sends a key to a server "
            "it was not made for",
            # Never `AKOOL_BASE_URL=… akool status` alone: the credential in use would go there
            # with it; never a login that replaces a profile's key (break17h H1).
            hint=job_elsewhere_hint(
                self.paths, record.id, record.profile, record.account, base_url
            ),
            profile=record.profile,
            base_url=base_url,
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
                known = self.session.found(profile) if profile == self.profile else None
                if known is not None:
                    found = known if known.source == "keyring" else None
                else:
                    try:
                        found = self.session.store().load(profile)
                    except AuthError:
                        found = None
            self._stored[profile] = found
        return self._stored[profile]

    def _saved_base_url(self, profile: str, stored: Credential) -> str | None:
        """The base URL this home's login verified a profile's keyring key on; None when the
        keyring holds another home's key under that name (config.verified_base_url_of)."""
        from akool_cli.store import config

        return config.verified_base_url_of(self.paths, profile, stored.account())

    def scope(self, *, any_account: bool = False) -> Scope:
        """This client's server, profile and account (its credential's fingerprint): where its
        batch rows and claims live. With `any_account`, a missing credential gives account None
        (any account), for a dry run, which needs none."""
        from akool_cli.store.journal import Scope

        try:
            account: str | None = self.account_of(self.api.credential, self.base_url, self.profile)
        except AkoolError:
            if not any_account:
                raise
            account = None
        return Scope(self.base_url, self.profile, account)

    @property
    def journal(self) -> Journal:
        """The local history shared with the CLI."""
        self._check_open()
        self._after_fork()
        if self._journal is None:
            self._journal = self.session.journal()
        return self._journal

    def _check_open(self) -> None:
        if self._released:
            raise client_closed()

    def close(self) -> None:
        """Close its connections and the history; a call that starts afterwards raises
        UsageError. A wait(), download(), follow() or batch() in flight on another thread ends
        at once with UsageError (its jobs keep running on AKOOL). Calls in flight on other threads (a
        create waiting for AKOOL's answer) are waited for up to interrupts.ANSWER_GRACE_SECONDS (not after a stop signal, whose grace
        the command line gave already); any still going then keep the connections and the
        history open until the last of them returns, so a create in flight is always answered
        and recorded (break17g G7)."""
        mine = getattr(self._depth, "n", 0)  # close() from inside a call (a callback)
        # After a stop signal the command line's own grace has run: no second one.
        grace = 0.0 if interrupts.stop_requested() else interrupts.ANSWER_GRACE_SECONDS
        with self._calls_done:
            self._closed = True
            self._closing.set()  # a wait() or follow() on another thread ends now (G19)
            for stop in list(self._on_close):
                stop()
            self._calls_done.wait_for(lambda: self._calls <= mine, timeout=grace)
            if self._calls > 0:
                return  # the last call to return closes them (_leave_call)
        self._release()

    def _release(self) -> None:
        with self._calls_done:
            if self._released:
                return
            self._released = True
        for api in self._apis.values():
            api.close()
        self._apis.clear()
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def _after_fork(self) -> None:
        """In a process forked from the one that made this Client (multiprocessing's workers):
        its pooled connections and its history connection are the parent's, and requests of
        two processes on one socket garble each other (break17f F19). The child leaves them
        alone (never closed, never collected here: closing would end the parent's too) and
        opens its own; locks another thread held at the fork are made again."""
        if self._pid == os.getpid():
            return
        self._pid = os.getpid()
        _INHERITED.append((self._apis, self._journal))
        self._apis, self._journal = {}, None
        self._calls_done = threading.Condition()
        self._calls = getattr(self._depth, "n", 0)  # the parent's other threads are not here
        self._key_locks, self._key_locks_lock = {}, threading.Lock()
        self._lists_lock = threading.Lock()

    def _enter_call(self) -> None:
        """A public call starts: refused once close() was called, unless this thread is in a
        call already (a nested one)."""
        self._after_fork()
        depth = getattr(self._depth, "n", 0)
        with self._calls_done:
            if self._closed and depth == 0:
                raise client_closed()
            self._calls += 1
        self._depth.n = depth + 1

    def _leave_call(self) -> None:
        self._depth.n -= 1
        with self._calls_done:
            self._calls -= 1
            last = self._closed and self._calls == 0
            self._calls_done.notify_all()
        if last:
            self._release()

    # -- helpers the parts share ------------------------------------------------------------

    def _key_lock(self, key: str) -> threading.Lock:
        """One create per claim key at a time in this client (client/runs.py)."""
        with self._key_locks_lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _record(self, job_id: str) -> JobRecord | None:
        return self.journal.get(job_id)

    def _kind_of(self, record: JobRecord | None) -> kinds.JobKind:
        """A recorded job's kind; a job the history does not hold is taken as a talking photo."""
        return kinds.get(record.kind) if record is not None else kinds.TALKING_PHOTO

    def _suffix(self, job_id: str) -> str:
        """The suffix of a job's file: the one it was saved with, or its kind's."""
        from akool_cli.jobs.naming import target_suffix

        record = self._record(job_id)
        return target_suffix(record, self._kind_of(record))

    def _resolve(self, dest: str | os.PathLike[str], job_id: str, many: bool) -> Path:
        from akool_cli.jobs.download import resolve_target

        return resolve_target(os.fspath(dest), job_id, many=many, suffix=self._suffix(job_id))


# What forked children inherited from their parent's Clients (ClientBase._after_fork).
_INHERITED: list[tuple[dict[Any, AkoolClient], Journal | None]] = []

# Not guarded: closing itself (the with-block's __exit__ calls it).
UNGUARDED = frozenset({"close"})


def guard_calls(cls: type[ClientBase]) -> None:
    """Every public method of the Client counts as a call in flight while it runs, so close()
    on another thread waits for it (see ClientBase.close)."""
    for name in dir(cls):
        value = inspect.getattr_static(cls, name)
        if not name.startswith("_") and name not in UNGUARDED and inspect.isfunction(value):
            setattr(cls, name, _guarded(value))


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: ClientBase, *args: Any, **kwargs: Any) -> Any:
        self._enter_call()
        try:
            return method(self, *args, **kwargs)
        finally:
            self._leave_call()

    return call

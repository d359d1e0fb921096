"""The checks behind `akool doctor`: is this machine, credential and endpoint ready for AKOOL?

Each check returns a result with a fix; nothing here prints. Probes only read: the billable
create endpoint is never called.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from akool_cli import __version__
from akool_cli.core import contract, kinds
from akool_cli.core.errors import AkoolError, UnavailableError

if TYPE_CHECKING:
    from akool_cli.net.session import Session
    from akool_cli.store.credentials import Credential, KeyringStore


PROBE_ID = "000000000000000000000000"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    skipped: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _writable_dir(path: Path) -> tuple[bool, str]:
    probe = path
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return False, f"{probe} is not a directory"
    if not os.access(probe, os.W_OK | os.X_OK):
        return False, f"{probe} is not writable"
    state = "exists" if path.exists() else f"will be created under {probe}"
    return True, f"{path} ({state}, writable)"


def run_checks(session: Session, on_check: Callable[[Check], None] | None = None) -> list[Check]:
    """Every check, in order; `on_check` is told of each as soon as it is done (a slow server
    must not hide the local checks: break17h H4)."""
    checks: list[Check] = []
    for check in each_check(session):
        checks.append(check)
        if on_check is not None:
            on_check(check)
    return checks


def each_check(session: Session) -> Iterator[Check]:
    """The checks, each as it is done: this machine's, the credential's, then AKOOL's answers
    (stopping at the first of these that cannot go on)."""
    yield Check("version", True, f"akool {__version__}")
    yield Check(
        "python",
        sys.version_info >= (3, 10),
        f"Python {sys.version.split()[0]} at {sys.executable}",
        "install Python 3.10 or newer",
    )
    paths = session.paths
    for label, folder in (
        ("config directory", paths.config_dir),
        ("data directory", paths.data_dir),
    ):
        ok, detail = _writable_dir(folder)
        yield Check(label, ok, detail, "set AKOOL_HOME to a writable directory")

    from akool_cli.store.credentials import from_environment

    env_credential: Credential | None = None
    try:
        env_credential = from_environment(session.env)
    except AkoolError as exc:
        yield Check("credential", False, exc.message, exc.hint or "")
        return
    yield _keyring_check(session, needed=env_credential is None)

    credential: Credential | None = None
    try:
        found = session.credential()
    except AkoolError as exc:
        yield Check("credential", False, exc.message, exc.hint or "run: akool login")
    else:
        credential = found
        where = "the keyring" if found.source == "keyring" else f"${found.source}"
        yield Check("credential", True, f"{found.masked()} from {where}")

    try:
        base_url = session.base_url()
    except AkoolError as exc:
        yield Check("base URL", False, exc.message, exc.hint or "")
        return
    reach = _reach_check(base_url)
    yield reach
    if credential is not None and reach.ok:
        yield from _server_checks(session, credential, base_url)


def _server_checks(session: Session, credential: Credential, base_url: str) -> Iterator[Check]:
    """AKOOL's answers: the credential, the balance, the contract probes. Each request is tried
    once (a diagnostic says what happened, not what five tries hid), so a server that never
    completes an answer fails its check at the exchange's deadline (90 s), and the probes
    after one AKOOL did not answer are not sent (each would wait as long)."""
    from akool_cli.net.retry import RetryPolicy

    with session.connect(credential=credential) as client:
        client.retry = RetryPolicy(attempts=1)
        try:
            balance = client.credit()
        except AkoolError as exc:
            yield Check("credential valid", False, exc.message, exc.hint or "")
            return
        yield Check("credential valid", True, f"AKOOL accepted it at {base_url}")
        yield Check(
            "credit balance",
            balance > 0,
            f"{balance:g} credits",
            "top up at akool.com before creating videos",
        )
        yield from _contract_probes(client, credential)


def _keyring_check(session: Session, *, needed: bool) -> Check:
    store = session.store()
    try:
        backend = store.backend_name()
        stored = store.load(session.profile)
        plaintext = store.plaintext()
    except AkoolError as exc:
        if not needed:
            return Check(
                "keyring",
                True,
                f"not usable ({exc.message}); not needed, the credential comes from the environment",
                skipped=True,
            )
        return Check("keyring", False, exc.message, exc.hint or "")
    if plaintext is not None:
        return _plaintext_check(store, backend, plaintext, used=needed or stored is not None)
    return Check("keyring", True, f"{backend} answered within {store.timeout:g} s")


def _plaintext_check(store: KeyringStore, backend: str, where: str, *, used: bool) -> Check:
    """A backend that keeps secrets in a plaintext file fails the check, unless the user opted
    in or nothing of akool's is (or would be) kept there."""
    from akool_cli.store.credentials import PLAINTEXT_HINT, PLAINTEXT_OPT_IN

    detail = f"{backend} keeps secrets unencrypted in {where}"
    if store.allow_plaintext:
        return Check("keyring", True, f"{detail} (allowed by {PLAINTEXT_OPT_IN})")
    if not used:
        return Check("keyring", True, f"{detail}; not used", skipped=True)
    return Check("keyring", False, detail, PLAINTEXT_HINT)


def _reach_check(base_url: str) -> Check:
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=5):
            pass
    except OSError as exc:
        return Check(
            "network",
            False,
            f"cannot connect to {host}:{port} ({exc.strerror or exc})",
            "check the network, a proxy (HTTPS_PROXY), or the base URL",
        )
    return Check("network", True, f"{host}:{port} accepts connections")


def _probes(client: Any) -> list[tuple[str, Callable[[], Any]]]:
    """The reads of the contract checks: the detail endpoint of every job kind (asked for a job
    that does not exist), and the voice list."""
    probes: list[tuple[str, Callable[[], Any]]] = []
    status_calls = {kind.status.endpoint.key: kind.status for kind in kinds.KINDS.values()}
    for call in status_calls.values():
        query, params, body = call.where([PROBE_ID])
        path = call.endpoint.path
        for name, value in params.items():
            path = path.replace("{" + name + "}", value)
        method = call.endpoint.method
        probes.append(
            (
                f"{method} {call.endpoint.path}",
                partial(client.raw_call, method, path, query=query or None, body=body or None),
            )
        )
    voices = {"type": "2", "size": "1"}
    probes.append(
        (
            f"GET {contract.VOICE_LIST.path}",
            partial(client.raw_call, "GET", contract.VOICE_LIST.path, query=voices),
        )
    )
    return probes


def _contract_probes(client: Any, credential: Credential) -> Iterator[Check]:
    """Each endpoint akool uses answers with the documented envelope (reads only)."""
    yield Check(
        f"contract: GET {contract.CREDIT.path}", True, "answers {code: 1000, msg, data.credit}"
    )
    if credential.kind == "client":
        yield Check(
            f"contract: POST {contract.GET_TOKEN.path}", True, "answers {code: 1000, token}"
        )
    silent = ""  # the probe AKOOL did not answer: the rest are not sent
    for name, probe in _probes(client):
        if silent:
            yield Check(f"contract: {name}", True, f"not probed: {silent}", skipped=True)
            continue
        try:
            payload = probe()
        except AkoolError as exc:
            yield Check(f"contract: {name}", False, exc.message, exc.hint or "")
            if isinstance(exc, UnavailableError):
                silent = f"AKOOL did not answer {name}"
            continue
        ok = isinstance(payload, dict) and isinstance(payload.get("code"), int) and "msg" in payload
        code = payload.get("code") if isinstance(payload, dict) else None
        yield Check(
            f"contract: {name}",
            ok,
            f"answers the documented envelope (code {code})"
            if ok
            else "not the documented envelope",
            "check the base URL: something other than AKOOL answers there",
        )
    for kind in kinds.KINDS.values():
        yield Check(
            f"contract: POST {kind.create.path}",
            True,
            f"not probed: creating a {kind.noun} job is billed",
            skipped=True,
        )

"""The sandbox's webhook sender: signed, encrypted callbacks on each state change, retried until
the receiver answers 200 (only to addresses on this machine)."""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from akool_cli.core import callbacks, kinds
from akool_cli.core.urls import is_loopback_host
from akool_cli.sandbox.state import SandboxState

TICK = 0.05
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0)  # real seconds between tries; then it gives up


@dataclass
class Delivery:
    job_id: str
    status: int
    url: str
    tries: int = 0
    next_try: float = 0.0


class Notifier:
    def __init__(self, state: SandboxState, base_url: str) -> None:
        self.state = state
        self.base_url = base_url
        self.pending: list[Delivery] = []
        self.last_status: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-webhooks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(TICK):
            self._notice_changes()
            self._deliver_due()

    def _notice_changes(self) -> None:
        for job in list(self.state.jobs.values()):
            hook = job.request.get(kinds.get(job.kind).webhook_field)
            if not hook:
                continue
            status = self.state.status(job)
            if status >= 2 and status != self.last_status.get(job.id):
                self.last_status[job.id] = status
                self.pending.append(Delivery(job.id, status, str(hook)))

    def _deliver_due(self) -> None:
        now = time.monotonic()
        for delivery in list(self.pending):
            if delivery.next_try > now:
                continue
            answer = self._post(delivery)
            delivery.tries += 1
            self.state.record_callback(delivery.job_id, delivery.status, answer)
            if answer == 200 or delivery.tries > len(RETRY_DELAYS):
                self.pending.remove(delivery)
            else:
                delivery.next_try = now + RETRY_DELAYS[delivery.tries - 1]

    def _post(self, delivery: Delivery) -> int:
        address = loopback_address(delivery.url)
        if address is None:
            return -1  # the sandbox only calls this machine
        job = self.state.jobs[delivery.job_id]
        kind = kinds.get(job.kind)
        # The documented `type` of the kind's callbacks; for products whose type the docs do
        # not give, the kind's name (akool goes by the job id, never by the type).
        payload = {
            "_id": delivery.job_id,
            "status": delivery.status,
            "type": kind.webhook_type or kind.name,
        }
        if delivery.status == 3 and kind.makes == "file":  # an asset or a text has no file
            payload["url"] = f"{self.base_url}/_sandbox/files/{delivery.job_id}{kind.suffix}"
        config = self.state.config
        body = callbacks.seal(
            payload,
            config.client_id,
            config.client_secret,
            timestamp=int(self.state.clock.time() * 1000),
            nonce=str(self.state.next_nonce()),
        )
        return _send(delivery.url, address, json.dumps(body).encode())


def loopback_address(url: str) -> str | None:
    """The loopback address to call for url, or None when it may lead off this machine.

    Only IP literals and the name localhost: any other name (127.attacker.example) is never
    looked up, and localhost counts only if every address it resolves to is a loopback one."""
    parts = urlsplit(url)
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not is_loopback_host(host):
        return None
    if host.lower() != "localhost":
        return host  # a loopback IP literal
    try:
        found = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except OSError:
        return None
    addresses = {ipaddress.ip_address(info[4][0]) for info in found}
    if not addresses or not all(a.is_loopback for a in addresses):
        return None
    return str(min(addresses, key=lambda a: a.version))


def _send(url: str, address: str, body: bytes) -> int:
    """POST body to the checked address (never a fresh lookup); a redirect is an answer, not
    followed. Returns the HTTP status, or 0 when nothing answered."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname or address, parts.port, timeout=5)
    else:
        connection = http.client.HTTPConnection(address, parts.port, timeout=5)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/json", "Host": parts.netloc},
        )
        return int(connection.getresponse().status)
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()

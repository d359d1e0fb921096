"""Checks what akool really sent to the sandbox against the contract: path, method, auth, fields."""

from __future__ import annotations

import json
from collections.abc import Iterable

from akool_cli.core import catalogue, contract
from akool_cli.sandbox.server import AUDIO_PREFIXES, FILES_PREFIX, STATS_PATH
from akool_cli.sandbox.state import ReceivedRequest


def check_received(requests: Iterable[ReceivedRequest]) -> list[str]:
    """Problems with the requests akool sent (others, e.g. a test's raw httpx calls, are skipped)."""
    problems: list[str] = []
    for request in requests:
        if not request.headers.get("user-agent", "").startswith("akool-cli/"):
            continue
        if request.path.startswith((FILES_PREFIX, *AUDIO_PREFIXES)) or request.path == STATS_PATH:
            continue  # result files (videos, speech) are plain downloads, not API calls
        where = f"{request.method} {request.path}"
        documented = catalogue.load().find(request.method, request.path)
        if documented is None:
            problems.append(f"{where}: not a documented endpoint")
            continue
        problems += [f"{where}: {p}" for p in _auth_problems(request, documented.auth != "none")]
        endpoint = contract.find_endpoint(request.method, request.path)
        if endpoint is None:
            continue  # documented, but not one the client calls (e.g. `akool api`): no field list
        if endpoint.method == "POST":
            if request.headers.get("content-type") != "application/json":
                problems.append(f"{where}: body is not sent as application/json")
            try:
                fields = json.loads(request.body)
            except ValueError:
                problems.append(f"{where}: body is not JSON")
                continue
        else:
            if request.body:
                problems.append(f"{where}: a GET with a body")
            fields = {k: v[-1] for k, v in request.query.items()}
        problems += [f"{where}: {p}" for p in contract.request_problems(endpoint, fields)]
    return problems


def _auth_problems(request: ReceivedRequest, needs_auth: bool) -> list[str]:
    has_key = "x-api-key" in request.headers
    has_bearer = "authorization" in request.headers
    problems = []
    if has_key and has_bearer:
        problems.append("both x-api-key and Authorization sent")
    if needs_auth and not (has_key or has_bearer):
        problems.append("no auth header")
    if not needs_auth and (has_key or has_bearer):
        problems.append("an auth header on an endpoint that takes none")
    if has_bearer and not request.headers["authorization"].startswith("Bearer "):
        problems.append("Authorization is not a Bearer token")
    return problems

"""The library's webhook receiver on a free port, started for a test: the events' types it saw."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest


@contextmanager
def receiving(
    outdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str] | None = None,
    rejected: list[str] | None = None,
    ids: list[str] | None = None,
) -> Iterator[tuple[Any, list[str]]]:
    """(the started receiver, the `type` of each callback it accepted), saving results in outdir;
    it accepts the sandbox's signed callbacks (AKOOL_CLIENT_ID is the sandbox's). Its warnings
    go to `warnings`, why it refused a request to `rejected`, and each accepted job's id to
    `ids`, when given."""
    import akool_cli
    from akool_cli.sandbox.state import SANDBOX_CLIENT_ID

    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    outdir.mkdir(parents=True, exist_ok=True)
    types: list[str] = []

    def accepted(event: Any) -> None:
        types.append(event.type)
        if ids is not None:
            ids.append(event.id)

    with akool_cli.Client() as client:
        server = client.webhook_receiver(
            host="127.0.0.1",
            port=0,
            path="/akool/webhook",
            download_dir=outdir,
            on_event=accepted,
            on_reject=lambda a, why: None if rejected is None else rejected.append(why),
            on_warning=(warnings.append if warnings is not None else lambda message: None),
        )
    server.start()
    try:
        yield server, types
    finally:
        server.stop()

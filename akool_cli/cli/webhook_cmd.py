"""The `akool webhook` commands: receive AKOOL's callbacks, or decrypt one for debugging."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from akool_cli.cli import options
from akool_cli.core import interrupts
from akool_cli.core.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Handled

webhook_app = typer.Typer(help="Receive or check AKOOL's webhook callbacks.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(webhook_app, name="webhook")
    webhook_app.command("serve")(serve)
    webhook_app.command("verify")(verify)


def verify(
    ctx: typer.Context,
    client_id: str | None = typer.Option(None, "--client-id", metavar="ID", help="Your clientId."),
) -> None:
    """Check and decrypt one callback body read on stdin; print the decrypted JSON.

    Example: akool webhook verify < callback.json
    """
    from akool_cli.client import CALLBACK_MAX_BYTES
    from akool_cli.core.bounded import read_at_most

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=True)
    with runtime.library() as lib:
        keys = lib.webhook_keys(client_id)
        # The receiver's own limit: a callback is a few hundred bytes.
        what, hint = "the callback body on standard input", "pipe one callback's JSON body"
        if hasattr(sys.stdin, "buffer"):
            body = read_at_most(sys.stdin.buffer, CALLBACK_MAX_BYTES, what, hint)
        else:
            body = read_at_most(sys.stdin, CALLBACK_MAX_BYTES, what, hint).encode()
        event = lib.open_callback(body, keys)
    out.json(event)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0 picks a free one)."),
    path: str = typer.Option("/akool/webhook", "--path", help="URL path AKOOL posts to."),
    client_id: str | None = typer.Option(None, "--client-id", metavar="ID", help="Your clientId."),
    output: Path | None = options.OUTPUT_DIR,
    download_alias: Path | None = typer.Option(None, "--download", metavar="DIR", hidden=True),
    json_out: bool = typer.Option(False, "--json", help="One JSON object per line per event."),
) -> None:
    """Receive AKOOL's callbacks: verify, decrypt, answer 200, record and print each event.

    Pass its URL to talk: akool talk IMAGE AUDIO --webhook-url https://your.host/akool/webhook
    """
    runtime: Runtime = ctx.obj
    out = runtime.output()
    download = output or download_alias  # --download: the spelling older versions used
    if not path.startswith("/"):
        raise UsageError(f"--path {path!r} must start with /", hint="e.g. --path /akool/webhook")
    stopping = threading.Event()  # ends a download in progress when the receiver stops
    with runtime.library() as lib:
        receiver = lib.webhook_receiver(
            cancel=stopping,
            host=host,
            port=port,
            path=path,
            client_id=client_id,
            download_dir=download,
            on_event=_printer(out, json_out),
            on_reject=lambda addr, why: out.warn(f"rejected a request from {addr}: {why}"),
            on_warning=out.warn,
        )
    try:
        receiver.start()
        out.info(f"Listening for AKOOL callbacks on {receiver.url} (Ctrl-C to stop)")
        # Set by any stop signal, also one that arrived while it was only recorded (break17k K8).
        interrupts.stop_event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        receiver.stop()
        out.info("stopped")
    raise typer.Exit(int(ExitCode.INTERRUPTED))  # 130, 143, 129 as README's table says


def _printer(out: Output, json_out: bool) -> Callable[[Handled], None]:
    """One line (or JSON object) per handled event."""

    def emit(event: Handled) -> None:
        if json_out:
            out.data(json.dumps(event.as_dict()))
        else:
            out.data(
                " ".join(
                    x for x in (event.id, event.state, event.downloaded_path or event.url) if x
                )
            )

    return emit

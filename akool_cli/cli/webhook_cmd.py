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
from akool_cli.core.errors import AuthError, NotGenuineError, UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.core.callbacks import Callback

webhook_app = typer.Typer(help="Receive or check AKOOL's webhook callbacks.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(webhook_app, name="webhook")
    webhook_app.command("serve")(serve)
    webhook_app.command("verify")(verify)


def _keys(runtime: Runtime, client_id: str | None) -> tuple[str, str]:
    """The clientId and clientSecret that sign and encrypt callbacks (the API key is the secret)."""
    credential = runtime.credential()
    secret = credential.client_secret or credential.api_key
    cid = (client_id or credential.client_id or runtime.env.get("AKOOL_CLIENT_ID", "")).strip()
    if not cid:  # a local sandbox tells its clientId in its ready file
        from akool_cli.cli.sandbox_cmd import sandbox_client_id

        cid = sandbox_client_id(runtime)
    if not cid:
        raise AuthError(
            "decrypting callbacks needs your clientId",
            hint="pass --client-id (akool.com → API Credentials) or set AKOOL_CLIENT_ID",
        )
    return cid, secret


def verify(
    ctx: typer.Context,
    client_id: str | None = typer.Option(None, "--client-id", metavar="ID", help="Your clientId."),
) -> None:
    """Check and decrypt one callback body read on stdin; print the decrypted JSON.

    Example: akool webhook verify < callback.json
    """
    from akool_cli.core.callbacks import CallbackError, open_callback

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=True)
    cid, secret = _keys(runtime, client_id)
    from akool_cli.cli.bounded import read_at_most
    from akool_cli.webhooks.receiver import MAX_BODY

    # The receiver's own limit: a callback is a few hundred bytes.
    what, hint = "the callback body on standard input", "pipe one callback's JSON body"
    if hasattr(sys.stdin, "buffer"):
        body = read_at_most(sys.stdin.buffer, MAX_BODY, what, hint)
    else:
        body = read_at_most(sys.stdin, MAX_BODY, what, hint).encode()
    try:
        event = open_callback(body, cid, secret)
    except CallbackError as exc:
        raise NotGenuineError(
            f"not a genuine AKOOL callback: {exc}",
            hint="if it did come from AKOOL, check --client-id (or AKOOL_CLIENT_ID) and the API "
            "key or client secret of the account whose job it reports",
        ) from None
    out.json(event.raw)


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
    from akool_cli.webhooks.receiver import WebhookReceiver

    runtime: Runtime = ctx.obj
    out = runtime.output()
    download = output or download_alias  # --download: the spelling older versions used
    if not path.startswith("/"):
        raise UsageError(f"--path {path!r} must start with /", hint="e.g. --path /akool/webhook")
    if download is not None:
        from akool_cli.jobs.download import check_target, make_directory

        check_target(download / "placeholder.mp4", force=True, make_parent=True)
        make_directory(download)
    cid, secret = _keys(runtime, client_id)
    stopping = threading.Event()  # ends a download in progress when the receiver stops
    handle = _event_handler(runtime, download, json_out, stopping)
    try:
        receiver = WebhookReceiver(
            host=host,
            port=port,
            path=path,
            client_id=cid,
            client_secret=secret,
            on_event=handle,
            on_reject=lambda addr, why: out.warn(f"rejected a request from {addr}: {why}"),
        )
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            hint="pick another --port (0 picks a free one), or stop what listens there",
        ) from None
    out.info(f"Listening for AKOOL callbacks on {receiver.url} (Ctrl-C to stop)")
    try:
        receiver.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        receiver.stop()
        out.info("stopped")


def _event_handler(
    runtime: Runtime,
    download: Path | None,
    json_out: bool,
    stopping: threading.Event | None = None,
) -> Callable[[Callback], None]:
    """The library's event recorder, printing one line (or JSON object) per handled event."""
    from akool_cli.webhooks.receiver import EventRecorder, Handled, download_into

    out = runtime.output()

    def emit(event: Handled) -> None:
        if json_out:
            out.data(json.dumps(event.as_dict()))
        else:
            out.data(
                " ".join(
                    x for x in (event.id, event.state, event.downloaded_path or event.url) if x
                )
            )

    return EventRecorder(
        runtime.paths.journal_file,
        download_dir=download,
        fetch=download_into(runtime.redactor, runtime.paths.journal_file, stopping),
        emit=emit,
        warn=out.warn,
    )

"""The `akool mcp` command: akool's jobs as tools for AI agents, over MCP on stdin/stdout."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from akool_cli.cli import inputs_cli
from akool_cli.cli.options import duration
from akool_cli.core.errors import UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime

INSTALL_HINT = (
    "pip install mcp (the mcp extra: pip install '.[mcp]' in a checkout, 'akool-cli[mcp]' from an "
    "index; or pipx inject akool-cli mcp)"
)


def register(app: typer.Typer) -> None:
    app.command()(mcp)


def mcp(
    ctx: typer.Context,
    folder: Path = typer.Option(
        Path("."),
        "--dir",
        metavar="DIR",
        help="The only folder the tools read (upload) and write (download) files in.",
    ),
    max_credits: float | None = typer.Option(
        None,
        "--max-credits",
        metavar="N",
        envvar="AKOOL_MCP_MAX_CREDITS",
        help="Start no job once the credits spent in this session plus the estimates of its "
        "unfinished jobs would pass N.",
    ),
    ceiling: float = typer.Option(
        50.0,
        "--wait-ceiling",
        metavar="DURATION",
        parser=duration("--wait-ceiling"),
        help="The longest one `wait` call takes, e.g. 50s.",
    ),
    poll: float = typer.Option(
        3.0,
        "--poll",
        metavar="DURATION",
        parser=duration("--poll"),
        help="Time between state requests in `wait`, e.g. 3s.",
    ),
    heartbeat: float = typer.Option(
        10.0,
        "--heartbeat",
        metavar="DURATION",
        parser=duration("--heartbeat"),
        help="Send a progress notification at least this often during a long call (e.g. 10s; "
        "at most 15s: clients give up on a silent call).",
    ),
    upload_to: str | None = typer.Option(
        None,
        "--upload-to",
        metavar="s3://BUCKET/PREFIX/",
        help="Where `upload` puts local files (default: the upload-to setting).",
    ),
) -> None:
    """Serve akool's jobs to AI agents over MCP (stdio): a create tool per product, wait (with
    progress), status, download (under --dir only), upload, credit and history. Create tools
    spend credits; a retried call never makes a second job. Configuration: docs/mcp.md.
    """
    runtime: Runtime = ctx.obj
    if max_credits is not None and not (math.isfinite(max_credits) and max_credits >= 0):
        raise UsageError(
            f"--max-credits (or AKOOL_MCP_MAX_CREDITS) {max_credits} is not a number of credits",
            hint="e.g. --max-credits 200",
        )
    if not folder.is_dir():
        raise UsageError(f"--dir {folder} is not a folder", hint="create it, or name another one")
    inputs_cli.check_upload_to(upload_to)  # at start, naming the flag: not at the first upload
    try:
        from akool_cli.mcpserver.server import serve
    except ImportError as exc:
        raise UsageError(f"akool mcp needs the mcp package ({exc})", hint=INSTALL_HINT) from None
    from akool_cli.cli.ledger_cmd import lost_run
    from akool_cli.mcpserver.tools import Session, Settings

    settings = Settings(
        folder.absolute(), max_credits, ceiling, min(poll, ceiling), upload_to, heartbeat
    )
    with runtime.library() as lib:
        session = Session(lib, settings)
        for run in session.start():
            runtime.output().warn(lost_run(run))
        try:
            serve(session)
        finally:
            note = session.close()
            if note:
                runtime.output().warn(note)

"""The `akool sandbox` command: run the local AKOOL-compatible server in the foreground."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from akool_cli.cli.options import duration
from akool_cli.core import interrupts
from akool_cli.core.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.sandbox import SandboxConfig


# The account's credits: what the ledger and budgets are tried with (docs/sandbox.md).
CREDIT = typer.Option(
    1234.5, "--credit", metavar="N", help="The balance before any job is charged."
)
PRICE = typer.Option(
    [],
    "--price",
    metavar="KIND=N",
    help="Credits a finished job of KIND is charged (repeatable), e.g. talking_photo=10; "
    "defaults: talking_photo 10, lipsync 20, image2video 20, text2video 20.",
)


def register(app: typer.Typer) -> None:
    app.command()(sandbox)


# Durations, read with the one grammar (90, 30s, 2m) like every other duration option.
PROCESSING = typer.Option(
    4.0,
    "--processing-seconds",
    metavar="DURATION",
    parser=duration("--processing-seconds"),
    help="How long each job takes, e.g. 4 or 2m.",
)
LATENCY = typer.Option(
    0.0,
    "--latency",
    metavar="DURATION",
    parser=duration("--latency"),
    help="Delay every API answer, e.g. 0.2 or 1s.",
)


def sandbox(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port (0 picks a free one)."),
    processing_seconds: float = PROCESSING,
    time_scale: float = typer.Option(
        1.0, "--time-scale", metavar="X", help="Run the sandbox clock X times faster."
    ),
    video_bytes: int = typer.Option(
        0, "--video-bytes", metavar="N", help="Pad each result video by N bytes."
    ),
    latency: float = LATENCY,
    file_rate: float = typer.Option(
        0.0, "--file-rate", metavar="BYTES/S", help="Pace result files (125e6: a 1 Gbit/s link)."
    ),
    fault: str = typer.Option(
        "",
        "--fault",
        metavar="SPEC",
        help="Inject faults, e.g. 500=0.1,429=0.05,drop=0.05,slow=0.05,truncate=0.1,"
        "malformed=0.02,html=0.02.",
    ),
    seed: int = typer.Option(0, "--seed", help="Seed for the fault dice (reproducible runs)."),
    expire_token_after: int | None = typer.Option(
        None, "--expire-token-after", metavar="N", help="Bearer tokens stop working after N uses."
    ),
    ready_file: Path | None = typer.Option(
        None, "--ready-file", metavar="PATH", help="Write {base_url, ...} as JSON once listening."
    ),
    credit: float = CREDIT,
    price: list[str] = PRICE,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each request on stderr."),
    fetch_inputs: bool = typer.Option(
        False,
        "--fetch-inputs",
        help="GET each job's image and audio URL like AKOOL (addresses on this machine only, "
        "at most 50 MB, no redirects to other hosts); a job whose input cannot be fetched or "
        "is not an image/audio by its first bytes fails (state 4) with the reason.",
    ),
) -> None:
    """Run a local AKOOL-compatible server for trying akool (or your own scripts) for free.

    Answers the documented endpoints with the documented envelope and codes; image URLs
    containing 'fail' make jobs fail. Face detection finds one face, none when the image URL
    contains 'noface', two for 'twofaces', three for 'manyfaces', nine for 'crowd'; a face swap
    or reage of more than 8 people gets code 1007 ('latecrowd': a video whose later frames hold
    them). Stop it with Ctrl-C.
    """
    from akool_cli.sandbox import SandboxConfig
    from akool_cli.sandbox.server import parse_faults

    _check_numbers(
        host, min(processing_seconds, video_bytes, latency, file_rate, credit), time_scale
    )
    try:
        faults = parse_faults(fault)
    except ValueError as exc:
        raise UsageError(
            f"--fault: {exc}", hint="see the faults in docs/sandbox.md, e.g. --fault 500,500"
        ) from None
    config = SandboxConfig.from_env(
        host=host,
        port=port,
        processing_seconds=processing_seconds,
        time_scale=time_scale,
        video_bytes=video_bytes,
        latency=latency,
        file_bytes_per_second=file_rate or None,
        faults=faults,
        seed=seed,
        expire_token_after=expire_token_after,
        quiet=not verbose,
        fetch_inputs=fetch_inputs,
        credit=credit,
    )
    config.prices.update(_prices(price))
    _serve(config, ready_file, ctx.obj)


def _check_numbers(host: str, smallest: float, time_scale: float) -> None:
    from akool_cli.core.urls import is_loopback_host

    if not is_loopback_host(host) and host not in ("0.0.0.0", "::"):
        raise UsageError(
            f"--host {host!r} is not an address of this machine",
            hint="use 127.0.0.1 (the default), or 0.0.0.0 to listen on every interface",
        )
    if smallest < 0 or time_scale <= 0:
        raise UsageError(
            "--processing-seconds, --video-bytes, --latency, --file-rate and --credit must not "
            "be negative (and --time-scale must be more than zero)",
            hint="e.g. akool sandbox --processing-seconds 4 --time-scale 10",
        )


def _prices(specs: list[str]) -> dict[str, float]:
    """--price talking_photo=10 --price lipsync=25 → {kind: credits}, kinds checked."""
    from akool_cli.core import kinds

    prices: dict[str, float] = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        kind = kinds.by_command(name)
        try:
            credits = float(value)
        except ValueError:
            credits = -1.0
        if kind is None or credits < 0:
            known = ", ".join(sorted(kinds.KINDS))
            raise UsageError(
                f"--price {spec!r} is not KIND=CREDITS",
                hint=f"e.g. talking_photo=10; kinds: {known}",
            )
        prices[kind.name] = credits
    return prices


def _serve(config: SandboxConfig, ready_file: Path | None, runtime: Runtime) -> None:
    """Start the sandbox, announce it, write its ready files, and serve until Ctrl-C or
    SIGTERM."""
    from akool_cli.sandbox import start_sandbox

    try:
        server = start_sandbox(config, background=False)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}",
            hint="choose another port, e.g. --port 0 for a free one",
        ) from None
    info = {
        "base_url": server.base_url,
        "api_key": config.api_key,
        "client_id": config.client_id,
        "client_secret": config.client_secret,
        "pid": os.getpid(),
    }
    sys.stdout.write(
        f"AKOOL sandbox listening on {server.base_url}\n"
        "These sandbox credentials only work here; point akool or your scripts at it with:\n"
        f"  export AKOOL_BASE_URL={server.base_url}\n"
        f"  export AKOOL_API_KEY={config.api_key}\n"
        f"  export AKOOL_CLIENT_ID={config.client_id}  # signs and encrypts webhook callbacks\n"
        f"  # legacy method, instead of the API key: AKOOL_CLIENT_SECRET={config.client_secret}\n"
        "Press Ctrl-C to stop.\n"
    )
    sys.stdout.flush()
    with runtime.library() as lib:
        try:
            written = lib.sandbox_ready(info, ready_file)
        except UsageError:
            server.server.server_close()
            raise

    try:
        serving = threading.Thread(target=server.serve_forever, daemon=True)
        serving.start()
        # Set by any stop signal, also one that arrived while it was only recorded (break17k K8).
        interrupts.stop_event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for path in written:
            path.unlink(missing_ok=True)
        sys.stderr.write("sandbox stopped\n")
    raise typer.Exit(int(ExitCode.INTERRUPTED))  # 130, 143, 129 as README's table says

"""The options and glue `talk` and `batch` share for local files and checks before billing.

The work is in akool_cli/preflight.py; this module reads the options (and AKOOL_UPLOAD_TO,
AKOOL_NO_CHECK, the saved upload-to), and turns the library's events into lines and bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.api import AkoolClient
    from akool_cli.journal import Journal
    from akool_cli.output import Output
    from akool_cli.preflight import Input, Plan, Settings
    from akool_cli.runtime import Runtime

UPLOAD_TO = typer.Option(
    None,
    "--upload-to",
    metavar="S3_URL",
    help="Upload local input files to this bucket (s3://BUCKET/PREFIX/) and send AKOOL "
    "presigned URLs. Credentials, region and endpoint come from the standard AWS chain "
    "(AWS_PROFILE, ~/.aws/config, AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL for R2/MinIO/B2/GCS) "
    "[env: AKOOL_UPLOAD_TO; saved: akool config set upload-to].",
)
URL_TTL = typer.Option(
    "24h",
    "--url-ttl",
    metavar="DURATION",
    help="How long presigned URLs of uploaded files work (e.g. 90m, 24h, 7d; at most 7d).",
)
NO_CHECK = typer.Option(
    False,
    "--no-check",
    help="Skip the checks before billing: each input URL is otherwise fetched (HEAD or a "
    "small range GET) and refused on 4xx/5xx, an HTML page or a type that is not image/audio "
    "[env: AKOOL_NO_CHECK=1].",
)
CHECK_FACE = typer.Option(
    False,
    "--check-face",
    help="Also ask AKOOL's face detection whether the portrait shows a face (refused when "
    "none, a warning when several). AKOOL does not document its price.",
)


@dataclass
class InputOptions:
    upload_to: str | None
    url_ttl: str
    no_check: bool
    check_face: bool


def plan(
    runtime: Runtime, inputs: Sequence[Input], options: InputOptions, base_dir: Path | None = None
) -> tuple[Plan, Settings]:
    """Every problem of the inputs that needs no network (all at once), and the settings."""
    from akool_cli.config import resolve_upload_to
    from akool_cli.preflight import Settings, plan_inputs
    from akool_cli.upload import parse_target, parse_ttl

    chosen = resolve_upload_to(options.upload_to, runtime.env, runtime.paths, runtime.profile)
    target = parse_target(*chosen) if chosen else None
    ttl = parse_ttl(options.url_ttl)
    no_check = options.no_check or runtime.env.get("AKOOL_NO_CHECK", "") not in ("", "0")
    found = plan_inputs(inputs, target=target, base_dir=base_dir)
    settings = Settings(
        target=target,
        ttl=ttl,
        check=not no_check,
        check_face=options.check_face and not no_check,
        base_url=runtime.base_url(),
    )
    return found, settings


def prepare(
    out: Output,
    found: Plan,
    settings: Settings,
    *,
    journal: Journal,
    client: AkoolClient | None,
) -> dict[str, str]:
    """Upload and check, showing progress on stderr; value as typed → URL to send."""
    from akool_cli.output import UploadDisplay
    from akool_cli.preflight import Events, prepare_inputs

    with UploadDisplay(out) as display:
        events = Events(
            warn=out.warn,
            info=out.info,
            upload_started=display.started,
            upload_bytes=display.advance,
            upload_done=display.done,
        )
        return prepare_inputs(found, settings, journal=journal, client=client, events=events)

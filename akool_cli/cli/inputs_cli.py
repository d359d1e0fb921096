"""The options `talk` and `batch` share for local files and checks before billing, and the
drawing of the library's upload events as lines and bars (the work is Client.prepare_inputs)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.cli.output import Output, UploadDisplay

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


@contextmanager
def upload_display(out: Output) -> Iterator[UploadDisplay]:
    """Bars for the uploads of local files and the checks of input URLs on a terminal, lines
    otherwise (closed on leaving, or earlier by the library's `prepared` event)."""
    from akool_cli.cli.output import UploadDisplay

    with UploadDisplay(out) as display:
        yield display


def upload_events(out: Output, display: UploadDisplay) -> dict[str, Callable[..., None]]:
    """The library's input events (akool_cli.client.Events) as lines and bars on stderr."""
    return {
        "warn": out.warn,
        "info": out.info,
        "upload_started": display.started,
        "upload_bytes": display.advance,
        "upload_done": display.done,
        "checked": display.checked,
    }


def show_uploads(out: Output, files: list[dict[str, object]]) -> None:
    """--dry-run: the files the valid rows would upload, with their sizes (on stderr)."""
    from akool_cli.cli.output import human_size

    for entry in files:
        size = entry["size"]
        out.info(
            f"{entry['action']}: {entry['path']} "
            f"({human_size(size if isinstance(size, int) else None)})"
        )


def check_upload_to(upload_to: str | None) -> None:
    """--upload-to checked as typed, before the library reads it (whose errors name its
    parameter, upload_to=): a bucket URL with a password is refused naming the flag."""
    from akool_cli.core.s3target import parse_target

    if upload_to is not None and upload_to.strip():
        parse_target(upload_to, "--upload-to")

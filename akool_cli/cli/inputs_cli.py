"""The options and glue `talk` and `batch` share for local files and checks before billing.

The work is in akool_cli/inputs/preflight.py; this module reads the options (and AKOOL_UPLOAD_TO,
AKOOL_NO_CHECK, the saved upload-to), and turns the library's events into lines and bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.inputs.preflight import Input, Plan, Settings
    from akool_cli.jobs.batch import Item, Problem
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.credentials import Credential
    from akool_cli.store.journal import Journal

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
    from akool_cli.inputs.preflight import Settings, checks_disabled, plan_inputs
    from akool_cli.inputs.upload import parse_target, parse_ttl
    from akool_cli.store.config import resolve_upload_to

    chosen = resolve_upload_to(options.upload_to, runtime.env, runtime.paths, runtime.profile)
    target = parse_target(*chosen) if chosen else None
    ttl = parse_ttl(options.url_ttl)
    no_check = options.no_check or checks_disabled(runtime.env)
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
    from akool_cli.cli.output import UploadDisplay
    from akool_cli.inputs.preflight import Events, prepare_inputs

    with UploadDisplay(out) as display:
        events = Events(
            warn=out.warn,
            info=out.info,
            upload_started=display.started,
            upload_bytes=display.advance,
            upload_done=display.done,
        )
        return prepare_inputs(found, settings, journal=journal, client=client, events=events)


def plan_batch(
    runtime: Runtime,
    items: list[Item],
    problems: list[Problem],
    options: InputOptions,
    base_dir: Path,
) -> tuple[list[Item], Plan, Settings]:
    """The batch's inputs planned (paths relative to base_dir); rows with problems dropped and
    their problems added to `problems` (with row numbers)."""
    from akool_cli.inputs.preflight import Input, raise_all, split_problems
    from akool_cli.jobs.batch import Problem

    # "the image", "the audio" for a talking photo's; the field's name for other kinds'.
    names = {"image_url": "the image", "audio_url": "the audio"}
    inputs = [
        Input(value, role, names.get(name, f"the {name}"), item.row)
        for item in items
        for name, (value, role) in item.media().items()
    ]
    found, settings = plan(runtime, inputs, options, base_dir=base_dir)
    by_row, general = split_problems(found.problems)
    raise_all(general)
    for row, messages in sorted(by_row.items()):
        problems += [Problem(row, message) for message in messages]
    return [i for i in items if i.row not in by_row], found, settings


def prepare_batch(
    runtime: Runtime,
    out: Output,
    items: list[Item],
    found: Plan,
    settings: Settings,
    credential: Credential,
) -> list[Item]:
    """Rows not created yet get their files uploaded and URLs checked (each distinct one once);
    rows an earlier run created are left alone, so resuming never uploads or checks again."""
    from akool_cli.jobs.batch_run import earlier_job
    from akool_cli.store.journal import Scope

    scope = Scope(runtime.base_url(), runtime.profile, credential.account())
    with runtime.client(credential) as client, runtime.journal() as journal:
        pending = [i for i in items if earlier_job(journal, i, scope) is None]
        values = {value for i in pending for value, _ in i.media().values()}
        sent = prepare(out, found.only(values), settings, journal=journal, client=client)
    return [i.with_urls(sent) for i in items]


def show_uploads(
    runtime: Runtime, out: Output, found: Plan, items: list[Item]
) -> list[dict[str, object]]:
    """--dry-run: the files the valid rows would upload, with their sizes (on stderr)."""
    from akool_cli.cli.output import human_size
    from akool_cli.inputs.preflight import upload_plan

    values = {value for i in items for value, _ in i.media().values()}
    with runtime.journal() as journal:
        files = upload_plan(found.only(values), journal)
    for entry in files:
        size = entry["size"]
        out.info(
            f"{entry['action']}: {entry['path']} "
            f"({human_size(size if isinstance(size, int) else None)})"
        )
    return files

"""`akool moderate` (Jarvis Moderator: a verdict on text, an image, audio or a video) and
`akool delete` (results deleted where AKOOL documents how).

moderate hands its fields to the one product flow (products_cmd.make) and waits by default: its
result is a text, printed (and in --json), with nothing to download.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

import typer

from akool_cli.cli import options
from akool_cli.cli.options import Common, common_options
from akool_cli.cli.products_cmd import make

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.core.mediatypes import Role


def register(app: typer.Typer) -> None:
    app.command()(moderate)
    app.command()(delete)


@common_options(without=("wait", "output", "force"))
def moderate(
    ctx: typer.Context,
    text: str | None = typer.Argument(
        None, metavar="TEXT", help="The text to check (- reads it from stdin)."
    ),
    url: str | None = typer.Option(
        None,
        "--url",
        metavar="URL",
        help="Check this image, video, audio or document instead (a URL, or a local file with "
        "--upload-to).",
    ),
    kind: str | None = typer.Option(
        None,
        "--type",
        metavar="image|video|audio|text",
        help="What --url is (default: from its suffix).",
    ),
    language: str | None = typer.Option(
        None, "--language", metavar="CODE", help="The content's language (ISO 639-1), e.g. en."
    ),
    look_for: str | None = typer.Option(
        None, "--look-for", metavar="TEXT", help="What to look for, in words (AKOOL's input)."
    ),
    no_wait: bool = typer.Option(
        False, "--no-wait", help="Only create the job (follow it later: akool watch ID)."
    ),
    *,
    common: Common,
) -> None:
    """Check TEXT (or --url URL) against a content policy (AKOOL Jarvis Moderator).

    Waits for the verdict and prints AKOOL's result (what it found, then "Result: Compliant" or
    "Non-Compliant"); --json has it under outputs (result, final_conclusion). Enterprise plans.

    Example: akool moderate "Text to check before it is published"
    """
    from akool_cli.core import media_products, products
    from akool_cli.core.errors import UsageError

    text = options.text_or_stdin(text, "TEXT", "akool moderate -")
    if (text is None) == (url is None):
        raise UsageError(
            "give TEXT or --url URL, not both" if text else "missing TEXT (or --url URL)",
            hint='e.g. akool moderate "some text", or akool moderate --url https://e.com/a.jpg',
        )
    what = kind or ("text" if text is not None else media_products.moderation_type(str(url)))
    if what not in media_products.MODERATION_TYPES:
        raise UsageError(
            f"cannot tell what {url!r} is" if kind is None else f"--type {kind!r} is not a type",
            hint="give --type image, video, audio or text",
        )
    # A file of this kind: checked (or uploaded with --upload-to) as one before billing.
    roles = {"content": cast("Role", what)} if url is not None and what != "text" else None
    fields = products.given(
        content=text if text is not None else url,
        type=media_products.MODERATION_TYPES[what],
        language=language,
        input=look_for,
    )
    common = replace(common, wait=not no_wait, roles=roles)  # it waits unless --no-wait
    make(ctx, media_products.MODERATION, fields, common)


def delete(
    ctx: typer.Context,
    job_ids: list[str] = typer.Argument(..., metavar="JOB_ID...", help="Jobs whose results go."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Delete jobs' results on AKOOL, where AKOOL documents how (face swap and reage results,
    image to video results, cloned voices). Irreversible.

    Prints each deleted id; exit 4 if AKOOL refused one, 2 if akool knows no documented delete for
    one (nothing is sent for those).
    """
    from akool_cli.core.errors import ExitCode

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        result = lib.delete(job_ids)
    if json_out:
        out.json({"deleted": result.deleted, "refused": result.refused})
    else:
        for job_id in result.deleted:
            out.data(job_id)
        for job_id, why in result.refused.items():
            out.error(f"{job_id}: not deleted: {why}")
    if result.refused:
        raise typer.Exit(int(ExitCode.REJECTED))

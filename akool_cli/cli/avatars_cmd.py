"""The `akool avatars` commands: `list` (AKOOL's avatars and yours) and `add` (an avatar made from
your video or image: an avatar_id kept on AKOOL, not a file).

`add` hands its fields to the one product flow (products_cmd.make).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from akool_cli.cli import inputs_cli, options
from akool_cli.cli.products_cmd import JSON_JOB, Common, make

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime

avatars_app = typer.Typer(
    help="List avatars, or add your own (AKOOL avatars).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(avatars_app, name="avatars")


@avatars_app.command("list")
def list_avatars(
    ctx: typer.Context,
    own: bool = typer.Option(False, "--own", help="Only yours (uploaded with avatars add)."),
    library: bool = typer.Option(False, "--library", help="Only AKOOL's."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List avatars: AKOOL's and yours (use an avatar_id with AKOOL's avatar products)."""
    from akool_cli.core.errors import UsageError

    if own and library:
        raise UsageError("give --own or --library, not both", hint="or neither, for all")
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        found = lib.avatars(source="own" if own else "library" if library else None)
    if json_out:
        out.json(found)
    elif runtime.quiet:
        for avatar in found:
            out.data(str(avatar.get("avatar_id", "")))
    elif found:
        rows = [
            [
                str(a.get("avatar_id", "")),
                str(a.get("name", "")),
                "yours" if a.get("from") == 3 else "AKOOL's",
            ]
            for a in found
        ]
        out.table(("AVATAR ID", "NAME", "FROM"), rows)
    else:
        out.info("No avatars; add one with: akool avatars add URL --name NAME")


@avatars_app.command()
def add(
    ctx: typer.Context,
    url: str = typer.Argument(
        ...,
        metavar="URL",
        help="A video of about a minute (the head turning a little) or an image; a URL, a "
        "YouTube / TikTok / X / Google Drive link, or a local file with --upload-to.",
    ),
    avatar_name: str = typer.Option(..., "--name", metavar="NAME", help="The avatar's name."),
    avatar_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id, letters and digits (made from the name)."
    ),
    streaming: bool = typer.Option(
        False, "--streaming", help="A streaming avatar (type 2) instead of a talking one."
    ),
    wait: bool = options.WAIT,
    interval: float = options.INTERVAL,
    timeout: str | None = options.TIMEOUT,
    json_out: bool = JSON_JOB,
    upload_to: str | None = inputs_cli.UPLOAD_TO,
    url_ttl: str = inputs_cli.URL_TTL,
    no_check: bool = inputs_cli.NO_CHECK,
) -> None:
    """Add an avatar made from URL (AKOOL avatar upload): an avatar_id, kept on AKOOL.

    With --wait, the avatar_id is printed once AKOOL has made it (a streaming avatar can be used
    only then). akool avatars list --own lists yours.

    Example: akool avatars add https://example.com/me.mp4 --name "Me at the desk" --wait
    """
    from akool_cli.core import products

    fields = products.given(
        url=url, name=avatar_name, avatar_id=avatar_id, type=2 if streaming else None
    )
    common = Common(
        None,
        wait,
        None,
        False,
        interval,
        timeout,
        avatar_name,
        json_out,
        upload_to,
        url_ttl,
        no_check,
    )
    make(ctx, products.PRODUCTS["avatar"], fields, common)

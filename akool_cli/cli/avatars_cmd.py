"""The avatar commands: `akool avatar` (a talking avatar video), `akool avatars list` (AKOOL's
avatars and yours) and `akool avatars add` (an avatar made from your video or image: an
avatar_id kept on AKOOL, not a file).

`avatar` and `add` hand their fields to the one product flow (products_cmd.make).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import typer

from akool_cli.cli import options
from akool_cli.cli.options import Common, common_options
from akool_cli.cli.products_cmd import OUTPUT, make

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime

avatars_app = typer.Typer(
    help="List avatars, or add your own (AKOOL avatars).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.command()(avatar)
    app.add_typer(avatars_app, name="avatars")


@common_options(OUTPUT)
def avatar(
    ctx: typer.Context,
    avatar_: str = typer.Argument(
        ...,
        metavar="AVATAR",
        help="An avatar_id from: akool avatars list; or your own avatar, an image (.png .jpg "
        ".jpeg .webp) or a video (.mp4 .mov .avi): a URL, or a local file with --upload-to.",
    ),
    audio: str | None = typer.Argument(
        None, metavar="[AUDIO]", help="The speech: a URL, or a local file with --upload-to."
    ),
    text: str | None = typer.Option(
        None,
        "--text",
        help="Or the text to speak (with --voice), instead of AUDIO (- reads it from stdin).",
    ),
    voice: str | None = typer.Option(
        None, "--voice", metavar="VOICE_ID", help="The voice that speaks --text (akool voices)."
    ),
    background: str | None = typer.Option(
        None,
        "--background",
        metavar="IMG|#RRGGBB",
        help="A background image (URL, or a file with --upload-to) or a colour.",
    ),
    avatar_from: int | None = typer.Option(
        None,
        "--from",
        metavar="2|3",
        help="2 AKOOL's avatar, 3 yours (default: looked up in the avatar list).",
    ),
    *,
    common: Common,
) -> None:
    """Make a talking avatar video: an avatar speaking a recording or a text, on a background
    (AKOOL talking avatar; 3840 x 2160).

    An avatar_id's origin (AKOOL's or yours) is looked up before anything is billed.

    Example: akool avatar SandboxAnna01 speech.mp3 --background "#1e90ff" -o out/
    """
    from akool_cli.core import products
    from akool_cli.core.talking_avatar import avatar_fields

    text = options.text_or_stdin(text, "--text", "akool avatar AVATAR --text - --voice VOICE")
    fields = avatar_fields(
        avatar_, audio, text=text, voice=voice, background=background, avatar_from=avatar_from
    )
    # The library looks an avatar_id's origin up (every value checked first).
    make(ctx, products.PRODUCTS["talking_avatar"], fields, common)


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
@common_options(without=("webhook_url", "output", "force", "name"))
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
    *,
    common: Common,
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
    common = replace(common, name=avatar_name)  # the avatar's name labels the job
    make(ctx, products.PRODUCTS["avatar"], fields, common)

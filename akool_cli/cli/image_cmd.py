"""The `akool image` commands: an image from a prompt (`akool image --prompt T`), and one image of a
generated set upscaled or varied (`akool image upscale ID U1`, `akool image variation ID V2`).

Each hands its fields to the one product flow (products_cmd.make). An upscale or variation is
checked before billing against its parent: it must be done, and AKOOL must offer that button.
"""

from __future__ import annotations

import typer

from akool_cli.cli.options import UPLOADS, Common, common_options
from akool_cli.cli.products_cmd import IMAGE_OUTPUT, make

# The group's help is image()'s docstring: the command it runs without a subcommand.
image_app = typer.Typer(invoke_without_command=True)
# Each button letter: its command, and the other letter with the command that takes it.
BUTTONS = {"U": ("upscale", ("V", "variation")), "V": ("variation", ("U", "upscale"))}
JOB_ID = typer.Argument(..., metavar="IMAGE_ID", help="The generated image's job id.")


def register(app: typer.Typer) -> None:
    app.add_typer(image_app, name="image")
    settings = {"allow_extra_args": True, "ignore_unknown_options": True}
    app.command("background-change", context_settings=settings)(background_change)


@image_app.callback()
@common_options(IMAGE_OUTPUT)
def image(
    ctx: typer.Context,
    prompt: str | None = typer.Option(None, "--prompt", help="The image to make."),
    scale: str | None = typer.Option(
        None,
        "--scale",
        metavar="RATIO",
        help="Aspect ratio: 1:1 (default), 4:3, 3:4, 16:9, 9:16, 3:2, 2:3.",
    ),
    source: str | None = typer.Option(
        None,
        "--from",
        metavar="IMAGE",
        help="Start from this image (a URL, or a local file with --upload-to).",
    ),
    *,
    common: Common,
) -> None:
    """Make an image from --prompt (AKOOL image generation; --from IMAGE: image to image), or
    upscale or vary one (akool image upscale ID U1, akool image variation ID V2).

    The result is saved as what it is (<id>.png, .jpg or .webp under -o DIR/). AKOOL then offers
    upscales (U1-U4) and variations (V1-V4) of it: akool image upscale ID U1.

    Example: akool image --prompt "a lighthouse at dawn" --scale 16:9 -o out/
    """
    from akool_cli.core import products
    from akool_cli.core.errors import UsageError

    if ctx.invoked_subcommand is not None:
        return
    if _nothing_given(ctx):
        typer.echo(ctx.get_help())  # `akool image` alone: its help, as any group alone
        raise typer.Exit(0)
    if prompt is None or not prompt.strip():
        raise UsageError(
            "missing --prompt", hint='e.g. akool image --prompt "a lighthouse at dawn"'
        )
    fields = products.given(prompt=prompt, scale=scale, source_image=source)
    make(ctx, products.PRODUCTS["image"], fields, common)


def _nothing_given(ctx: typer.Context) -> bool:
    """No option given on the command line (or from the environment): every value a default."""
    from typer._click.core import ParameterSource

    return all(
        ctx.get_parameter_source(name) in (ParameterSource.DEFAULT, None) for name in ctx.params
    )


def _button(ctx: typer.Context, image_id: str, button: str, letter: str, common: Common) -> None:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.core import products
    from akool_cli.core.errors import UsageError

    wanted = button.strip().upper()
    wanted = wanted if wanted.startswith(letter) else f"{letter}{wanted}"
    if wanted not in {f"{letter}{n}" for n in range(1, 5)}:
        command, other = BUTTONS[letter]
        given = button.strip().upper()
        hint = f"e.g. akool image {command} {image_id} {letter}1"
        if given in {f"{other[0]}{n}" for n in range(1, 5)}:
            hint = f"for {other[1]}: akool image {other[1]} {image_id} {given}"
        raise UsageError(
            f"{command} takes {letter}1-{letter}4 (or 1-4), not {button.strip()!r}", hint=hint
        )
    fields = {"_id": image_id, "button": wanted}
    products.PRODUCTS["image_button"].build(fields)  # a button AKOOL has, before asking it
    runtime: Runtime = ctx.obj
    with runtime.library() as lib:
        lib.check_image_button(image_id, wanted)  # done, and offering it: before billing
    make(ctx, products.PRODUCTS["image_button"], fields, common)


@image_app.command()
@common_options(IMAGE_OUTPUT, without=UPLOADS)
def upscale(
    ctx: typer.Context,
    image_id: str = JOB_ID,
    button: str = typer.Argument(
        ..., metavar="U1-U4", help="Which image of the set to upscale to 4K (U1-U4, or 1-4)."
    ),
    *,
    common: Common,
) -> None:
    """Upscale one image of a generated set to 4K (AKOOL's U1-U4 buttons).

    Example: akool image upscale IMAGE_ID U2 -o out/
    """
    _button(ctx, image_id, button, "U", common)


@image_app.command()
@common_options(IMAGE_OUTPUT, without=UPLOADS)
def variation(
    ctx: typer.Context,
    image_id: str = JOB_ID,
    button: str = typer.Argument(
        ..., metavar="V1-V4", help="Which image of the set to vary (V1-V4, or 1-4)."
    ),
    *,
    common: Common,
) -> None:
    """Make a variation of one image of a generated set (AKOOL's V1-V4 buttons).

    Example: akool image variation IMAGE_ID V1 -o out/
    """
    _button(ctx, image_id, button, "V", common)


def background_change(
    ctx: typer.Context,
    anything: list[str] | None = typer.Argument(None, metavar="...", hidden=True),
    json_out: bool = typer.Option(False, "--json", help="Print the error as one JSON object."),
) -> None:
    """AKOOL's background change: deprecated and no longer available (AKOOL's docs say so and
    name no replacement); akool says so instead of calling it."""
    from akool_cli.client import background_change_gone

    raise background_change_gone()

"""The `akool config` commands: read and change a profile's saved settings (e.g. upload-to)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime

config_app = typer.Typer(
    help="Read and change saved settings of the profile (base-url, upload-to).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")


@config_app.command("set")
def set_(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
    value: str = typer.Argument(..., metavar="VALUE", help="Its value, e.g. s3://bucket/akool/."),
) -> None:
    """Save a setting for the profile (--profile / AKOOL_PROFILE).

    Example: akool config set upload-to s3://my-bucket/akool-inputs/
    """
    runtime: Runtime = ctx.obj
    with runtime.library() as lib:
        cleaned = lib.set_setting(name, value)
    runtime.output().info(f"Saved {name} = {cleaned} for profile {lib.profile!r}")


@config_app.command("get")
def get(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
    json_out: bool = typer.Option(False, "--json", help="Print {name: value} (null if unset)."),
) -> None:
    """Print a setting's saved value (nothing when it is not set)."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        value = lib.setting(name)
    if json_out:
        out.json({name.strip().lower().replace("_", "-"): value or None})
    elif value:
        out.data(value)
    if not value:  # not an error: nothing on stdout says "not set" to a script
        out.info(f"{name} is not set for profile {lib.profile!r}")


@config_app.command("unset")
def unset(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
) -> None:
    """Remove a saved setting from the profile."""
    runtime: Runtime = ctx.obj
    with runtime.library() as lib:
        lib.unset_setting(name)
    runtime.output().info(f"Removed {name} from profile {lib.profile!r}")


@config_app.command("list")
def list_(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Show every setting akool knows, with the profile's value."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        settings = lib.settings()
    if json_out:
        out.json({s.name: s.value for s in settings})
        return
    out.table(
        ("SETTING", "VALUE", "MEANING"), [(s.name, s.value or "-", s.meaning) for s in settings]
    )

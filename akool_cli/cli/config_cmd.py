"""The `akool config` commands: read and change a profile's saved settings (e.g. upload-to)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from akool_cli.core.errors import UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime

config_app = typer.Typer(
    help="Read and change saved settings of the profile (base-url, upload-to).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")


def _setting(name: str) -> str:
    from akool_cli.store.config import USER_SETTINGS

    # base_url is how config.json spells base-url: both are the same setting.
    known = USER_SETTINGS.get(name.strip().lower().replace("_", "-"))
    if known is None:
        raise UsageError(
            f"{name!r} is not a setting akool knows",
            hint=f"known settings: {', '.join(USER_SETTINGS)}",
        )
    return known[0]


def _check(name: str, value: str) -> str:
    """The value as saved, checked the way the commands that use it will check it."""
    if name == "upload_to":
        from akool_cli.inputs.upload import parse_target

        return str(parse_target(value, origin="upload-to"))
    if name == "base_url":
        from akool_cli.core.urls import validate_base_url

        return validate_base_url(value, origin="base-url")
    return value.strip()


@config_app.command("set")
def set_(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
    value: str = typer.Argument(..., metavar="VALUE", help="Its value, e.g. s3://bucket/akool/."),
) -> None:
    """Save a setting for the profile (--profile / AKOOL_PROFILE).

    Example: akool config set upload-to s3://my-bucket/akool-inputs/
    """
    from akool_cli.store.config import write_profile_setting

    runtime: Runtime = ctx.obj
    key = _setting(name)
    cleaned = _check(key, value)
    write_profile_setting(runtime.paths, runtime.profile, key, cleaned)
    runtime.output().info(f"Saved {name} = {cleaned} for profile {runtime.profile!r}")


@config_app.command("get")
def get(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
    json_out: bool = typer.Option(False, "--json", help="Print {name: value} (null if unset)."),
) -> None:
    """Print a setting's saved value (nothing when it is not set)."""
    from akool_cli.store.config import read_settings

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    value = read_settings(runtime.paths).get(runtime.profile, {}).get(_setting(name))
    if json_out:
        out.json({name.strip().lower().replace("_", "-"): value or None})
    elif value:
        out.data(value)
    if not value:  # not an error: nothing on stdout says "not set" to a script
        out.info(f"{name} is not set for profile {runtime.profile!r}")


@config_app.command("unset")
def unset(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The setting, e.g. upload-to."),
) -> None:
    """Remove a saved setting from the profile."""
    from akool_cli.store.config import write_profile_setting

    runtime: Runtime = ctx.obj
    write_profile_setting(runtime.paths, runtime.profile, _setting(name), None)
    runtime.output().info(f"Removed {name} from profile {runtime.profile!r}")


@config_app.command("list")
def list_(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Show every setting akool knows, with the profile's value."""
    from akool_cli.store.config import USER_SETTINGS, read_settings

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    saved = read_settings(runtime.paths).get(runtime.profile, {})
    values = {name: saved.get(key) for name, (key, _meaning) in USER_SETTINGS.items()}
    if json_out:
        out.json(values)
        return
    out.table(
        ("SETTING", "VALUE", "MEANING"),
        [(n, values[n] or "-", USER_SETTINGS[n][1]) for n in USER_SETTINGS],
    )

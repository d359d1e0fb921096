"""Commands about the account: login, logout, auth status, credit."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

import typer

from akool_cli.core.bounded import SECRET_BYTES, read_at_most
from akool_cli.core.errors import AuthError
from akool_cli.core.numbers import plain_number

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Client

auth_app = typer.Typer(help="Inspect the credential akool uses.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(login)
    app.command()(logout)
    app.command()(credit)
    app.add_typer(auth_app, name="auth")
    auth_app.command("status")(auth_status)


def _read_secret(what: str) -> str:
    """Hidden prompt on a terminal, standard input otherwise; never a command-line argument."""
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(f"Paste your AKOOL {what} (input is hidden): ")
        except EOFError:
            return ""
    if sys.stdin is None:
        return ""
    hint = 'pipe only the key: printf %s "$AKOOL_API_KEY" | akool login'
    return str(read_at_most(sys.stdin, SECRET_BYTES, f"the {what} on standard input", hint))


def login(
    ctx: typer.Context,
    client_id: str | None = typer.Option(
        None,
        "--client-id",
        metavar="ID",
        help="Use the legacy clientId + clientSecret method; the secret is read like a key.",
    ),
    allow_plaintext: bool = typer.Option(
        False,
        "--allow-plaintext-keyring",
        help="Store the key even when the keyring backend keeps it in a plaintext file "
        "(keyrings.alt's PlaintextKeyring) [env: AKOOL_ALLOW_PLAINTEXT_KEYRING=1].",
    ),
    rotate: bool = typer.Option(
        False,
        "--rotate",
        help="The new key replaces this profile's key of the same AKOOL account (a rotated "
        "key, or an API key after clientId/secret): jobs the old one made are this one's.",
    ),
    replace: bool = typer.Option(
        False,
        "--replace",
        help="Replace this profile's key even when it was verified on another server, or is "
        "another AKOOL_HOME's in the shared keyring (by default such a login is refused: log "
        "in with --profile NAME to keep both).",
    ),
) -> None:
    """Store an AKOOL API key in the OS keyring after checking it works.

    The key is read from a hidden prompt, or from standard input when piped:
    printf %s "$AKOOL_API_KEY" | akool login
    """
    from akool_cli.client import DEFAULT_PROFILE
    from akool_cli.core.validate import check_secret

    runtime: Runtime = ctx.obj
    out = runtime.output()
    with runtime.library() as lib:
        _say_where_the_key_goes(out, lib)  # and a bad base URL before a secret is asked for
        if rotate:
            lib.check_rotation()  # and a key of another server, before the new one is sent
        elif not replace:
            lib.check_replacement()  # a key of another server kept, before a key is asked for
        if client_id is not None:
            # A malformed id is bad input like a malformed secret (2); a wrong one AKOOL refuses (3).
            cid = check_secret(client_id, "client id")
            secret = check_secret(_read_secret("client secret"), "client secret")
            checked = lib.verify_login(client_id=cid, client_secret=secret)
        else:
            checked = lib.verify_login(check_secret(_read_secret("API key"), "API key"))
        try:
            done = lib.save_login(
                checked, allow_plaintext=allow_plaintext, rotate=rotate, replace=replace
            )
        except AuthError as exc:
            # The check is done: say first that the key works, then how to use it without a keyring.
            out.success(
                f"Verified {checked.masked} at {checked.base_url}: it works; credit balance "
                f"{plain_number(checked.credit)}"
            )
            raise AuthError(f"it was not saved: {exc.message}", hint=exc.hint) from None
    where = "" if done.profile == DEFAULT_PROFILE else f" (profile {done.profile})"
    out.success(
        f"Logged in to {done.base_url}{where} with {done.credential}; credit balance "
        f"{plain_number(done.credit)}"
    )
    if done.overridden:
        out.warn(
            "AKOOL_API_KEY or AKOOL_CLIENT_ID/SECRET is set: it takes precedence over this login"
        )


def _say_where_the_key_goes(out: Output, lib: Client) -> None:
    """Before the key is read: the server it goes to, when that was not typed on this command
    line and is not AKOOL's host (an AKOOL_BASE_URL left over from a sandbox session). On a
    terminal a warning (Ctrl-C at the prompt sends nothing). A piped key has no one to read a
    note first: sent to AKOOL's hosts, this machine (a sandbox) or the profile's saved base-url
    only; an AKOOL_BASE_URL naming any other host is refused until named with --base-url."""
    from akool_cli.core.contract import DEFAULT_BASE_URL
    from akool_cli.core.errors import UsageError
    from akool_cli.core.urls import BASE_URL_ORIGINS, is_akool_host, is_loopback_host, parts_or_none

    base_url, origin = lib.base_url, lib.base_url_origin
    if origin not in ("env", "saved") or base_url == DEFAULT_BASE_URL:
        return
    if sys.stdin is not None and sys.stdin.isatty():
        out.warn(
            f"the key goes to {base_url} (from {BASE_URL_ORIGINS[origin][0]}), not to AKOOL's "
            f"host {DEFAULT_BASE_URL}"
        )
        return
    host = parts_or_none(base_url).hostname or ""
    if origin == "env" and not (is_akool_host(host) or is_loopback_host(host)):
        raise UsageError(
            f"AKOOL_BASE_URL is {base_url}, which is neither AKOOL's host nor this machine: "
            "akool does not send a piped key there unless you name it; nothing was sent",
            hint=f"to log in there, name it: akool --base-url {base_url} login; for AKOOL's "
            f"host {DEFAULT_BASE_URL}: unset AKOOL_BASE_URL",
        )


def logout(ctx: typer.Context) -> None:
    """Remove the stored credential from the OS keyring."""
    runtime: Runtime = ctx.obj
    out = runtime.output()
    with runtime.library() as lib:
        removed, profile = lib.logout(), lib.profile
    if removed:
        out.success(f"Removed the credential of profile {profile} from the keyring")
    else:
        out.info(
            f"No credential of this AKOOL_HOME's login for profile {profile} in the keyring; "
            "nothing removed"
        )


def auth_status(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Show which credential akool would use, where it comes from, and whether it works.

    Other profiles that have logged in are listed and checked too.
    """
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        reports = [lib.check_profile(name) for name in lib.profiles()]
    active = reports[0]
    if json_out:
        out.json({**active.to_json(), "profiles": [r.to_json() for r in reports]})
    else:
        for report in reports:
            marker = "*" if report.active else " "
            if report.valid:
                source = "the keyring" if report.source == "keyring" else f"${report.source}"
                credit = "?" if report.credit is None else plain_number(report.credit)
                out.data(
                    f"{marker} {report.profile}: {report.base_url}: {report.credential} "
                    f"from {source}; credit {credit}"
                )
            else:
                message = report.error.message if report.error else ""
                out.data(f"{marker} {report.profile}: {report.base_url}: {message}")
    if active.error is not None:
        raise active.error  # the error boundary reports it, like every other failure
    if not json_out:
        out.success(f"the credential of profile {active.profile} works")


def credit(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Print the account's credit balance."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        balance = lib.credit()
    if json_out:
        out.json({"credit": balance})
    else:
        out.data(plain_number(balance))

"""Commands about the account: login, logout, auth status, credit."""

from __future__ import annotations

import getpass
import sys
from typing import Any

import typer

from akool_cli import config
from akool_cli.contract import DEFAULT_BASE_URL
from akool_cli.errors import AkoolError, AuthError, ExitCode

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
    return sys.stdin.read() if sys.stdin is not None else ""


def login(
    ctx: typer.Context,
    client_id: str | None = typer.Option(
        None,
        "--client-id",
        metavar="ID",
        help="Use the legacy clientId + clientSecret method; the secret is read like a key.",
    ),
) -> None:
    """Store an AKOOL API key in the OS keyring after checking it works.

    The key is read from a hidden prompt, or from standard input when piped:
    printf %s "$AKOOL_API_KEY" | akool login
    """
    from akool_cli.credentials import Credential, check_secret

    runtime = ctx.obj
    out = runtime.output()
    base_url = runtime.base_url()
    if client_id is not None:
        cid = client_id.strip()
        if not cid or any(ch.isspace() for ch in cid):
            raise AuthError(
                f"--client-id {client_id!r} is not a client id",
                hint="copy the clientId from akool.com → API Credentials",
            )
        secret = check_secret(_read_secret("client secret"), "client secret")
        credential = Credential("client", "login", client_id=cid, client_secret=secret)
    else:
        key = check_secret(_read_secret("API key"), "API key")
        credential = Credential("api_key", "login", api_key=key)
    runtime.remember_secrets(credential)

    with runtime.client(credential) as client:
        if credential.kind == "client":
            token = client.get_token(credential.client_id, credential.client_secret)
            credential = credential.with_token(token)
            client.credential = credential
        balance = client.credit()  # verified before anything is saved

    runtime.store().save(runtime.profile, credential)
    if base_url != DEFAULT_BASE_URL or config.read_settings(runtime.paths).get(runtime.profile):
        config.write_profile_setting(
            runtime.paths,
            runtime.profile,
            "base_url",
            None if base_url == DEFAULT_BASE_URL else base_url,
        )
    where = "" if runtime.profile == config.DEFAULT_PROFILE else f" (profile {runtime.profile})"
    out.success(
        f"Logged in to {base_url}{where} with {credential.masked()}; credit balance {balance:g}"
    )
    from akool_cli.credentials import from_environment

    if from_environment(runtime.env) is not None:
        out.warn(
            "AKOOL_API_KEY or AKOOL_CLIENT_ID/SECRET is set: it takes precedence over this login"
        )


def logout(ctx: typer.Context) -> None:
    """Remove the stored credential from the OS keyring."""
    runtime = ctx.obj
    out = runtime.output()
    removed = runtime.store().delete(runtime.profile)
    if removed:
        out.success(f"Removed the credential of profile {runtime.profile} from the keyring")
    else:
        out.info(f"No credential stored for profile {runtime.profile}; nothing to remove")


def auth_status(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Show which credential akool would use, where it comes from, and whether it works."""
    runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    report: dict[str, Any] = {
        "profile": runtime.profile,
        "base_url": runtime.base_url(),
        "source": None,
        "kind": None,
        "credential": None,
        "valid": False,
        "credit": None,
        "error": None,
    }
    code = ExitCode.OK
    try:
        credential = runtime.credential()
        report.update(
            source=credential.source, kind=credential.kind, credential=credential.masked()
        )
        with runtime.client(credential) as client:
            report["credit"] = client.credit()
        report["valid"] = True
    except AkoolError as exc:
        report["error"] = exc.message
        code = exc.exit_code
        if json_out:
            out.json(report)
        out.error(exc.message, exc.hint)
        raise typer.Exit(int(code)) from None
    if json_out:
        out.json(report)
        return
    source = "the keyring" if report["source"] == "keyring" else f"${report['source']}"
    out.data(f"{report['base_url']}: {report['credential']} from {source}")
    out.success(f"credential works; credit balance {report['credit']:g}")


def credit(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Print the account's credit balance."""
    runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.client() as client:
        balance = client.credit()
    if json_out:
        out.json({"credit": balance})
    else:
        out.data(f"{balance:g}")

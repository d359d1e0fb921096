"""Commands about the account: login, logout, auth status, credit."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli.bounded import SECRET_BYTES, read_at_most
from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.core.errors import AkoolError, AuthError, AuthRejectedError
from akool_cli.store import config

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.credentials import Credential

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
) -> None:
    """Store an AKOOL API key in the OS keyring after checking it works.

    The key is read from a hidden prompt, or from standard input when piped:
    printf %s "$AKOOL_API_KEY" | akool login
    """
    from akool_cli.store.credentials import Credential, check_secret

    runtime = ctx.obj
    out = runtime.output()
    base_url = runtime.base_url()
    if client_id is not None:
        # A malformed id is bad input like a malformed secret (2); a wrong one AKOOL refuses (3).
        cid = check_secret(client_id, "client id")
        secret = check_secret(_read_secret("client secret"), "client secret")
        credential = Credential("client", "login", client_id=cid, client_secret=secret)
    else:
        key = check_secret(_read_secret("API key"), "API key")
        credential = Credential("api_key", "login", api_key=key)
    runtime.remember_secrets(credential)

    with runtime.client(credential) as client:
        if credential.kind == "client":
            token = _get_token(client, credential)
            credential = credential.with_token(token)
            client.credential = credential
        balance = client.credit()  # verified before anything is saved

    _store(runtime, credential, balance, allow_plaintext=allow_plaintext)
    # Non-secret bookkeeping: which profiles exist, and the base URL each was verified against.
    config.write_profile_setting(runtime.paths, runtime.profile, "login", "keyring")
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
    from akool_cli.store.credentials import from_environment

    if from_environment(runtime.env) is not None:
        out.warn(
            "AKOOL_API_KEY or AKOOL_CLIENT_ID/SECRET is set: it takes precedence over this login"
        )


def _store(
    runtime: Runtime, credential: Credential, balance: float, *, allow_plaintext: bool
) -> None:
    """Keep the verified credential in the keyring; when it cannot, say first that the key
    works (the check is done), then how to use it without a keyring (exit 3)."""
    store = runtime.store()
    store.allow_plaintext = store.allow_plaintext or allow_plaintext
    try:
        store.save(runtime.profile, credential)
    except AuthError as exc:
        runtime.output().success(
            f"Verified {credential.masked()} at {runtime.base_url()}: it works; credit balance "
            f"{balance:g}"
        )
        raise AuthError(f"it was not saved: {exc.message}", hint=exc.hint) from None


def _get_token(client: AkoolClient, credential: Credential) -> str:
    try:
        return client.get_token(credential.client_id, credential.client_secret)
    except AuthRejectedError as exc:
        # AKOOL's code names an API key; here the clientId or the clientSecret is wrong.
        raise AuthRejectedError(
            "AKOOL did not accept this clientId and clientSecret"
            + (f" (code {exc.code})" if exc.code is not None else ""),
            hint="copy both from akool.com → API Credentials, then: "
            "akool login --client-id YOUR_CLIENT_ID",
            code=exc.code,
        ) from exc


def logout(ctx: typer.Context) -> None:
    """Remove the stored credential from the OS keyring."""
    runtime = ctx.obj
    out = runtime.output()
    removed = runtime.store().delete(runtime.profile)
    config.write_profile_setting(runtime.paths, runtime.profile, "login", None)
    if removed:
        out.success(f"Removed the credential of profile {runtime.profile} from the keyring")
    else:
        out.info(f"No credential stored for profile {runtime.profile}; nothing to remove")


def _check_profile(runtime: Runtime, name: str) -> dict[str, Any]:
    """What a profile holds and whether it works; the active one may use the environment."""
    from dataclasses import replace

    view = replace(runtime, profile=name) if name != runtime.profile else runtime
    report: dict[str, Any] = {
        "profile": name,
        "active": name == runtime.profile,
        "base_url": None,
        "source": None,
        "kind": None,
        "credential": None,
        "valid": False,
        "credit": None,
        "error": None,
    }
    try:
        report["base_url"] = view.base_url()
        if name == runtime.profile:
            credential = view.credential()
        else:
            stored = view.store().load(name)
            if stored is None:
                raise AuthError(
                    f"profile {name} is not logged in", hint=f"akool --profile {name} login"
                )
            credential = stored
            view.remember_secrets(credential)
        report.update(
            source=credential.source, kind=credential.kind, credential=credential.masked()
        )
        with view.client(credential) as client:
            report["credit"] = client.credit()
        report["valid"] = True
    except AkoolError as exc:
        report["error"] = exc.message
        report["_exc"] = exc
    return report


def auth_status(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Show which credential akool would use, where it comes from, and whether it works.

    Other profiles that have logged in are listed and checked too.
    """
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    names = [runtime.profile] + [
        p for p in config.read_settings(runtime.paths) if p != runtime.profile
    ]
    reports = [_check_profile(runtime, name) for name in names]
    active = reports[0]
    failure: AkoolError | None = active.pop("_exc", None)
    for other in reports[1:]:
        other.pop("_exc", None)
    if json_out:
        out.json({**active, "profiles": reports})
    else:
        for report in reports:
            marker = "*" if report["active"] else " "
            if report["valid"]:
                source = "the keyring" if report["source"] == "keyring" else f"${report['source']}"
                out.data(
                    f"{marker} {report['profile']}: {report['base_url']}: {report['credential']} "
                    f"from {source}; credit {report['credit']:g}"
                )
            else:
                out.data(f"{marker} {report['profile']}: {report['base_url']}: {report['error']}")
    if failure is not None:
        raise failure  # the error boundary reports it, like every other failure
    if not json_out:
        out.success(f"the credential of profile {runtime.profile} works")


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

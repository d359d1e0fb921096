"""The `akool api` command: an authenticated raw call to any AKOOL endpoint, like `gh api`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from akool_cli.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("api")(api)


def _pairs(values: list[str], *, typed: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for item in values:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            flag = "-F" if typed else "-f"
            raise UsageError(
                f"{flag} {item!r} is not key=value", hint=f"e.g. {flag} resolution=720"
            )
        value: Any = raw
        if typed:
            try:
                value = json.loads(raw)  # numbers, true/false, null, objects
            except ValueError:
                value = raw
        fields[key] = value
    return fields


def api(
    ctx: typer.Context,
    method: str = typer.Argument(..., metavar="METHOD", help="GET or POST."),
    path: str = typer.Argument(..., metavar="PATH", help="e.g. /api/open/v3/faceswap/quota/info"),
    field: list[str] = typer.Option(
        [],
        "-f",
        "--field",
        metavar="KEY=VALUE",
        help="A string field (query for GET, body for POST).",
    ),
    typed_field: list[str] = typer.Option(
        [],
        "-F",
        "--typed-field",
        metavar="KEY=VALUE",
        help="A JSON-typed field: numbers, true, null.",
    ),
    input_file: str | None = typer.Option(
        None, "--input", metavar="FILE|-", help="The JSON body from a file, or - for stdin."
    ),
) -> None:
    """Call any AKOOL endpoint with your credential and print AKOOL's JSON answer.

    The envelope's code decides the exit status. Example:
    akool api GET /api/open/v3/content/video/infobymodelid -f video_model_id=64dd90f9f0b6684651e90d60
    """
    from akool_cli import contract
    from akool_cli.api import error_for_code

    runtime = ctx.obj
    out = runtime.output(json_mode=True)
    verb = method.upper()
    if verb not in ("GET", "POST"):
        raise UsageError(
            f"method {method!r} is not GET or POST", hint="AKOOL's open API uses GET and POST"
        )
    if not path.startswith("/"):
        raise UsageError(
            f"path {path!r} must start with /", hint="e.g. /api/open/v3/faceswap/quota/info"
        )
    path, _, query_text = path.partition("?")
    fields = {**_pairs(field, typed=False), **_pairs(typed_field, typed=True)}
    body: dict[str, Any] | None = None
    if input_file is not None:
        if verb == "GET":
            raise UsageError("--input sends a body, which a GET does not have")
        text = sys.stdin.read() if input_file == "-" else _read(Path(input_file))
        try:
            parsed = json.loads(text)
        except ValueError as exc:
            raise UsageError(f"--input is not JSON: {exc}") from None
        if not isinstance(parsed, dict):
            raise UsageError("--input must hold a JSON object")
        body = {**parsed, **fields}
    elif verb == "POST":
        body = fields
    query = {k: str(v) for k, v in fields.items()} if verb == "GET" else {}
    for pair in filter(None, query_text.split("&")):
        key, _, value = pair.partition("=")
        query.setdefault(key, value)
    endpoint = contract.find_endpoint(verb, path)
    if endpoint is None:
        out.warn(f"{verb} {path} is not in AKOOL's documentation; sending it anyway")
    with runtime.client() as client:
        payload = client.raw_call(verb, path, body=body, query=query or None)
    out.json(payload)
    code = payload.get("code") if isinstance(payload, dict) else None
    if isinstance(code, int) and code != contract.SUCCESS_CODE:
        raise error_for_code(code, str(payload.get("msg") or ""), f"{verb} {path}")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read --input {path}: {exc.strerror}") from None

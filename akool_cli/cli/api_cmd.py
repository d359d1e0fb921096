"""The `akool api` command: an authenticated raw call to any AKOOL endpoint, like `gh api`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from akool_cli.cli import options
from akool_cli.core import jsontext
from akool_cli.core.bounded import BODY_BYTES, read_at_most
from akool_cli.core.errors import AkoolError, UsageError
from akool_cli.core.validate import check_api_path

TOO_LARGE = "AKOOL's request bodies are a few KB: pass a JSON object, e.g. --input body.json"
METHODS = ("GET", "POST", "DELETE")  # every method AKOOL's documentation uses
LIST_COLUMNS = ("METHOD", "PATH", "PRODUCT", "PAGE", "AKOOL JOBS")


def register(app: typer.Typer) -> None:
    app.command("api")(api)


def complete_path(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of PATH: the documented paths for the METHOD typed before it."""
    from akool_cli.core.catalogue import load

    method = str(ctx.params.get("method") or "").upper()
    return [
        (e.path, f"{e.product}: {e.url}")
        for e in load().endpoints
        if e.path.startswith(incomplete) and (method not in METHODS or e.method == method)
    ]


def complete_method(incomplete: str) -> list[str]:
    return [m for m in METHODS if m.startswith(incomplete.upper())]


def _list_endpoints(runtime: Any, product: str | None, json_out: bool) -> None:
    """Print the catalogue of AKOOL's documented endpoints (one product's, when given), and
    the job kinds akool makes with each."""
    from akool_cli.core import kinds
    from akool_cli.core.catalogue import load

    docs = load()
    if product is not None and product not in docs.products():
        raise UsageError(
            f"AKOOL's documentation has no product {product!r}",
            hint=f"products: {', '.join(docs.products())}",
        )
    chosen = [e for e in docs.endpoints if product is None or e.product == product]
    uses = {e.path: kinds.path_use(e.path) for e in chosen}
    rows = [
        {
            "method": e.method,
            "path": e.path,
            "product": e.product,
            "page": e.url,
            "host": e.host,
            "job": use.to_json() if (use := uses[e.path]) is not None else None,
        }
        for e in chosen
    ]
    out = runtime.output(json_mode=json_out)
    if json_out:
        out.json(rows)
        return
    # A path on another host than AKOOL's API host (legacy face detection) shows its host.
    shown = [
        r["path"] if r["host"] == docs.api_host else f"https://{r['host']}{r['path']}" for r in rows
    ]
    out.table(
        LIST_COLUMNS,
        [
            (r["method"], p, r["product"], r["page"], str(uses[e.path] or "-"))
            for r, p, e in zip(rows, shown, chosen, strict=True)
        ],
    )


def _warn_if_not_documented(out: Any, verb: str, path: str) -> None:
    """No word for a documented call (but a billed one akool records nothing of); the
    replacement for a retired one; a warning otherwise."""
    from akool_cli.core import kinds
    from akool_cli.core.catalogue import load

    docs = load()
    found = docs.find(verb, path)
    if found is not None:
        billed = kinds.BILLED_NO_JOB.get(found.path) if verb == "POST" else None
        if billed is not None:  # sent as it is: nothing to claim, nothing recorded
            out.warn(
                f"POST {found.path} makes {billed}, which akool records nowhere (no job of "
                "akool's stands for it): if its answer is lost, look in AKOOL's dashboard "
                "before sending it again"
            )
        return
    other = docs.find(None, path)
    retired = docs.find_retired(path)
    if other is not None:
        out.warn(
            f"AKOOL documents {other.method} {other.path}, not {verb} ({other.url}); sending it anyway"
        )
    elif retired is not None:
        replacement = docs.find(None, retired.replacement) if retired.replacement else None
        instead = (
            f"use {replacement.method} {replacement.path} ({replacement.url})"
            if replacement
            else "AKOOL documents no replacement"
        )
        out.warn(
            f"{verb} {path} is no longer in AKOOL's documentation (last documented "
            f"{retired.last_documented}); {instead}; sending it anyway"
        )
    else:
        out.warn(f"{verb} {path} is not in AKOOL's documentation; sending it anyway")


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
                value = jsontext.loads(raw)  # numbers, true/false, null, objects
            except ValueError:
                value = raw
        fields[key] = value
    return fields


def api(
    ctx: typer.Context,
    method: str | None = typer.Argument(
        None, metavar="METHOD", help="GET, POST or DELETE.", autocompletion=complete_method
    ),
    path: str | None = typer.Argument(
        None,
        metavar="PATH",
        help="e.g. /api/open/v3/faceswap/quota/info",
        autocompletion=complete_path,
    ),
    field: list[str] = typer.Option(
        [],
        "-f",
        "--field",
        metavar="KEY=VALUE",
        help="A string field (query for GET and DELETE, body for POST).",
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
    list_mode: bool = typer.Option(
        False,
        "--list",
        help="List AKOOL's documented endpoints instead: akool api --list [PRODUCT].",
    ),
    json_out: bool = typer.Option(False, "--json", help="With --list: print one JSON array."),
    same_account: bool = options.SAME_ACCOUNT,
    new_account: bool = options.NEW_ACCOUNT,
) -> None:
    """Call any AKOOL endpoint with your credential and print AKOOL's JSON answer.

    The envelope's code decides the exit status. Example:
    akool api GET /api/open/v3/content/video/infobymodelid -f video_model_id=64dd90f9f0b6684651e90d60
    List the documented endpoints (of one product): akool api --list talking-photo
    """
    from akool_cli.client import envelope_error

    runtime = ctx.obj
    if list_mode:
        if path is not None:
            raise UsageError(
                "--list takes at most one PRODUCT", hint="akool api --list talking-photo"
            )
        _list_endpoints(runtime, method, json_out)
        return
    if method is None or path is None:
        raise UsageError(
            "akool api needs a METHOD and a PATH",
            hint="e.g. akool api GET /api/open/v3/faceswap/quota/info (list them: akool api --list)",
        )
    out = runtime.output(json_mode=True)
    verb = _checked_call(method, path)
    path, _, query_text = path.partition("?")
    fields = {**_pairs(field, typed=False), **_pairs(typed_field, typed=True)}
    body = _body(verb, fields, input_file)
    query = {k: str(v) for k, v in fields.items()} if verb != "POST" else {}
    for pair in filter(None, query_text.split("&")):
        key, _, value = pair.partition("=")
        query.setdefault(key, value)
    choice = options.account_choice(same_account, new_account)
    _warn_if_not_documented(out, verb, path)
    with runtime.library() as lib:
        if choice is not None:  # a create met another credential's (as every create command)
            lib.account_choice = choice
        payload = lib.raw_call(verb, path, body=body, query=query or None)
    made = _made_job(verb, path, body, payload)
    if made is not None:  # named on stderr if its answer cannot be written (break17f F24)
        runtime.made_job(made, f"akool watch {made}", reuse=False)
    out.json(payload)
    error = envelope_error(payload, f"{verb} {path}")
    if error is not None:
        raise error


def _made_job(verb: str, path: str, body: dict[str, Any] | None, payload: Any) -> str | None:
    """The id of the job a create's answer (AKOOL said 1000) gives, or None."""
    from akool_cli.core import kinds
    from akool_cli.core.contract import SUCCESS_CODE

    kind = kinds.created_by(path, body or {}) if verb == "POST" else None
    if kind is None or not isinstance(payload, dict) or payload.get("code") != SUCCESS_CODE:
        return None
    try:
        return kind.parse_created(payload.get("data")).id
    except AkoolError:
        return None  # (the library has said so already)


def _checked_call(method: str, path: str) -> str:
    """The method in capitals, once METHOD and PATH are known to be usable."""
    verb = method.upper()
    if verb not in METHODS:
        raise UsageError(
            f"method {method!r} is not GET, POST or DELETE",
            hint="AKOOL's open API uses GET, POST and DELETE",
        )
    check_api_path(path)
    return verb


def _body(verb: str, fields: dict[str, Any], input_file: str | None) -> dict[str, Any] | None:
    """A POST's JSON body: --input's object (file or stdin) with the -f/-F fields over it."""
    if input_file is None:
        return fields if verb == "POST" else None
    if verb != "POST":
        raise UsageError(
            f"--input sends a body, which a {verb} does not have",
            hint="use -f KEY=VALUE for a GET's query, or --method POST with --input",
        )
    if input_file == "-":
        text = read_at_most(sys.stdin, BODY_BYTES, "--input - (standard input)", TOO_LARGE)
    else:
        text = _read(Path(input_file))
    try:
        parsed = jsontext.loads(text)
    except ValueError as exc:
        raise UsageError(
            f"--input is not JSON: {exc}", hint="check it with: python -m json.tool FILE"
        ) from None
    if not isinstance(parsed, dict):
        raise UsageError(
            "--input must hold a JSON object", hint='e.g. {"image_url": "https://..."}'
        )
    return {**parsed, **fields}


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as handle:
            return read_at_most(handle, BODY_BYTES, f"--input {path}", TOO_LARGE)
    except OSError as exc:
        raise UsageError(
            f"cannot read --input {path}: {exc.strerror}",
            hint="check the path and its permissions, or pass - to read standard input",
        ) from None

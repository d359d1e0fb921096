"""The `akool doctor` command: one line per check, ✓ or ✗, with the fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from akool_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Check


def register(app: typer.Typer) -> None:
    app.command()(doctor)


def doctor(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object (for CI)."),
) -> None:
    """Check that akool can work here: paths, keyring, credential, network, AKOOL's answers.

    Exits 11 when any check fails.
    """
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        # Each line as its check is done: a server slow to answer never hides the others.
        checks = lib.doctor(on_check=None if json_out else lambda check: out.data(_line(check)))
    ok = all(check.ok for check in checks)
    if json_out:
        out.json({"ok": ok, "checks": [check.to_json() for check in checks]})
    if not ok:
        raise typer.Exit(int(ExitCode.CHECKS_FAILED))


def _line(check: Check) -> str:
    mark = "–" if check.skipped else ("✓" if check.ok else "✗")
    line = f"{mark} {check.name}: {check.detail}"
    if not check.ok and check.fix:
        line += f"  → {check.fix}"
    return line

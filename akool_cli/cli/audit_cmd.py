"""The `akool audit` command: report AKOOL calls in existing scripts that differ from the docs."""

from __future__ import annotations

from pathlib import Path

import typer

from akool_cli.errors import ExitCode, UsageError


def register(app: typer.Typer) -> None:
    app.command()(audit)


def audit(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Files or folders to scan."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array of findings."),
    include: list[str] = typer.Option(
        [], "--include", metavar="GLOB", help="Only files matching GLOB (repeatable)."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", metavar="GLOB", help="Skip files matching GLOB (repeatable)."
    ),
) -> None:
    """Find AKOOL calls in scripts that differ from the documented API, and the documented fix.

    Scans shell, Python, JavaScript/TypeScript, Postman collections, Markdown and any text file
    (binary files and .git are skipped). Exits 8 when any error is found, so it can gate CI.
    """
    from akool_cli.audit import audit as run_audit

    out = ctx.obj.output(json_mode=json_out)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(
            f"no such file or folder: {', '.join(missing)}", hint="check the path and try again"
        )
    result = run_audit(paths, include=include, exclude=exclude)
    if json_out:
        out.json([finding.to_json() for finding in result.findings])
    else:
        for finding in result.findings:
            out.data(finding.render())
    out.info(result.summary())
    if result.count("error"):
        raise typer.Exit(int(ExitCode.AUDIT_ERRORS))

"""The `akool audit` command: report AKOOL calls in existing scripts that differ from the docs."""

from __future__ import annotations

from pathlib import Path

import typer

from akool_cli.core.errors import ExitCode, UsageError


def register(app: typer.Typer) -> None:
    app.command()(audit)


def _rule_names(values: list[str]) -> list[str]:
    """Rule names from repeated and comma-separated options: --select a,b --select c."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


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
    select: list[str] = typer.Option(
        [], "--select", metavar="RULE[,RULE]", help="Only these rules (repeatable)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", metavar="RULE[,RULE]", help="Not these rules (repeatable)."
    ),
) -> None:
    """Find AKOOL calls in scripts that differ from AKOOL's documentation, and the documented fix.

    Scans shell, Python, JavaScript/TypeScript, Postman collections, Markdown and any text file
    (binary files, .git and special files are skipped). Silence one line with a trailing
    comment `akool-audit: ignore[RULE]`. Exits 8 when any error is found, so it can gate CI.
    Example: akool audit --ignore legacy-token-flow scripts/
    """
    from akool_cli.audit.scan import RULE_NAMES, choose_rules
    from akool_cli.audit.scan import audit as run_audit

    out = ctx.obj.output(json_mode=json_out)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(
            f"no such file or folder: {', '.join(missing)}", hint="check the path and try again"
        )
    try:
        rules = choose_rules(_rule_names(select), _rule_names(ignore))
    except KeyError as exc:
        raise UsageError(
            f"no audit rule named {exc.args[0]}", hint=f"rules: {', '.join(RULE_NAMES)}"
        ) from None
    result = run_audit(paths, include=include, exclude=exclude, rules=rules)
    if json_out:
        out.json([finding.to_json() for finding in result.findings])
    else:
        for finding in result.findings:
            out.data(finding.render())
    for shown, why in result.skipped:
        out.warn(f"{shown}: not scanned ({why})")
    out.info(result.summary())
    if result.count("error"):
        raise typer.Exit(int(ExitCode.AUDIT_ERRORS))

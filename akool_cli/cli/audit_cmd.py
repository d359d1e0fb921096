"""The `akool audit` command: report AKOOL calls in existing scripts that differ from the docs."""

from __future__ import annotations

import errno
import gc
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from akool_cli.cli import audit_reports as reports
from akool_cli.cli.output import Output, detach_stdout, write_bytes
from akool_cli.cli.runtime import Runtime
from akool_cli.core.errors import AkoolError, ExitCode, UsageError

if TYPE_CHECKING:
    from akool_cli.audit.rules import Rule
    from akool_cli.audit.scan import AuditResult


def register(app: typer.Typer) -> None:
    app.command()(audit)


def _rule_names(values: list[str], option: str = "--select") -> list[str]:
    """Rule names from repeated and comma-separated options: --select a,b --select c; a value
    that names none (`--select ""`, `--ignore ,`) is a usage error, as `--include ""` is, never
    "every rule" (break21f: `--select ""` selected them all)."""
    for value in values:
        if not value.replace(",", "").strip():
            raise UsageError(
                f"{option} {value!r} names no rule",
                hint=f"e.g. {option} wrong-host (or leave it out)",
            )
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _globs(values: list[str], option: str) -> list[str]:
    """--include/--exclude's globs; an empty one is a usage error of its own."""
    if any(not value.strip() for value in values):
        raise UsageError(
            f"{option} '' names no glob", hint=f"e.g. {option} '*.py' (or leave it out)"
        )
    return values


def audit(
    ctx: typer.Context,
    named: list[str] = typer.Argument(..., metavar="PATH...", help="Files or folders to scan."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array of findings."),
    output_format: str = typer.Option(
        "text",
        "--format",
        metavar="FORMAT",
        help="text, json (as --json) or sarif (SARIF 2.1.0, for GitHub code scanning).",
    ),
    diff: bool = typer.Option(
        False,
        "--diff",
        help="Print the mechanical fixes the docs justify as a unified diff (git apply accepts it).",
    ),
    include: list[str] = typer.Option(
        [],
        "--include",
        metavar="GLOB",
        help="Only files whose name, path or folder matches GLOB (repeatable; ** crosses folders).",
    ),
    exclude: list[str] = typer.Option(
        [],
        "--exclude",
        metavar="GLOB",
        help="Skip files whose name, path or folder matches GLOB: --exclude tests (repeatable).",
    ),
    select: list[str] = typer.Option(
        [], "--select", metavar="RULE[,RULE]", help="Only these rules (repeatable)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", metavar="RULE[,RULE]", help="Not these rules (repeatable)."
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        metavar="FILE",
        help="Write the findings, diff or SARIF log to FILE instead of stdout: whole, or not at "
        "all (a full disk leaves FILE as it was).",
    ),
) -> None:
    """Find AKOOL calls in scripts that differ from AKOOL's documentation, and the documented fix.

    Scans Python, JavaScript/TypeScript, shell, Go, Java, Kotlin, C#, PHP, Postman collections,
    Markdown and any text file (binary files, .git and special files are skipped), following
    paths joined to base URLs held elsewhere; a file named twice is read once. Silence one line
    with a trailing comment `akool-audit: ignore[RULE]`. Exits 8 when any error is found or a
    file could not be scanned (larger than 5 MiB, unreadable), so it can gate CI; 2 when the
    paths and globs leave no file to scan.

    Examples: akool audit --ignore legacy-token-flow scripts/; akool audit --diff scripts/ | git
    apply --allow-empty (git 2.35 or later; an empty diff means nothing to fix); akool audit
    --format sarif . > akool-audit.sarif
    """
    run_audit = _audit_function()
    fmt = _format(output_format, json_out, diff)
    out = ctx.obj.output(json_mode=fmt == "json")
    reports.escape_unencodable(out, fmt)
    include, exclude = _globs(include, "--include"), _globs(exclude, "--exclude")
    paths = _check_paths(named)
    target = reports.check_target(output) if output is not None else None
    reports.refuse_scanned_target(target, paths)
    rules = _chosen_rules(select, ignore)
    result = run_audit(paths, include=include, exclude=exclude, rules=rules)
    if not result.files_scanned and not result.skipped:
        raise _nothing_to_audit(paths, include, exclude, result.reports)
    _report(out, fmt, result, target, ctx.obj)
    if not result.passed:  # an error found, or a file never read (not a passed file)
        raise typer.Exit(int(ExitCode.AUDIT_ERRORS))


def _audit_function() -> Callable[..., AuditResult]:
    """The audit, imported with the cyclic collector paused and its objects then frozen, as the
    command line's are (GC_NOTE in entry.py): its modules make objects by the hundred thousand and
    no garbage, and where no bytecode is cached (PYTHONDONTWRITEBYTECODE) compiling them from
    source made most of a one-line file's collections, more with each line the audit grew."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from akool_cli.audit.scan import audit
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return audit


def _chosen_rules(select: list[str], ignore: list[str]) -> tuple[Rule, ...]:
    from akool_cli.audit.scan import RULE_NAMES, choose_rules

    try:
        return choose_rules(_rule_names(select), _rule_names(ignore, "--ignore"))
    except KeyError as exc:
        raise UsageError(
            f"no audit rule named {exc.args[0]}", hint=f"rules: {', '.join(RULE_NAMES)}"
        ) from None


def _report(
    out: Output, fmt: str, result: AuditResult, target: Path | None, runtime: Runtime
) -> None:
    """The findings on stdout or in --output's FILE, then what was not read and the summary."""
    if target is None:
        _print(out, fmt, result)
    else:
        try:
            reports.write_whole(out, target, lambda: _print(out, fmt, result))
        except AkoolError:
            runtime.report_file = None  # (FILE as it was: the failure's document to stdout)
            raise
    for shown, why in result.skipped:
        out.warn(f"{shown}: not scanned ({why}); --exclude it to leave it out on purpose")
    for shown, what in result.reports:
        out.info(f"{shown}: not scanned ({what})")
    for text in result.notes:
        out.warn(text)
    out.info(result.summary())


def _print(out: Output, fmt: str, result: AuditResult) -> None:
    """The findings on stdout in the chosen format (the diff's own summary on stderr)."""
    if fmt == "json":
        document = [finding.to_json() for finding in result.findings] + result.skipped_json()
        _to_reader(out, lambda: out.json(document))
    elif fmt == "sarif":
        from akool_cli.audit.sarif import log

        sarif = log(result)
        _to_reader(out, lambda: out.json(sarif))
    elif fmt == "diff":
        from akool_cli.audit.fixes import patch

        fixes = patch(result.findings, applied_here=True)
        _to_reader(out, lambda: _write_patch(out, fixes.diff))
        if fixes.note:
            out.warn(fixes.note)
        for held in fixes.held:
            out.warn(held)
        left = len(result.findings) - fixes.fixed
        out.info(f"{fixes.fixed} fix(es) in {fixes.files} file(s); {left} finding(s) need a person")
    else:
        _to_reader(out, lambda: out.lines([finding.render() for finding in result.findings]))


def _to_reader(out: Output, write: Callable[[], object]) -> None:
    """stdout written; a reader that goes away (`| head`) is no error, as everywhere in akool:
    stdout is let go and the run goes on to its summary and the audit's own verdict, so a gate
    with `set -o pipefail` gets 0 or 8, never 1 (break-it D21: exit 1, nothing said). A file
    that stdout goes to (`> fixes.patch`) on a full disk gets back the size it had."""
    start = reports.stdout_offset(out.stdout)
    try:
        write()
    except BrokenPipeError:
        detach_stdout()
    except OSError as exc:
        reports.taken_back(exc, out.stdout, start)


def _nothing_to_audit(
    paths: list[Path], include: list[str], exclude: list[str], reports: list[tuple[str, str]]
) -> UsageError:
    """0 files scanned: a typo'd --include, an empty folder, only binary files. A gate must not
    pass on files it never read, nor take it for "errors found" (8, which the SARIF step of
    docs/ci.md lets through): it is the paths given that select nothing, exit 2."""
    named = ", ".join(str(p) for p in paths)
    if reports:
        shown, what = reports[0]
        return UsageError(
            f"nothing to audit: {shown} is {what} (0 files scanned)",
            hint="audit the scripts the report is about, not the report",
        )
    if include or exclude:
        globs = " ".join(
            [*(f"--include {g}" for g in include), *(f"--exclude {g}" for g in exclude)]
        )
        return UsageError(
            f"nothing to audit: no text file in {named} is left by {globs} (0 files scanned)",
            hint="check the globs: each matches a file's path under the folder or its name "
            "(--include '*.py'); without them, every text file is read",
        )
    return UsageError(
        f"nothing to audit: {named} holds no text file (0 files scanned; binary files, links, "
        ".git, node_modules and virtual environments are skipped)",
        hint="name the files or folders that hold the scripts that call AKOOL",
    )


FORMATS = ("text", "json", "sarif")
# On a terminal, a patch keeps its tabs and carriage returns; the other control characters are
# escaped as on every other line akool prints.
PATCH_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)


def _check_paths(named: list[str]) -> list[Path]:
    """Each path is a file or a folder that exists: a pipe, /dev/stdin or a device is refused,
    as scanning "0 files" there would pass a gate silently; an empty one (`akool audit
    "$CHANGED"` with nothing changed) is no path, not the current folder (break21b L5)."""
    if any(not name for name in named):
        raise UsageError(
            "an empty path was given (nothing to audit; '' is not the current folder)",
            hint="name the files or folders to scan, or . for the current folder",
        )
    paths = [Path(name) for name in named]
    for path in paths:
        _check_link(path)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(
            f"no such file or folder: {', '.join(missing)}", hint="check the path and try again"
        )
    streams = [str(p) for p in paths if not (p.is_dir() or p.is_file())]
    if streams:
        raise UsageError(
            f"not a file or folder: {', '.join(streams)} (audit reads saved files, not pipes)",
            hint="save the script to a file and audit that: cat > script.sh; akool audit script.sh",
        )
    return paths


def _check_link(path: Path) -> None:
    """A link that leads nowhere said as such, not as a missing path: a loop (`ln -s l2 l1; ln
    -s l1 l2`) or a link to a target that is not there."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(
                f"{path}: a symbolic link loop (its links lead back to themselves; "
                "nothing to read)",
                hint=f"point the link at the file or folder it stands for (ls -l {path}), "
                "or audit that file or folder itself",
            ) from None
        if path.is_symlink():
            raise UsageError(
                f"{path}: a link to {os.readlink(path)}, which does not exist",
                hint=f"point the link at an existing file or folder (ls -l {path}), "
                "or audit that file or folder itself",
            ) from None


def _write_patch(out: Output, diff: bytes) -> None:
    """The diff on stdout byte for byte when it goes to a file or a pipe, so that `| git apply`
    takes it (its lines are the user's own: their encoding, form feeds and carriage returns
    stay). On a terminal, control characters are escaped, as on every other line akool prints."""
    if getattr(out.stdout, "buffer", None) is not None and not out.stdout_tty:
        write_bytes(out.stdout, diff)
        return
    text = diff.decode("utf-8", "replace")
    if out.stdout_tty:
        text = PATCH_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    out.stdout.write(text)
    out.stdout.flush()


def _format(name: str, json_out: bool, diff: bool) -> str:
    """One of text, json, sarif or diff, from --format, --json and --diff."""
    if name not in FORMATS:
        raise UsageError(f"no output format named {name}", hint=f"formats: {', '.join(FORMATS)}")
    chosen = "json" if json_out else name
    if json_out and name not in ("text", "json"):
        raise UsageError("--json and --format sarif are two formats", hint="choose one")
    if diff and chosen != "text":
        dropped = "--json" if json_out else f"--format {chosen}"
        raise UsageError("--diff prints a diff, not findings", hint=f"drop {dropped}")
    return "diff" if diff else chosen

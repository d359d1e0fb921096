"""`akool audit --format sarif`: the findings as a SARIF 2.1.0 log for GitHub code scanning (rule
ids and descriptions, locations relative to the scanned folder, help URIs on docs.akool.com, the
mechanical fix of a finding as a SARIF fix)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from akool_cli import __version__
from akool_cli.audit.rules import RULES, Fix
from akool_cli.audit.scan import AuditResult, Finding, read_text
from akool_cli.audit.source import split_lines
from akool_cli.core.errors import EXIT_CODE_MEANINGS, ExitCode

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"
# The page of AKOOL's docs that says what each rule checks against.
RULE_PAGES = {
    "wrong-host": "authentication/usage",
    "doubtful-host": "authentication/usage",
    "both-auth-headers": "authentication/usage",
    "wrong-auth-header": "authentication/usage",
    "legacy-token-flow": "authentication/usage",
    "deprecated-endpoint": "ai-tools-suite/background-change",
}


def _uri(page: str) -> str:
    return page if page.startswith("http") else f"https://{page}"


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.name,
            "name": "".join(part.title() for part in rule.name.split("-")),
            "shortDescription": {"text": rule.summary.replace("`", "")},
            "helpUri": _uri(f"docs.akool.com/{RULE_PAGES.get(rule.name, '')}".rstrip("/")),
            "help": {"text": rule.summary.replace("`", "")},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        }
        for rule in RULES
    ]


def _artifact(name: str) -> dict[str, str]:
    """Where a file is, as SARIF wants it: a percent-encoded URI (a space, #, % or a non-ASCII
    letter in a name would make another URI), relative to the current folder when the file is
    under it, else an absolute file: URI."""
    path = os.path.relpath(os.path.abspath(name))
    if path.startswith(".."):
        return {"uri": Path(os.path.abspath(name)).as_uri()}
    # The name's bytes, percent-encoded: a name that is not UTF-8 has no other URI (break21:
    # quote() of its surrogates raised, and the log was never written).
    return {"uri": quote(os.fsencode(path.replace(os.sep, "/")), safe="/"), "uriBaseId": ROOT_ID}


def _location(finding: Finding) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(finding.file),
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endColumn": finding.column + max(1, len(finding.found)),
            },
        }
    }


def _fix(finding: Finding, fix: Fix) -> dict[str, Any]:
    return {
        "description": {"text": f"use {fix.new} (documented)"},
        "artifactChanges": [
            {
                "artifactLocation": _artifact(finding.file),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": edit.line + 1,
                            "startColumn": edit.start + 1,
                            "endColumn": edit.end + 1,
                        },
                        "insertedContent": {"text": edit.new},
                    }
                    for edit in (fix, *fix.also)
                ],
            }
        ],
    }


class Fingerprints:
    """A fingerprint per result that stays the same from run to run and when lines move (it is
    made of the rule, the file, what was found and the text of its line, not the line number),
    and differs between two places: the same finding on two identical lines is told apart by
    its rank among them."""

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {}
        self.seen: dict[str, int] = {}

    def __call__(self, finding: Finding) -> str:
        if finding.file not in self.lines:
            text = read_text(Path(finding.file)) or ""
            self.lines[finding.file] = split_lines(text)
        lines = self.lines[finding.file]
        line = lines[finding.line - 1] if finding.line <= len(lines) else ""
        key = "\0".join(
            (finding.rule, _relative(finding.file), finding.found, " ".join(line.split()))
        )
        digest = hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:32]
        rank = self.seen.get(digest, 0) + 1
        self.seen[digest] = rank
        return f"{digest}:{rank}"


def _relative(name: str) -> str:
    path = os.path.relpath(os.path.abspath(name))
    return (path if not path.startswith("..") else os.path.abspath(name)).replace(os.sep, "/")


def _result(finding: Finding, index: dict[str, int], fingerprint: Fingerprints) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.shown(finding.message)}. Documented: {finding.documented}"},
        "locations": [_location(finding)],
        "partialFingerprints": {"akoolAudit/v2": fingerprint(finding)},
        "properties": {"documented": finding.documented, "found": finding.shown(finding.found)},
    }
    if finding.help:
        result["properties"]["helpUri"] = _uri(finding.help)
    if finding.fix is not None:
        result["fixes"] = [_fix(finding, finding.fix)]
    return result


def log(result: AuditResult) -> dict[str, Any]:
    """The SARIF log of one audit: one run, every rule described, one result per finding. A
    file not scanned is an error-level tool notification, as it makes the run exit 8: the tool
    ran to completion (executionSuccessful), but its results are not complete, which SARIF
    says with an error notification; the invocation's exitCode is the command's."""
    rules = _rules()
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    fingerprint = Fingerprints()
    code = ExitCode.OK if result.passed else ExitCode.AUDIT_ERRORS
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "exitCode": int(code),
        "exitCodeDescription": _meaning(code),
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {
                    "text": f"{name}: not scanned ({why}); --exclude it to leave it out on purpose"
                },
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(name)}}],
            }
            for name, why in result.skipped
        ]
        + [
            {
                "level": "note",
                "message": {"text": f"{name}: not scanned ({what})"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(name)}}],
            }
            for name, what in result.reports
        ]
        + [{"level": "warning", "message": {"text": text}} for text in result.notes],
    }
    run = _run([_result(f, index, fingerprint) for f in result.findings], invocation)
    run["tool"]["driver"]["rules"] = rules
    return run_log(run)


# A stop signal ends an audit as it ends any akool command, but an audit creates no jobs and
# resumes nothing: its log says only that the run stopped before it had results.
STOPPED = {
    int(ExitCode.INTERRUPTED): "stopped by Ctrl-C (SIGINT) before the audit finished",
    int(
        ExitCode.TERMINATED
    ): "stopped by SIGTERM (CI, timeout, docker stop) before the audit finished",
    int(ExitCode.HANGUP): "stopped by SIGHUP (the terminal closed) before the audit finished",
}


def _meaning(code: int) -> str:
    """What an exit code means, as the README's table says it (a stop: as an audit's)."""
    if code in STOPPED:
        return STOPPED[code]
    try:
        return EXIT_CODE_MEANINGS[ExitCode(code)]
    except (ValueError, KeyError):
        return f"exit code {code}"


def failed_log(message: str, hint: str | None, code: int) -> dict[str, Any]:
    """The SARIF log of an audit that did not run (a missing path, a wrong option, nothing to
    audit): no results, executionSuccessful false, the error as an error-level notification,
    so that a SARIF consumer reads the failure instead of an empty file (`--json` prints its
    error document the same way)."""
    text = message.strip().replace("\n", " ")
    text = f"{text.rstrip('.')}. Hint: {hint}" if hint else text
    invocation = {
        "executionSuccessful": False,
        "exitCode": int(code),
        "exitCodeDescription": _meaning(code),
        "toolExecutionNotifications": [{"level": "error", "message": {"text": text}}],
    }
    return run_log(_run([], invocation))


def _run(results: list[dict[str, Any]], invocation: dict[str, Any]) -> dict[str, Any]:
    root = Path.cwd().as_uri().rstrip("/") + "/"
    return {
        "tool": {
            "driver": {
                "name": "akool audit",
                "version": __version__,
                "informationUri": "https://docs.akool.com",
            }
        },
        "originalUriBaseIds": {ROOT_ID: {"uri": root}},
        # Columns count Unicode code points, as Python's strings do (1-based).
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [invocation],
    }


def run_log(run: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

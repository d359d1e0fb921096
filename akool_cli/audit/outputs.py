"""The audit's own outputs left in a scanned tree (a SARIF log, a `--json` array of findings, a
unified diff, the text findings, a failure's JSON error document), recognised by their content: they quote the paths they found, and are reports,
not scripts, so they are neither judged nor patched; also when akool's own stderr lines follow
them (saved with `2>&1`)."""

from __future__ import annotations

import json
import re
from typing import Any

from akool_cli.audit import rx

# What a file holds, checked on its start before anything is parsed (most files are none).
SARIF_HINT = rx.compile(r'"\$schema"\s*:\s*"[^"]*sarif|"version"\s*:\s*"2\.1\.0"', re.I)
FINDING_KEYS = frozenset({"file", "line", "column", "rule", "severity", "message"})
# A unified diff's file header and its first hunk: `--- a/x`, `+++ b/x`, `@@ -1,2 +1,2 @@`.
DIFF_HEADER = rx.compile(r"^--- [^\n]*\n\+\+\+ [^\n]*\n@@ -\d", re.M)
# How a patch file starts: a diff's header, git's `diff --git`, `git format-patch`'s mail header,
# svn's `Index:`, or `git show`'s commit line.
DIFF_START = rx.compile(r"(?:--- |diff |From [0-9a-f]{7,} |From: |Index: |commit [0-9a-f]{7,})")
DIFF_LINE = rx.compile(
    r"[ +\-\\]|@@ |diff |index |new file|deleted file|similarity|rename |old mode|new mode|"
    r"Binary files |copy (?:from|to) |dissimilarity"
)
HEAD = 4096
LEADING = rx.compile(r"[\ufeff \t\r\n]*")


def own_output(text: str) -> str | None:
    """What the text is when it is one of the audit's kinds of output (said as why it was left
    out), else None."""
    leading = LEADING.match(text)
    start = leading.end() if leading else 0
    first, head = text[start : start + 1], text[start : start + HEAD]
    body = _before_own_lines(text[start:])
    if first == "{" and SARIF_HINT.search(head) and _sarif(body):
        return "a SARIF log, a report rather than a script"
    if first == "[" and '"severity"' in head and _findings(body):
        return "a JSON array of audit findings, a report rather than a script"
    if DIFF_START.match(head) and _diff(body):
        return "a unified diff, a patch rather than a script"
    if first == "{" and '"error"' in head and _error_document(body):
        return "akool's JSON error document, a report rather than a script"
    if TEXT_FINDING.match(head) and _text_findings(body):
        return "the audit's text findings, a report rather than a script"
    return None


# The lines `akool audit` writes on stderr after its report (cli/audit_cmd.py's _report and
# _print), each exactly: saved the usual CI way (`akool audit --json . > audit.json 2>&1`) they
# follow the report in its file, which is still the report (breakit34). Any other text after a
# report leaves it a file to read.
OWN_STDERR = rx.compile(
    # (the summary as it is written, and as versions before house35 wrote it: `in 0 of 1 file(s)`)
    r"\d+ error\(s\), \d+ warning\(s\), \d+ info"
    r"(?:: \d+ file\(s\) scanned, \d+ with findings| in \d+ of \d+ file\(s\) scanned)"
    r"(?:; \d+ file\(s\) not scanned)?(?:; \d+ folder\(s\) not listed)?"
    r"(?:; \d+ report\(s\) left out)?"
    r"|\d+ fix\(es\) in \d+ file\(s\); \d+ finding\(s\) need a person"
    r"|[^\n]+: not scanned \([^\n]+, a (?:report|patch) rather than a script\)"
    r"|Warning: (?:[^\n]+: not scanned \([^\n]+\); --exclude it to leave it out on purpose"
    r"|[^\n]+: left out of the patch, whose lines would print [^\n]+ as it stands; fix it by hand"
    r"|[^\n]+: left out of the patch: outside the current folder, [^\n]+"
    r"|the patch names files outside the current folder, [^\n]+"
    r"|git refuses the work tree [^\n]+|git did not say what it ignores within [^\n]+"
    r"|[^\n]+ is not a regular file \(a FIFO or a device\), so git was not asked [^\n]+)"
)


OWN_LINE_MOST = 20_000  # (a longer last line, a minified bundle's, is no line akool writes)


def _before_own_lines(body: str) -> str:
    """The text without the lines of akool's own stderr (OWN_STDERR) that end it, if any (its
    first line stays: a text that is only such lines is no report of findings)."""
    whole = end = len(body.rstrip())
    while True:
        at = body.rfind("\n", 0, end) + 1
        line = body[at:end].rstrip("\r") if end - at <= OWN_LINE_MOST else ""
        if at == 0 or OWN_STDERR.fullmatch(line) is None:
            return body[:end] if end < whole else body
        end = len(body[:at].rstrip())


# A line of the text findings: `scripts/t.py:2:17: error: ... [wrong-host]`.
TEXT_FINDING = rx.compile(
    r"[^\n]+?:\d+:\d+: (?:error|warning|info): [^\n]*\[[a-z][\w-]*\]\s*$", re.M
)


def _text_findings(body: str) -> bool:
    """Every line a finding's (blank lines aside)."""
    return all(TEXT_FINDING.fullmatch(line) for line in body.splitlines() if line.strip())


def _error_document(body: str) -> bool:
    """`{"error": {"message": ..., "exit_code": ...}}`, what --json writes for a run that failed."""
    found = _parsed(body)
    error = found.get("error") if isinstance(found, dict) else None
    return isinstance(error, dict) and len(found) == 1 and {"message", "exit_code"} <= error.keys()


def _parsed(body: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


# A SARIF log's own top-level keys, as the audit (and code scanning's other tools) write it: a
# file with any other (a Postman collection's `info` and `item`) is no SARIF log but a file that
# only carries its keys, read as what it is (repro32b: three keys kept a collection from a gate).
SARIF_LOG_KEYS = frozenset({"$schema", "version", "runs"})


def _sarif(body: str) -> bool:
    """A SARIF log and nothing else: SARIF's top-level keys only, a `version`, and `runs` a list
    of runs, each with its `tool.driver`."""
    log = _parsed(body)
    if not isinstance(log, dict) or not log.keys() <= SARIF_LOG_KEYS or "version" not in log:
        return False
    runs = log.get("runs")
    return isinstance(runs, list) and all(_a_sarif_run(run) for run in runs)


def _a_sarif_run(run: Any) -> bool:
    tool = run.get("tool") if isinstance(run, dict) else None
    return isinstance(tool, dict) and isinstance(tool.get("driver"), dict)


def _findings(body: str) -> bool:
    found = _parsed(body)
    return (
        isinstance(found, list)
        and bool(found)
        and all(isinstance(f, dict) and f.keys() >= FINDING_KEYS for f in found)
    )


def _diff(body: str) -> bool:
    """A patch: a file header and hunk, and after the first header only a diff's own lines
    (a mail's trailer, `-- ` and git's version, aside)."""
    first = DIFF_HEADER.search(body)
    if first is None:
        return False
    # (a patch's lines end in "\n" only: a lone "\r", U+2028 or "\x85" is the patched file's own
    # text inside a line, which str.splitlines would cut into strays; break21c L1)
    lines = body[first.start() :].split("\n")
    strays = [line for line in lines if line and not DIFF_LINE.match(line)]
    return len(strays) <= max(2, len(lines) // 20)

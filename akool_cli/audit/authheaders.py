"""Authorization headers set in the shapes calls.BEARER_HEADER does not read, for the rule that
both credentials are sent: a PHP, Ruby or Perl hash's key (`'Authorization' => "Bearer $t"`), a
PowerShell hashtable's (`@{ "x-api-key" = $k; "Authorization" = "Bearer $k" }`),
a subscript assigned (`req["Authorization"] = "Bearer #{t}"`, `$h['Authorization'] = ...`), a
header inside a CRLF-joined string (PHP's stream context: `"...\\r\\nAuthorization: Bearer $t"`),
Laravel's `Http::withToken($t)` (which sets `Authorization: Bearer`) in the chain that sets
the key, and .NET's typed header property (`req.Headers.Authorization = new
AuthenticationHeaderValue("Bearer", key)`, on `DefaultRequestHeaders` too) beside the key's `Add`."""

from __future__ import annotations

import re

from akool_cli.audit import rx


def header_set(names: str) -> str:
    """The pattern of a header whose name `names` matches being set, in a string, an object's
    key or a call's first argument (`"Authorization: Bearer"`, `'api-key': k`,
    `addHeader("x-akool-key", k)`), not a table row or a sentence that names it; a name
    after a hyphen is another (`Proxy-Authorization`, `x-api-key`'s `api-key`)."""
    return r"(?<![\w-])(?P<header>" + names + r")(?:\s*:|\\?[\"']\s*[:,])"


def hash_set(names: str) -> str:
    """The pattern of a header whose name `names` matches set as a hash's key (PHP's, Ruby's,
    Perl's `=>`, PowerShell's `@{ "Authorization" = ... }`) or a subscript assigned
    (`req["Authorization"] = ...`)."""
    return r"[\"'](?P<hashed>" + names + r")[\"']\s*(?:=>|=(?![=~>])|(?P<subscript>\]\s*=(?![=~])))"


BEARER_SET = rx.compile(
    r"(?<=\\n)Authorization\s*:"  # (after a `\r\n` or `\n` written in the string)
    + "|"
    + hash_set("Authorization")
    # (.NET's typed property, given a Bearer value: `new AuthenticationHeaderValue("Bearer", k)`,
    # or C# 9's target-typed `new("Bearer", k)`)
    + r"|(?<=\.)(?P<typed>Authorization)\s*=\s*new\b[\w.\s]{0,60}\(\s*\"Bearer\"",
    re.IGNORECASE,
)
# The API key set in a Laravel chain that `withToken($t)` gives its Authorization (the key's line
# is the finding's: `Http::withToken($t)->withHeaders(['x-api-key' => $k])`).
TOKEN_KEY = rx.compile(r"[\"'](?P<token>x-api-key)[\"']\s*=>", re.IGNORECASE)
WITH_TOKEN = rx.compile(r"(?:::|->)withToken\(")
# How far apart the two subscripts of one request's headers may be set, and the lines that end
# a run of such assignments (another branch's, another block's).
APART_LINES = 6
BRANCH_START = rx.compile(r"^\s*(?:\}|end\b|else\b|elsif\b|elif\b|when\b|case\b|if\b|unless\b)")


def bearer_set(line: str) -> re.Match[str] | None:
    """Where a line sets the Authorization header in one of the module's shapes."""
    if "uthorization" in line:
        found = BEARER_SET.search(line)
        if found is not None:
            return found
    return TOKEN_KEY.search(line) if "=>" in line else None  # (most lines: neither)


def assigned_apart(lines: list[str], i: int, bearer: re.Match[str]) -> str | None:
    """For a subscript or a typed property assigned (`req["Authorization"] = ...`,
    `req.Headers.Authorization = new AuthenticationHeaderValue(...)`), the run of lines around line i
    that set the same request's headers (no blank line, no branch between them), where the API
    key's subscript would be set too; None for the other shapes (the request's own text is
    theirs: an object literal, a statement)."""
    if bearer.groupdict().get("token"):
        statement = _statement(lines, i)
        return statement if WITH_TOKEN.search(statement) else ""
    if not (bearer.groupdict().get("subscript") or bearer.groupdict().get("typed")):
        return None
    return run_around(lines, i)


def run_around(lines: list[str], i: int) -> str:
    """The run of lines around line i with no blank line or branch between them (where one
    request's headers set one statement each are set)."""
    first = i
    while first > max(0, i - APART_LINES) and _same_run(lines[first - 1]):
        first -= 1
    last = i
    while last + 1 < min(len(lines), i + APART_LINES) and _same_run(lines[last + 1]):
        last += 1
    return "\n".join(lines[first : last + 1])


def _statement(lines: list[str], i: int) -> str:
    """The PHP statement around line i: from the line after the last that ends one (`;`, `{`,
    `}`) up to the next that does (APART_LINES each way at most)."""
    first = i
    while first > max(0, i - APART_LINES) and not _ends(lines[first - 1]):
        first -= 1
    last = i
    while last + 1 < min(len(lines), i + APART_LINES) and not _ends(lines[last]):
        last += 1
    return "\n".join(lines[first : last + 1])


def _ends(line: str) -> bool:
    return line.rstrip().endswith((";", "{", "}"))


def _same_run(line: str) -> bool:
    return bool(line.strip()) and BRANCH_START.match(line) is None

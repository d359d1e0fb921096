"""PowerShell's web cmdlets as the answer rules read them: `Invoke-RestMethod` (and its alias
`irm`) gives AKOOL's answer parsed, so a name bound to it (`$r = Invoke-RestMethod -Uri ...`)
holds the whole envelope, its `code` and `msg` as well as its `data`; `Invoke-WebRequest` gives
a response whose `.Content` is text, parsed apart (`ConvertFrom-Json`)."""

from __future__ import annotations

from akool_cli.audit import rx

# The statement's value is the cmdlet's: `Invoke-RestMethod -Uri $u -Headers $h`, `irm $u`,
# `Invoke-RestMethod @params`; a member taken of it in parentheses (`(irm $u).data`) is no longer
# the whole answer, and a pipe on to another command (`| Select-Object ...`) gives what that does.
REST_METHOD = rx.compile(r"(?i)\s*(?:Invoke-RestMethod|irm)\s(?P<rest>[^\n|;]*)")


def parsed(rhs: str) -> bool:
    """Whether an expression bound to a name is `Invoke-RestMethod`'s whole parsed answer."""
    m = REST_METHOD.match(rhs)
    return m is not None and rhs[m.end() : m.end() + 1] != "|"

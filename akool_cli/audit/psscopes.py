"""PowerShell's scope-qualified variables (`$script:Base`, `$global:Key`, `$using:Uri`) read as
one plain variable each: the `:` becomes `_` (`$script_Base`, offsets kept), so a module's
`$script:Base = "https://..."` is bound and joined like `$Base` is (`$env:X` stays the env's)."""

from __future__ import annotations

from akool_cli.audit import rx

SCOPED = rx.compile(r"(?i)(\$\{?(?:script|global|local|private|using)):(?=[A-Za-z_])")
POWERSHELL_FILES = (".ps1", ".psm1")


def unscoped(name: str, text: str) -> str:
    """The text of a PowerShell file with its scope qualifiers joined to their names."""
    if not name.lower().endswith(POWERSHELL_FILES) or ":" not in text:
        return text
    return SCOPED.sub(r"\1_", text)

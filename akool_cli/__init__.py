"""akool: make AKOOL talking-photo videos from Python or the command line.

    import akool_cli
    with akool_cli.Client() as client:
        job = client.talk(image_url, audio_url)
        path = client.download(job.id, "videos/")

Importing the package is free: the names below load on first use.
"""

from __future__ import annotations

import os as _os
import sys as _sys

# `python -m akool_cli` puts the current folder first on sys.path, so a `json.py` or `typing.py`
# of a folder being audited would be imported (run) in place of the standard library's. While
# `-m` imports this package, argv[0] is still "-m": drop that entry before importing anything.
if (
    _sys.argv[:1] == ["-m"]
    and not getattr(_sys.flags, "safe_path", False)
    and _sys.path[:1] in ([""], [_os.getcwd()])
):
    del _sys.path[0]

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "AkoolError",
    "AuthError",
    "AuthRejectedError",
    "BudgetExceededError",
    "Client",
    "CredentialScopeError",
    "ExitCode",
    "InterruptedByUser",
    "Job",
    "JobFailedError",
    "JobGoneError",
    "LocalStateError",
    "NotAVideoError",
    "NotGenuineError",
    "Once",
    "OtherCredentialError",
    "RateLimitedError",
    "RejectedError",
    "ResultGoneError",
    "Run",
    "TargetExistsError",
    "UnavailableError",
    "UnknownOutcomeError",
    "UnsettledAttemptError",
    "UsageError",
    "WaitTimeoutError",
    "__version__",
]

if TYPE_CHECKING:
    from akool_cli.client import Client, Job, Once, Run
    from akool_cli.core.errors import (
        AkoolError,
        AuthError,
        AuthRejectedError,
        BudgetExceededError,
        CredentialScopeError,
        ExitCode,
        InterruptedByUser,
        JobFailedError,
        JobGoneError,
        LocalStateError,
        NotGenuineError,
        OtherCredentialError,
        RejectedError,
        ResultGoneError,
        TargetExistsError,
        UnavailableError,
        UnknownOutcomeError,
        UnsettledAttemptError,
        UsageError,
        WaitTimeoutError,
    )
    from akool_cli.jobs.download import NotAVideoError
    from akool_cli.net.api import RateLimitedError

# Where each name lives (every other one is in akool_cli.core.errors). Every AkoolError the
# library raises is importable from here (a test walks the package for them).
_HOMES = {
    "Client": "akool_cli.client",
    "Job": "akool_cli.client",
    "Once": "akool_cli.client",
    "Run": "akool_cli.client",
    "NotAVideoError": "akool_cli.jobs.download",
    "RateLimitedError": "akool_cli.net.api",
}


def __dir__() -> list[str]:
    """The public names only (not the subpackages an import loaded)."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in __all__ and name != "__version__":
        import importlib

        module = importlib.import_module(_HOMES.get(name, "akool_cli.core.errors"))
        return getattr(module, name)
    raise AttributeError(f"module 'akool_cli' has no attribute {name!r}")

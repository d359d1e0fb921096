"""A local AKOOL-compatible server that answers like the documented API, for tests and demos.

It reads akool_cli.core.contract (the shared description of the API) and never the client modules.
"""

from akool_cli.sandbox.server import Sandbox, start_sandbox
from akool_cli.sandbox.state import SandboxConfig

__all__ = ["Sandbox", "SandboxConfig", "start_sandbox"]

"""Settings of an app that signs in on AKOOL's website and makes talking photos."""
import os

AKOOL_ACCOUNT_BASE = os.environ.get("AKOOL_ACCOUNT_BASE", "https://api.akool.com")
AKOOL_CLONE_BASE = "https://api.akool.com"

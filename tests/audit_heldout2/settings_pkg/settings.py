"""Runtime settings, read from the environment."""

import os

AKOOL_API_URL = os.getenv("AKOOL_API_URL", "https://openapi.akool.com")
AKOOL_API_KEY = os.getenv("AKOOL_API_KEY", "")
REQUEST_TIMEOUT = int(os.getenv("REQUEST_TIMEOUT", "60"))

"""Settings for the video pipeline."""

import os

AKOOL_BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open")
AKOOL_KEY = os.getenv("AKOOL_API_KEY", "")

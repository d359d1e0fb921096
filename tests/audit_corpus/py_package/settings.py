import os

AKOOL_BASE_URL = os.getenv("AKOOL_BASE_URL", "https://openapi.akool.com/api/open")
TIMEOUT = 30

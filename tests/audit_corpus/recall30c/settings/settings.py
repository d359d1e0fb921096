import os

AKOOL = {
    "base": os.environ.get("AKOOL_BASE", "https://openapi.akool.com/api/open/v3"),
    "key": os.environ.get("AKOOL_API_KEY", ""),
}

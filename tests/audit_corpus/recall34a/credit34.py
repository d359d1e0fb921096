"""Print the AKOOL credit left, and stop a batch when the call fails."""
import os
import sys

import requests

QUOTA_URL = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def credit() -> float:
    body = requests.get(QUOTA_URL, headers=HEADERS, timeout=30).json()
    if body["code"] != 200:
        sys.exit(f"AKOOL error: {body}")
    return body["data"]["credit"]


def credit_checked() -> float:
    out = requests.get(QUOTA_URL, headers=HEADERS, timeout=30).json()
    if out["code"] != 1000:
        sys.exit(f"AKOOL error: {out}")
    return out["data"]["credit"]

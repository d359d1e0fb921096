"""Ask each API version for its voice list until one answers."""

import os

import requests

AKOOL_OPEN_API = "https://openapi.akool.com/api/open"


def voices():
    for version in ("v3", "v4"):
        r = requests.get(
            f"{AKOOL_OPEN_API}/{version}/voice/list?language=en",
            headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
        )
        if r.ok:
            return r.json()
    return None


def voices_right():
    for version in ("v4", "v3"):
        r = requests.get(f"{AKOOL_OPEN_API}/{version}/voice/list?type=2&page=1")
        if r.ok:
            return r.json()
    return None

"""Build the candidate URLs first, then try them."""

import os

import requests

AKOOL_BASE_URL = "https://openapi.akool.com/api/open"
CANDIDATE_PATHS = ["/v3/voice/list?lang=pt", "/v4/voice/list?type=2&lang=pt"]


def voices():
    urls = [AKOOL_BASE_URL + p for p in CANDIDATE_PATHS]
    for u in urls:
        r = requests.get(u, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
        if r.ok:
            return r.json()
    return None

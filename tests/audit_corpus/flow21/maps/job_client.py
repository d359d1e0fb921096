import os

import requests

AKOOL_BASE = "https://openapi.akool.com/api/open"
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def akool_get_json(path, params=None):
    return requests.get(AKOOL_BASE + path, headers=HEADERS, params=params, timeout=30).json()


def akool_send(path, body):
    return requests.post(f"{AKOOL_BASE}{path}", headers=HEADERS, json=body, timeout=30).json()

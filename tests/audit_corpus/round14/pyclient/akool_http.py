"""Minimal AKOOL HTTP helpers (keyword arguments go straight to requests)."""

import os

import requests

AKOOL_ENDPOINT = "https://openapi.akool.com/api/open"


def akool_request(path, **kwargs):
    headers = {"x-api-key": os.environ["AKOOL_API_KEY"]}
    resp = requests.get(AKOOL_ENDPOINT + path, headers=headers, timeout=30, **kwargs)
    resp.raise_for_status()
    return resp.json()

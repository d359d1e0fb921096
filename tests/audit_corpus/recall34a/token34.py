"""Fetch an AKOOL token the legacy way (clientId/clientSecret)."""
import os

import requests


def fetch_token() -> str:
    res = requests.post(
        "https://openapi.akool.com/api/open/v3/getToken",
        json={"clientId": os.environ["CID"], "clientSecret": os.environ["CS"]},
    ).json()
    if res["code"] == 200:
        return res["token"]
    raise RuntimeError(res)


def fetch_token_checked() -> str:
    out = requests.post(
        'https://openapi.akool.com/api/open/v3/getToken',
        json={"clientId": os.environ["CID"], "clientSecret": os.environ["CS"]},
    ).json()
    if out["code"] != 1000:
        raise RuntimeError(out)
    return out["token"]

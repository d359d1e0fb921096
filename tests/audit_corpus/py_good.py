"""Documented calls only: no findings expected."""

import os

import requests

BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com")
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def swap_plus(source, target):
    body = {
        "source_url": source,
        "target_url": target,
        "model_style": "realistic",
        "webhookUrl": "",
    }
    r = requests.post(
        BASE + "/api/open/v4/faceswap/faceswapPlusByImage", json=body, headers=HEADERS
    )
    return r.json()["data"]["_id"]


def results(ids):
    r = requests.get(
        BASE + "/api/open/v3/faceswap/result/listbyids",
        params={"_ids": ",".join(ids)},
        headers=HEADERS,
    )
    return [item["url"] for item in r.json()["data"]["result"]]


def detect(url):
    return requests.post(
        BASE + "/interface/detect-api/detect_faces", json={"url": url, "single_face": True}
    ).json()

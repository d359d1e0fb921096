"""Makes talking-photo videos through the script's own helper, which sends the body as given."""

import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"


def akool_post(path: str, body: dict) -> dict:
    r = requests.post(BASE + path, json=body, headers={"x-api-key": os.environ["AKOOL_API_KEY"]}, timeout=60)
    r.raise_for_status()
    return r.json()


def akool_post_hooked(path: str, body: dict) -> dict:
    body["webhookUrl"] = os.environ.get("HOOK", "")
    r = requests.post(BASE + path, json=body, headers={"x-api-key": os.environ["AKOOL_API_KEY"]}, timeout=60)
    return r.json()


def make(photo: str) -> str:
    return akool_post("/content/video/createbytalkingphoto", {"talking_photo_url": photo, "resolution": "720"})["data"]["_id"]


def make_hooked(photo: str) -> str:
    return akool_post_hooked("/content/video/createbytalkingphoto", {"talking_photo_url": photo})["data"]["_id"]

"""Notebook helper: animate product shots with AKOOL image-to-video (stdlib only)."""
import json
import os
import urllib.request

API = os.environ.get("AKOOL_URL", "https://openapi.akool.com") + "/api/open/v4"


def call(path, payload=None, method="POST"):
    req = urllib.request.Request(
        API + path,
        data=json.dumps(payload).encode() if payload is not None else None,
        method=method,
        headers={"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.load(resp)


def animate(img):
    job = call("/image2Video/createBySourcePrompt", {"image_url": img, "prompt": "slow zoom in", "resolution": "480p", "video_length": 5})
    return job["data"]["_id"]


def results(ids):
    return call("/image2Video/resultsByIds", {"_ids": ",".join(ids)})["data"]["result"]


def forget(ids):
    return call("/image2Video/delete", {"_ids": ",".join(ids)})

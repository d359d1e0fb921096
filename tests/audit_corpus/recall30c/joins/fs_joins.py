import os

import requests

API = "https://openapi.akool.com/api/open/v3"
CACHE = os.path.join(os.path.dirname(__file__), "cache")


def status(video_id: str) -> dict:
    r = requests.get(os.path.join(API, "content/video/status"), params={"id": video_id})
    with open(os.path.join(CACHE, "content/video/status.json"), "w") as f:
        f.write(r.text)
    return r.json()

"""List the team's avatars and pick the first usable one."""
import os

import requests

AKOOL = os.getenv("AKOOL_ENDPOINT", "https://openapi.akool.com")
KEY = os.environ["AKOOL_API_KEY"]


def avatars(page=1):
    r = requests.get(f"{AKOOL}/api/open/v3/avatar/list", params={"page": page, "size": 50, "from": 2}, headers={"x-api-key": KEY})
    return r.json()["data"]


def first_ready():
    for a in avatars():
        if a["status"] == 2:
            return a["avatar_id"]
    return None


def video(avatar_id, text):
    r = requests.post(f"{AKOOL}/api/open/v3/avatar/createVideoByText", json={"avatar_id": avatar_id, "text": text}, headers={"x-api-key": KEY})
    return r.json()["data"]["_id"]

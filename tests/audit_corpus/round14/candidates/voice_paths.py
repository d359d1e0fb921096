"""Voice catalogue sync: try each known voice list path until one answers."""

import os

import requests

AKOOL_API = "https://openapi.akool.com/api/open"
SESSION = requests.Session()
SESSION.headers["x-api-key"] = os.environ.get("AKOOL_API_KEY", "")

VOICE_LIST_PATHS = [
    "/v3/voice/list?language=en-US",
    "/v4/voice/list?type=2&language=en-US",
    "/v4/voice/list?page=1&size=100",
]
AVATAR_LIST_PATHS = ("/v3/avatar/list?from=2", "/v4/liveAvatar/avatar/list?page=1&size=50")


def sync_voices():
    for path in VOICE_LIST_PATHS:
        resp = SESSION.get(AKOOL_API + path, timeout=15)
        if resp.ok:
            return resp.json()
    raise RuntimeError("no voice list answered")


def sync_languages():
    for path in ("/v3/language/list?lang=en", "/v3/voice/list?from=4&lang=en"):
        resp = SESSION.get(f"{AKOOL_API}{path}", timeout=15)
        if resp.ok:
            return resp.json()
    return None


def sync_avatars():
    for path in AVATAR_LIST_PATHS:
        resp = SESSION.get(AKOOL_API + path, timeout=15)
        if resp.ok:
            return resp.json()
    return None


def upload(path, payload):
    return SESSION.post(AKOOL_API + path, json=payload, timeout=60)

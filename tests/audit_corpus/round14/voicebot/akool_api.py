"""Thin wrappers around the AKOOL open API used by the voice bot."""

import os

import requests

AKOOL_BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open")
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def akool_get(path, params=None):
    resp = requests.get(f"{AKOOL_BASE}{path}", params=params, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()


def list_voices(voice_type=2, page=1):
    r = requests.get(
        f"{AKOOL_BASE}/v4/voice/list",
        params={"type": voice_type, "page": page, "size": 50},
        headers=HEADERS,
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


def list_avatars():
    r = requests.get(f"{AKOOL_BASE}/v3/avatar/list", headers=HEADERS, timeout=30)
    return r.json()["data"]


def list_live_avatars(page=1):
    r = requests.get(f"{AKOOL_BASE}/v4/liveAvatar/avatar/list", params={"page": page}, headers=HEADERS)
    return r.json()

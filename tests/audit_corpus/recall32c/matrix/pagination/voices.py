"""Lists every voice, page by page."""

import os

import requests

BASE = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def all_voices() -> list[dict]:
    voices, page = [], 1
    while True:
        r = requests.get(f"{BASE}/voice/list", params={"type": 1, "page": page, "size": 100}, headers=H)
        data = r.json()["data"]
        voices += data["result"]
        if len(voices) >= data["total"]:
            return voices
        page += 1


def names() -> list[str]:
    return [v["voice_name"] for v in all_voices()]

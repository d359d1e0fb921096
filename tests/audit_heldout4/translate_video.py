#!/usr/bin/env python3
"""Translate a product video into Spanish with AKOOL and download the result."""
import os
import sys
import time

import requests

AKOOL_BASE_URL = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}


def translate(video_url: str, lang: str = "es") -> str:
    payload = {"url": video_url, "target_language": lang, "lipsync": True}
    resp = requests.post(f"{AKOOL_BASE_URL}/content/video/createbytranslate", json=payload, headers=HEADERS, timeout=60)
    resp.raise_for_status()
    return resp.json()["data"]["_id"]


def wait(video_id: str) -> str:
    for _ in range(120):
        resp = requests.get(f"{AKOOL_BASE_URL}/content/video/infobymodelid", params={"video_model_id": video_id}, headers=HEADERS, timeout=30)
        data = resp.json()["data"]
        if data["video_status"] == 3:
            return resp.json()["data"]["video_url"]
        time.sleep(10)
    raise TimeoutError(video_id)


if __name__ == "__main__":
    print(wait(translate(sys.argv[1])))

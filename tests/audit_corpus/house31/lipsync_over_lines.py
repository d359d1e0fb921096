"""Starts a lip-sync job (black's layout: the call over lines, parsed at its close)."""
import os

import requests

HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}

j = requests.post(
    "https://openapi.akool.com/api/open/v3/content/video/lipsync",
    headers=HEADERS,
    json={"video_url": "https://example.com/v.mp4", "audio_url": "https://example.com/a.mp3"},
).json()
if j["code"] != 0:
    raise SystemExit(j.get("msg"))
print(j["data"]["_id"])

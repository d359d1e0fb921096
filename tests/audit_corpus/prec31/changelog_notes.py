"""Lip sync through AKOOL (moved off the old host in 2025)."""
import os

import requests

# Old endpoint (kept for the changelog, do not use):
#   https://api.akool.com/api/open/v3/content/video/lipsync
# before that we posted to https://api.akool.com/api/open/v3/content/video/lipsync;
URL = "https://openapi.akool.com/api/open/v3/content/video/lipsync"


def lipsync(video_url, audio_url):
    r = requests.post(URL, json={"video_url": video_url, "audio_url": audio_url},
                      headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()["data"]["_id"]

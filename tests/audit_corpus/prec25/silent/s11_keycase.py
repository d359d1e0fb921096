import requests
from humps import decamelize

BASE = "https://openapi.akool.com/api/open/v3"


def lipsync(video_url, audio_url):
    payload = decamelize({"videoUrl": video_url, "audioUrl": audio_url, "webhookUrl": "https://me/h"})
    return requests.post(f"{BASE}/content/video/lipsync", json=payload).json()["data"]["_id"]

"""Retries AKOOL calls with tenacity."""

import os

import requests
from tenacity import retry, stop_after_attempt, wait_exponential

BASE = os.getenv("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


@retry(stop=stop_after_attempt(5), wait=wait_exponential(min=1, max=30))
def create(photo: str, audio: str) -> str:
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio}, headers=H, timeout=30)
    r.raise_for_status()
    return r.json()["data"]["_id"]


@retry(stop=stop_after_attempt(10), wait=wait_exponential(min=2, max=60))
def status(video_id: str) -> int:
    r = requests.get(f"{BASE}/content/video/status", params={"video_model_id": video_id}, headers=H, timeout=30)
    r.raise_for_status()
    return r.json()["data"]["video_status"]

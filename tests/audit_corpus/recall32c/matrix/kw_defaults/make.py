"""Talking photos with the resolution a keyword parameter gives."""

import os

import requests

API = "https://openapi.akool.com/api/open/v3"


def make(photo: str, audio: str, resolution: str = "720p", hook: str | None = None) -> str:
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": resolution}
    if hook:
        body["webhookUrl"] = hook
    r = requests.post(f"{API}/content/video/createbytalkingphoto", json=body, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()["data"]["_id"]


def draw(prompt: str, *, scale: str = "16:9") -> str:
    r = requests.post(f"{API}/content/image/createbyprompt", json={"prompt": prompt, "scale": scale}, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()["data"]["_id"]


if __name__ == "__main__":
    print(make("https://x/p.jpg", "https://x/a.mp3"))
    print(make("https://x/p.jpg", "https://x/a.mp3", resolution="1080"))

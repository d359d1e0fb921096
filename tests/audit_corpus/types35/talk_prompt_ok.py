import os

import requests

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def talk(photo: str, audio: str, prompt: str) -> str:
    body = {"talking_photo_url": photo, "audio_url": audio, "prompt": "42 words, smiling"}
    if prompt:
        body["prompt"] = prompt
    r = requests.post(TALK, headers=HEADERS, json=body, timeout=30)
    return r.json()["data"]["_id"]


def forget(voice_ids: list[str]) -> None:
    requests.post("https://openapi.akool.com/api/open/v4/voice/del", headers=HEADERS,
                  json={"_ids": list(voice_ids)}, timeout=30)

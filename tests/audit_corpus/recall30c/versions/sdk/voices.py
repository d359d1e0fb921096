import requests

from .constants import V3, V4


def list_voices(key: str) -> list[dict]:
    r = requests.get(f"{V4}/voice/list", params={"type": 1}, headers={"x-api-key": key})
    return r.json()["data"]["result"]


def voice_detail(key: str, voice_id: str) -> dict:
    r = requests.get(V4 + "/voice/info", params={"voice_id": voice_id}, headers={"x-api-key": key})
    return r.json()["data"]


def talking_photo(key: str, photo: str, audio: str) -> str:
    r = requests.post(
        V3 + "/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": audio, "resolution": "1080p"},
        headers={"x-api-key": key},
    )
    return r.json()["data"]["_id"]

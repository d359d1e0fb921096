"""Jobs of the video pipeline: talking photos and live avatars."""

from urllib.parse import urljoin

import requests

from config import AKOOL_BASE, AKOOL_KEY

HEADERS = {"x-api-key": AKOOL_KEY}


def talking_photo(photo: str, audio: str) -> str:
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "1080"}
    r = requests.post(f"{AKOOL_BASE}/v3/content/video/createbytalkingphoto", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]


def video_status(vid: str) -> dict:
    return requests.get(f"{AKOOL_BASE}/v3/video/status/{vid}", headers=HEADERS).json()


def legacy_talking_photo(photo: str, audio: str) -> dict:
    return requests.post(AKOOL_BASE + "/v1/photo/talking", json={"talking_photo_url": photo, "audio_url": audio}, headers=HEADERS).json()


def live_session(avatar: str) -> dict:
    url = urljoin(AKOOL_BASE + "/", "v4/liveAvatar/session/create")
    return requests.post(url, json={"avatar_id": avatar, "stream_type": "webrtc"}, headers=HEADERS).json()

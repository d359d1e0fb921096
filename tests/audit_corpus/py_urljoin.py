from urllib.parse import urljoin

import requests

AKOOL = "https://openapi.akool.com/api/open/v4/"


def session(avatar):
    return requests.post(
        urljoin(AKOOL, "liveAvatar/session/create"),
        json={"avatar_id": avatar, "stream_type": "webrtc"},
    ).json()


def voices():
    return requests.get(urljoin(AKOOL, "voice/list"), params={"page": 1, "size": 20}).json()


def tts(text, voice):
    return requests.post(urljoin(AKOOL, "voice/tts"), json={"text": text, "voice_id": voice}).json()

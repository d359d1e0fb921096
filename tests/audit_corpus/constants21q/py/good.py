import requests

import settings
from paths import Paths


def talk_ok(photo, audio):
    r = requests.post(f"{settings.BASE}{Paths.TALK}", json={"talking_photo_url": photo, "audio_url": audio})
    return r.json()["data"]["_id"]


def poll_ok(video_id):
    r = requests.get(settings.BASE + Paths.INFO, params={"video_model_id": video_id})
    return r.json()["data"]["video_status"]

import requests

import settings
from paths import Guessed, Paths

V3 = "https://openapi.akool.com/api/open/v3"


def talk(photo, audio):
    r = requests.post(f"{settings.BASE}{Paths.TALK}", json={"talking_photo_url": photo, "audio_url": audio})
    return r.json()["data"]["_id"]


def poll(video_id):
    r = requests.post(settings.BASE + Paths.INFO, params={"video_model_id": video_id})
    return r.json()["data"]["video_status"]


def poll_guess(video_id):
    return requests.get(V3 + Guessed.RESULT + video_id).json()


def talk_guess(body):
    return requests.post(f"{V3}{Guessed.TALKING}", json=body).json()

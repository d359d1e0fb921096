import requests

from settings import AKOOL

H = {"x-api-key": AKOOL["key"]}


def imagine(prompt):
    r = requests.post(AKOOL["base"] + "/content/image/createbyimagine", json={"prompt": prompt}, headers=H)
    return r.json()["data"]["_id"]


def talk(photo, audio):
    r = requests.post(AKOOL["base"] + "/content/video/createbytalkingphotos", json={"talking_photo_url": photo, "audio_url": audio}, headers=H)
    return r.json()["data"]["_id"]

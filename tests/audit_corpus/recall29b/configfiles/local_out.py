import os

import requests

OUT = os.path.join(os.path.dirname(__file__), "out")
BASE = "https://openapi.akool.com/api/open/v3"


def save(name, data):
    with open(OUT + "/content/video/" + name, "wb") as fh:
        fh.write(data)


def talk(photo, audio):
    return requests.post(BASE + "/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio}).json()

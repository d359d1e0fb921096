import requests

TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
_seen = {}
session = requests.Session()


def talk(photo, audio):
    if _seen.get(TALK_URL):
        return _seen[TALK_URL]
    r = session.get(TALK_URL, params={"talking_photo_url": photo, "audio_url": audio})
    return r.json()["data"]["_id"]

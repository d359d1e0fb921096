import requests

V3 = "https://openapi.akool.com/api/open/v3"
TALK = f"{V3}/content/video/createbytalkingphoto"


def talk(photo, audio, quality="1080p"):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": quality[:-1] if quality else "1080p"}
    return requests.post(TALK, json=body).json()


def talk_converted(photo, audio):
    return requests.post(TALK, json={"talking_photo_url": photo, "audio_url": audio, "resolution": str(4)}).json()

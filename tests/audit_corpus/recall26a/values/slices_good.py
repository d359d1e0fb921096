import requests

V3 = "https://openapi.akool.com/api/open/v3"
TALK = f"{V3}/content/video/createbytalkingphoto"


def talk(photo, audio, quality="1080p"):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": quality[:-1]}
    return requests.post(TALK, json=body).json()


def talk_checked(photo, audio, quality):
    resolution = quality[:-1] if quality.endswith("p") else quality
    return requests.post(TALK, json={"talking_photo_url": photo, "audio_url": audio, "resolution": resolution}).json()


def talk_height(photo, audio, height):
    return requests.post(TALK, json={"talking_photo_url": photo, "audio_url": audio, "resolution": str(height)[:4]}).json()


def talk_converted(photo, audio):
    return requests.post(TALK, json={"talking_photo_url": photo, "audio_url": audio, "resolution": str(1080)}).json()


def talk_joined(photo, audio, quality):
    digits = "".join(c for c in quality if c.isdigit())
    return requests.post(TALK, json={"talking_photo_url": photo, "audio_url": audio, "resolution": "{}".format(digits)}).json()

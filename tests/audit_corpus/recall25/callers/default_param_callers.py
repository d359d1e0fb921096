import requests

BASE = "https://openapi.akool.com/api/open/v3"


def talk(p, a, resolution="720"):
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a, "resolution": resolution})


def hd(p, a):
    return talk(p, a, "1080p")


def hd2(p, a):
    return talk(p, a, resolution="4k")


def sd(p, a):
    return talk(p, a, "720")

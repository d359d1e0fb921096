import requests

URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def hd_options() -> dict[str, int]:
    return {"resolution": 1080}


def talk(photo: str, audio: str, key: str) -> object:
    body: dict[str, int] = {"resolution": 1080}
    r = requests.post(URL, json={**body, "talking_photo_url": photo, "audio_url": audio}, headers={"x-api-key": key})
    return r.json()

import httpx

app = httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": "k"})
server = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")


def talk(photo: str, audio: str) -> dict:
    r = app.post(
        "/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": audio, "resolution": "720p"},
    )
    return r.json()


def talk2(photo: str, voice: str) -> dict:
    r = server.post(
        "/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": voice, "resolution": "720p"},
    )
    return r.json()


def fire(photo: str, track: str) -> None:
    app.post(
        "/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": track, "resolution": "720p"},
    )

import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
CALLBACK = "http://localhost:3007/api/open/v3/test/webhook"
MY_SERVER = "https://myapp.example.com/api/open/v3/content/video/done"


def create(photo, audio):
    body = {"talking_photo_url": photo, "audio_url": audio, "webhookUrl": CALLBACK}
    return requests.post(f"{AKOOL}/content/video/createbytalkingphoto", json=body).json()

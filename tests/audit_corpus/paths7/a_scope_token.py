"""Talking photo jobs: token, create, then download the result."""
import os

import requests

BASE = "https://openapi.akool.com"


def create(photo, audio):
    url = f"{BASE}/api/open/v3/content/video/createbytalkingphoto"
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720"}
    r = requests.post(url, json=body, headers={"x-api-key": os.environ["AKOOL_KEY"]})
    return r.json()["data"]["_id"]


def download(url, dest):
    r = requests.get(url, stream=True, timeout=60)
    with open(dest, "wb") as fh:
        for chunk in r.iter_content(65536):
            fh.write(chunk)


def head(url):
    return requests.head(url).status_code


def poll(video_id):
    url = f"{BASE}/api/open/v3/content/video/infobymodelid"
    return requests.post(url, params={"video_model_id": video_id}).json()

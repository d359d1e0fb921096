"""Talking photo and image jobs whose bodies are built by helpers before they are sent."""
import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": "k"}


def build_body(url, audio):
    return {"talking_photo_url": url, "audio_url": audio, "resolution": "720p"}


def image_body(prompt):
    body = {"prompt": prompt}
    body["size"] = "1:1"
    return body


def good_body(url, audio):
    return {"talking_photo_url": url, "audio_url": audio, "resolution": "1080"}


def talk(url, audio):
    r = requests.post(BASE + "/content/video/createbytalkingphoto", headers=HEADERS, json=build_body(url, audio))
    return r.json()


def image(prompt):
    payload = image_body(prompt)
    return requests.post(f"{BASE}/content/image/createbyprompt", headers=HEADERS, json=payload).json()


def talk_hd(url, audio):
    return requests.post(BASE + "/content/video/createbytalkingphoto", headers=HEADERS, json=good_body(url, audio)).json()

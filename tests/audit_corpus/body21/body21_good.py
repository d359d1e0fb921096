"""The same calls, as the docs have them: nothing to report."""
import os

import requests

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def swap(image, video):
    body = {"image": image, "video": video, "prompt": "keep the lighting"}
    return requests.post(f"{V4}/characterSwap/create", headers=HEADERS, json=body).json()


def speak(text, voice):
    body = {"input_text": text, "voice_id": voice, "language_code": "pt", "voice_options": {"speed": 1_0e-1}}
    return requests.post(f"{V4}/voice/tts", headers=HEADERS, json=body).json()


def clone(sample):
    return requests.post(f"{V4}/voice/clone", headers=HEADERS, json={"source_voice_file": sample, "name": "n"}).json()


def render(hd, elements):
    width = 3840
    height = 2160
    body = {"width": width, "height": height, "avatar_from": 2, "elements": elements}
    return requests.post(f"{V3}/talkingavatar/create", headers=HEADERS, json=body).json()


def talk(photo, audio, hook):
    payload = {}
    payload["talking_photo_url"] = photo
    payload["audio_url"] = audio
    if hook:
        payload["webhookUrl"] = hook
    return requests.post(f"{V3}/content/video/createbytalkingphoto", headers=HEADERS, json=payload).json()

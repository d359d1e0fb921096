"""Talking avatar's elements[] built under their own names before the body holds them."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def post(path, body):
    return requests.post(BASE + path, json=body, headers=H).json()


def one(voice_id, text, avatar):
    item = {"type": 2, "avatar_id": avatar, "voice_id": voice_id, "input_text": text}
    return post("/talkingavatar/create", {"width": 3840, "height": 2160, "elements": [item]})


def inline(voice_id, text, avatar):
    item = {"type": 2, "avatar_id": avatar, "voice_id": voice_id, "input_text": text}
    body = {"width": 3840, "height": 2160, "elements": [item]}
    return requests.post(f"{BASE}/talkingavatar/create", json=body, headers=H).json()


def looped(avatar, lines):
    payload = {"width": 3840, "height": 2160, "elements": []}
    for text in lines:
        scene = {"type": 2, "avatar_id": avatar, "input_text": text, "voice_id": "v1"}
        payload["elements"].append(scene)
    return requests.post(f"{BASE}/talkingavatar/create", json=payload, headers=H).json()


def direct(voice_id, text, avatar):
    scene = {"type": 2, "avatar_id": avatar, "voice_id": voice_id, "input_text": text}
    return requests.post(
        f"{BASE}/talkingavatar/create", json={"width": 3840, "elements": [scene]}, headers=H
    ).json()


def options(text, voice):
    voice_options = {"stability": 0.5, "speed": 1.0}
    body = {"input_text": text, "voice_id": voice, "voice_options": voice_options}
    return requests.post(
        "https://openapi.akool.com/api/open/v4/voice/tts", json=body, headers=H
    ).json()

"""Midjourney-style upscale, a voice clone and a TTS call, with values the docs give only in prose."""
import os

import requests

H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def upscale(image_id):
    return requests.post(f"{V3}/content/image/createbybutton", json={"_id": image_id, "button": "U5"}, headers=H).json()


def clone(sample):
    body = {"source_voice_file": sample, "voice_model_name": "Akool Multilingual 2"}
    return requests.post(f"{V4}/voice/clone", json=body, headers=H).json()


def speak(text, voice):
    return requests.post(f"{V3}/audio/create", json={"input_text": text, "voice_id": voice, "rate": "1.2"}, headers=H).json()

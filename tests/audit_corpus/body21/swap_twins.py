"""Character swap and TTS with field names one word off the documented ones."""
import os

import requests

V4 = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def swap(image, video):
    body = {"image_url": image, "video_url": video, "prompt": "keep the lighting"}
    return requests.post(f"{V4}/characterSwap/create", headers=HEADERS, json=body).json()


def speak(text, voice):
    return requests.post(
        f"{V4}/voice/tts",
        headers=HEADERS,
        json={"input_text": text, "voice_id": voice, "language": "pt"},
    ).json()

"""Voice lab text to speech with the normalization switched by a flag (documented modes)."""
import os

import requests

URL = "https://openapi.akool.com/api/open/v4/voice/tts"


def speak(text, voice_id, normalize=False):
    body = {
        "input_text": text,
        "voice_id": voice_id,
        "extra_options": {"apply_text_normalization": "on" if normalize else "auto", "latex_read": False},
    }
    r = requests.post(URL, headers={"x-api-key": os.environ["AKOOL_API_KEY"]}, json=body, timeout=60)
    return r.json()["data"]["_id"]

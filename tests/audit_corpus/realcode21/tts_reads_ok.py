"""Text to speech with a cloned voice; the answer's id and preview are read where the docs put them."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def speak(text, voice_id):
    r = requests.post(f"{BASE}/voice/tts", headers=HEADERS, json={"input_text": text, "voice_id": voice_id})
    body = r.json()
    job_id = body["data"]["_id"]
    preview = body["data"]["preview"]
    return job_id, preview, body["data"]["voice_id"]

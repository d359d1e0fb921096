"""Text to speech with a cloned voice; the answer's id and preview are read back."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def speak(text, voice_id):
    r = requests.post(f"{BASE}/voice/tts", headers=HEADERS, json={"input_text": text, "voice_id": voice_id})
    body = r.json()
    job_id = body["data_id"]
    preview = body["data"]["previwe"]
    return job_id, preview, body["data"]["voiceId"]

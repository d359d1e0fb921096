import os

import requests

V4 = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def speak(text: str, voice: str, lang: str = "es") -> str:
    body = {"input_text": text, "voice_id": voice, "language_code": lang}
    return requests.post(f"{V4}/voice/tts", headers=HEADERS, json=body).json()["data"]["_id"]


def clone(url: str) -> str:
    body = {"source_voice_file": url, "voice_options": {"language": "en"}}
    return requests.post(f"{V4}/voice/clone", headers=HEADERS, json=body).json()["data"]["_id"]

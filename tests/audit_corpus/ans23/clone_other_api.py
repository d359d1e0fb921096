"""A voice-clone client written against an API of its own imagining (`/api/v1/...` on api.akool.com):
the host and the path are findings; its body is not judged against v4 voice/clone's page."""

import os

import requests

BASE = "https://api.akool.com"
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def clone_voice(name: str, sample_url: str) -> str:
    body = {"name": name, "audio_file": sample_url, "language": "en", "denoise": True}
    resp = requests.post(f"{BASE}/api/v1/voice/clone", json=body, headers=HEADERS, timeout=60)
    resp.raise_for_status()
    return resp.json()["data"]["voice_id"]

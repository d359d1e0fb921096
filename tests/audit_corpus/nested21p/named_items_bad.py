"""An item built under its own name and held by a key the docs do not list: the key is the finding,
never the item's fields."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def make(voice_id, text, avatar):
    item = {"type": 2, "avatar_id": avatar, "voice_id": voice_id, "input_text": text}
    return requests.post(f"{BASE}/talkingavatar/create", json={"width": 3840, "scenes": [item]}, headers=H).json()

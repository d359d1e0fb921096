import os

import requests

KEY = os.environ["AKOOL_API_KEY"]


def speak(text, voice):
    r = requests.post("https://api.akool.com/v2/text-to-speech", headers={"x-api-key": KEY}, json={"text": text, "voice": voice})
    return r.json()

"""Correct AKOOL reads beside caught exceptions and another vendor's answer: no finding."""

import requests

BASE = "https://openapi.akool.com"

def create(photo, audio):
    try:
        r = requests.post(f"{BASE}/api/open/v3/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio}, headers={"x-api-key": "k"})
        body = r.json()
        if body["code"] != 1000:
            raise RuntimeError(body["msg"])
        return body["data"]["_id"]
    except requests.HTTPError as e:
        print(e.response.json().get("message"), str(e))
        raise
    except Exception as e:
        print(getattr(e, "message", str(e)))
        raise

def openai_speech(text):
    r = requests.post("https://api.openai.com/v1/audio/speech", json={"input": text})
    data = r.json()
    if "error" in data:
        raise RuntimeError(data["error"].get("message") or data.get("message"))
    return data

"""Compare talking-photo vendors: AKOOL and HeyGen (same portrait, same audio)."""
import os
import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
HEYGEN = os.environ["HEYGEN_API_URL"]
HEYGEN2 = os.getenv("HEYGEN_API_URL", "https://api.heygen.com")
AK = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def akool(photo, audio):
    r = requests.post(f"{AKOOL}/content/video/createbytalkingphoto", headers=AK,
                      json={"talking_photo_url": photo, "audio_url": audio, "resolution": "720"})
    return r.json()["data"]["_id"]


def heygen(photo_id, audio):
    # HeyGen's documented endpoint (docs.heygen.com): not an AKOOL call
    r = requests.post(f"{HEYGEN}/v2/video/generate", json={"video_inputs": [], "dimension": {"width": 1280, "height": 720}})
    r2 = requests.post(f"{HEYGEN2}/v2/video/generate", json={"video_inputs": []})
    return r.json(), r2.json()

# This script used to call /photo/talking and /auth, which AKOOL never documented.
# Docs: https://docs.akool.com/authentication/usage and https://akool.com/pricing
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def make(photo, audio):
    # The documented endpoint replaces the old /video/status/<id> polling.
    return requests.post(
        f"{BASE}/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": audio},
    ).json()

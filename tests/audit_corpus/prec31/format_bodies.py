"""Hand-written JSON bodies, keys in the order AKOOL's examples show."""
import os

import requests

H = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}
BASE = "https://openapi.akool.com/api/open/v3"


def image(prompt, scale="1:1"):
    body = '{{"prompt": "{}", "scale": "{}"}}'.format(prompt, scale)
    return requests.post(f"{BASE}/content/image/createbyprompt", data=body, headers=H).json()


def talk(photo, audio, resolution="1080"):
    body = '{{"talking_photo_url": "{0}", "audio_url": "{1}", "resolution": "{2}"}}'.format(
        photo, audio, resolution
    )
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", data=body, headers=H).json()


def image_pct(prompt, scale="1:1"):
    return requests.post(
        f"{BASE}/content/image/createbyprompt",
        data='{"prompt": "%(p)s", "scale": "%(s)s"}' % {"p": prompt, "s": scale},
        headers=H,
    ).json()

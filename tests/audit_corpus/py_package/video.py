import requests

from settings import AKOOL_BASE_URL, TIMEOUT


def create(photo, audio):
    return requests.post(
        f"{AKOOL_BASE_URL}/v3/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": audio},
        timeout=TIMEOUT,
    ).json()


def status(vid):
    return requests.get(f"{AKOOL_BASE_URL}/v3/video/status/{vid}", timeout=TIMEOUT).json()


def image(prompt):
    return requests.post(
        AKOOL_BASE_URL + "/v2/content/image/createbyprompt",
        json={"prompt": prompt},
        timeout=TIMEOUT,
    ).json()

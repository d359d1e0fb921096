import requests

from site_settings21 import AKOOL_ACCOUNT_BASE, AKOOL_CLONE_BASE


def sign_in(email, password):
    return requests.post(AKOOL_ACCOUNT_BASE + "/api/v1/public/login", json={"email": email, "password": password}).json()


def talking_photo(photo, audio, key):
    body = {"talking_photo_url": photo, "audio_url": audio}
    url = f"{AKOOL_ACCOUNT_BASE}/api/open/v3/content/video/createbytalkingphoto"
    return requests.post(url, json=body, headers={"x-api-key": key}).json()


def clone_sign_in(email, password):
    return requests.post(f"{AKOOL_CLONE_BASE}/api/v1/public/login", json={"email": email, "password": password}).json()

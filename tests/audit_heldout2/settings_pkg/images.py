"""Image generation tasks for the campaign builder."""

import requests

from .settings import AKOOL_API_KEY, AKOOL_API_URL, REQUEST_TIMEOUT

HEADERS = {"x-api-key": AKOOL_API_KEY}


def generate(prompt: str) -> str:
    r = requests.post(
        AKOOL_API_URL + "/api/open/v3/content/image/createbyprompt",
        json={"prompt": prompt, "size": "1:1"},
        headers=HEADERS,
        timeout=REQUEST_TIMEOUT,
    )
    r.raise_for_status()
    return r.json()["data"]["_id"]


def upscale(image_id: str, button: str = "U1") -> str:
    r = requests.post(
        f"{AKOOL_API_URL}/api/open/v3/content/image/createbybutton",
        json={"image_id": image_id, "button": button},
        headers=HEADERS,
        timeout=REQUEST_TIMEOUT,
    )
    r.raise_for_status()
    return r.json()["data"]["_id"]


def fetch(model_id: str) -> dict:
    r = requests.get(
        AKOOL_API_URL + "/api/open/v3/content/image/infobymodelid?image_model_id=" + model_id,
        headers=HEADERS,
        timeout=REQUEST_TIMEOUT,
    )
    return r.json()["data"]

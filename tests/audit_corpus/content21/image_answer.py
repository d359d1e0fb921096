"""Generate an image from a prompt with AKOOL and hand back its URL."""
import os

import requests

BASE_URL = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def generate(prompt: str) -> str:
    """Calls POST /api/open/v3/content/image/createbyprompt and returns the image URL."""
    resp = requests.post(
        f"{BASE_URL}/content/image/createbyprompt",
        json={"prompt": prompt, "scale": "1:1"},
        headers=HEADERS,
    )
    payload = resp.json()
    if not payload["success"]:
        raise RuntimeError(payload["msg"])
    return payload["data"]["image_url"]


def legacy_generate(prompt: str) -> None:
    """Calls POST /api/open/v3/content/image/createbyimagine (legacy) -- do not use."""
    raise NotImplementedError("use generate()")


def old_status(image_id: str) -> None:
    """Polled GET /api/open/v3/content/image/infobyid before AKOOL renamed it.

    Kept so that old job ids still resolve; see generate() for the current flow.
    """
    raise NotImplementedError(image_id)

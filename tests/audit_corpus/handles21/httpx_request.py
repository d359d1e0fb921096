import os

import httpx

BASE = os.getenv("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def create(prompt: str) -> str:
    url = f"{BASE}/content/image/createbyprompt"
    r = httpx.request("POST", url, headers=HEADERS, json={"prompt": prompt, "scale": "1:1"})
    return r.json()["data"]["image_id"]


def status(image_id: str) -> str:
    url = f"{BASE}/content/image/infobymodelid"
    with httpx.Client(timeout=30) as client:
        r = client.request("GET", url, headers=HEADERS, params={"image_model_id": image_id})
    return r.json()["data"]["status"]

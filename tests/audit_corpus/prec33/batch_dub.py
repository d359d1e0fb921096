import os

import requests

H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
API = "https://openapi.akool.com/api/open/v3"
TARGETS = ["es", "fr", "de"]


def dub(url: str) -> str:
    r = requests.post(f"{API}/content/video/createbytranslate", headers=H, json={
        "url": url,
        "language": TARGETS,
    })
    return r.json()["data"]["_id"]


def dub_joined(url: str) -> str:
    r = requests.post(f"{API}/content/video/createbytranslate", headers=H, json={
        "url": url,
        "language": ",".join(TARGETS),
    })
    return r.json()["data"]["_id"]


"""Translates a product video into the shop's languages, named as the shop's settings name them."""

import os

import requests

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def translate(url: str) -> str:
    body = {"url": url, "source_language": "English", "language": "es,fr,de", "lipsync": True}
    r = requests.post(f"{API}/content/video/createbytranslate", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]


def translate_regional(url: str) -> str:
    body = {"url": url, "source_language": "DEFAULT", "language": "zh-CN,Japanese"}
    r = requests.post(f"{API}/content/video/createbytranslate", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]

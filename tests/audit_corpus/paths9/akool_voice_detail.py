"""AKOOL voice clone detail: the id is the last path segment."""

import os

import requests

AKOOL = "https://openapi.akool.com"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
VOICE_DETAIL_URL = AKOOL + "/api/open/v4/voice/detail"


def voice_task(voice_id):
    r = requests.get(f"{VOICE_DETAIL_URL}/{voice_id}", headers=HEADERS, timeout=30)
    return r.json()["data"]["task_id"]


def voice_preview(voice_id):
    r = requests.get(VOICE_DETAIL_URL + "/" + voice_id, headers=HEADERS, timeout=30)
    body = r.json()
    return body["data"]["preview"], body["data"]["status"]

"""Knowledge-base housekeeping for our avatar bot."""

import os

import requests

API = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def bases():
    return requests.get(f"{API}/knowledge/list", headers=HEADERS, timeout=30).json()


def drop(kb_id):
    return requests.post(f"{API}/knowledge/delete", params={"id": kb_id}, headers=HEADERS, timeout=30)


def drop_properly(kb_id):
    return requests.delete(f"{API}/knowledge/delete", params={"id": kb_id}, headers=HEADERS, timeout=30)


def video(model_id):
    url = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    return requests.request("POST", url + f"?video_model_id={model_id}", headers=HEADERS).json()

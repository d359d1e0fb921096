"""URL constants holding a documented path minus its final id segment, joined to an id."""

import os

import requests

HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
BASE = "https://openapi.akool.com"
STATUS_URL = BASE + "/api/open/v4/voice/detail"
DETAIL_PATH = "/api/open/v4/voice/resource/detail"
LISTS_URL = BASE + "/api/open/v4/voice/lists"


def voice(voice_id):
    url = STATUS_URL + "/" + voice_id
    return requests.get(url, headers=HEADERS, timeout=30).json()


def resource(resource_id):
    return requests.get(f"{BASE}{DETAIL_PATH}/{resource_id}", headers=HEADERS, timeout=30).json()


def page(number):
    return requests.get(f"{LISTS_URL}/{number}", headers=HEADERS, timeout=30).json()

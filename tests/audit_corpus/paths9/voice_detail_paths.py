"""AKOOL voice details: path constants joined to the voice id, four ways."""

import requests

BASE = "https://openapi.akool.com"
V4 = "https://openapi.akool.com/api/open/v4"
VOICE_DETAIL = "/api/open/v4/voice/detail"
REL_DETAIL = "/voice/detail"


def one(voice_id):
    r = requests.get(BASE + VOICE_DETAIL + "/" + voice_id)
    return r.json()["data"]["task_id"]


def two(voice_id):
    r = requests.get(f"{BASE}{VOICE_DETAIL}/{voice_id}")
    return r.json()["data"]["video_url"]


def three(voice_id):
    r = requests.get(f"{V4}{REL_DETAIL}/{voice_id}")
    return r.json()["data"]["image_url"]


def four(voice_id):
    r = requests.get(V4 + REL_DETAIL + "/" + voice_id)
    return r.json()["data"]["result_url"]

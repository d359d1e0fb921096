import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}


def first_avatar():
    j = requests.get(f"{BASE}/avatar/list", params={"from": 2, "page": 1, "size": 50}, headers=H).json()
    return j["data"]["avatar_id"]


def first_voice():
    j = requests.get(f"{BASE}/voice/list", params={"from": 3}, headers=H).json()
    return j["data"]["voice_id"]


def avatars_result():
    j = requests.get(f"{BASE}/avatar/list", params={"from": 2, "page": 1, "size": 50}, headers=H).json()
    return [a["avatar_id"] for a in j["data"]["result"]]

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}


def first_avatar():
    j = requests.get(f"{BASE}/avatar/list", params={"from": 2, "page": 1, "size": 50}, headers=H).json()
    return j["data"][0]["avatar_id"] if j["data"] else None


def voices():
    j = requests.get(f"{BASE}/voice/list", params={"from": 3}, headers=H).json()
    return [v["voice_id"] for v in j["data"]]

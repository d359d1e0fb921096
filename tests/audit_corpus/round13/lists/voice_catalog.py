import requests

from app.services.akool import akool_request

V4 = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": "sk-test"}


def first_voice():
    r = requests.get(f"{V4}/voice/list", params={"type": 1}, headers=H)
    return r.json()["data"][0]


def print_voices():
    r = requests.get(f"{V4}/voice/list", params={"type": 2}, headers=H)
    for voice in r.json()["data"]:
        print(voice)


def first_avatar():
    resp = akool_request("GET", "/v4/liveAvatar/avatar/list")
    avatars = resp.get("data", [])
    return avatars[0]


def voice_ids_right():
    r = requests.get(f"{V4}/voice/list", params={"type": 1}, headers=H)
    return [v["voice_id"] for v in r.json()["data"]["result"]]

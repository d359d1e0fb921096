"""Find a voice list endpoint that answers: try the old one, then the new one."""

import os

import requests

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def fetch_voices():
    for url in [f"{V3}/voice/list?lang=en", f"{V4}/voice/list?type=1&language=en"]:
        r = requests.get(url, headers=HEADERS, timeout=20)
        if r.status_code == 200 and r.json().get("code") == 1000:
            return r.json()
    return None


def fetch_avatars():
    for url in (
        f"{V4}/liveAvatar/avatar/list?page=1&size=20&lang=en",
        f"{V3}/avatar/list?from=2&page=1",
    ):
        r = requests.get(url, headers=HEADERS, timeout=20)
        if r.ok:
            return r.json()
    return None


def fetch_voices_right():
    for url in [f"{V3}/voice/list?from=3", f"{V4}/voice/list?type=2&gender=Female"]:
        r = requests.get(url, headers=HEADERS, timeout=20)
        if r.ok:
            return r.json()
    return None

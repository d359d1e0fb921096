"""Poll a cloned voice's resource until it is ready (voice lab, v4)."""
import os
import time

import requests

HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
JOBS = "https://jobs.example.com/api"


def wait_for_voice(resource_id):
    while True:
        r = requests.get(
            f"https://openapi.akool.com/api/open/v4/voice/resource/detail/{resource_id}",
            headers=HEADERS,
            timeout=30,
        )
        body = r.json()
        if body["data"]["status"] == 3:
            return body["data"]["result"]["preview"]
        info = body["data"]["result"]
        print("status", info["status"], info.get("file_name"))
        state = body["data"].get("state") or body["data"]["result"]["status"]
        if state == 4:
            raise RuntimeError(body["msg"])
        time.sleep(5)


def report(resource_id):
    # our own job service answers {"data": {"status": ...}}: not AKOOL's answer
    mine = requests.get(f"{JOBS}/jobs/{resource_id}", timeout=30).json()
    return mine["data"]["status"], mine["data"]["count"]


def name_of(resource_id):
    r = requests.get(
        f"https://openapi.akool.com/api/open/v4/voice/resource/detail/{resource_id}",
        headers=HEADERS,
    )
    data = r.json()["data"]["result"]
    return data["name"], data["status"]

"""Forwards AKOOL's webhook events to the app's own receiver."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
HOOK = os.environ["AKOOL_WEBHOOK_URL"]
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def forward(event):
    requests.post(f"{HOOK}/content/video/status", json=event, timeout=30)
    requests.post(os.environ["AKOOL_WEBHOOK_URL"] + "/content/video/status", json=event, timeout=30)


def status(video_model_id):
    res = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": video_model_id},
                       headers=HEADERS, timeout=30)
    return res.json()["data"]["video_status"]


def old_status(task_id):
    return requests.get(f"{os.environ['AKOOL_BASE_URL']}/content/video/status/{task_id}", headers=HEADERS, timeout=30)

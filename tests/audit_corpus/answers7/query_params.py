"""Result lookups with query parameters (written for the audit's corpus)."""

import requests

BASE = "https://openapi.akool.com/api/open/v3"


def info(video_id, headers):
    return requests.get(f"{BASE}/content/video/infobymodelid", headers=headers)


def info_by_task(video_id, headers):
    return requests.get(f"{BASE}/content/video/infobymodelid", params={"task_id": video_id}, headers=headers)


def info_ok(video_id, headers, extra):
    return requests.get(f"{BASE}/content/video/infobymodelid", params=extra, headers=headers)

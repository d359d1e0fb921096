"""Polls AKOOL jobs of several kinds; the paths of each kind in one table."""
import os

import requests

AKOOL_BASE = "https://openapi.akool.com/api/open"

STATUS_PATHS = {
    "video": {"create_path": "/v4/image2Video/createBySourcePrompt", "get_path": "/v4/image2video/info"},
    "avatar": {"create_path": "/v3/talkingavatar/create", "get_path": "/v3/talkingavatar/detail"},
}


def akool_get(path, params):
    headers = {"x-api-key": os.environ["AKOOL_API_KEY"]}
    return requests.get(AKOOL_BASE + path, params=params, headers=headers, timeout=30).json()


def poll(kind, task_id):
    get_path = STATUS_PATHS[kind]["get_path"]
    return akool_get(get_path, {"task_id": task_id})

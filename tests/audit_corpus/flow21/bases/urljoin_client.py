"""A client that builds its URLs with urljoin (the base has no trailing slash)."""

from urllib.parse import urljoin

import requests

AKOOL_V3 = "https://openapi.akool.com/api/open/v3"
AKOOL_V4_DIR = "https://openapi.akool.com/api/open/v4/"


def video_info(video_id):
    url = urljoin(AKOOL_V3, "content/video/infobymodelid")
    return requests.get(url, params={"video_model_id": video_id}, timeout=30).json()


def voices():
    return requests.get(urljoin(AKOOL_V4_DIR, "/voice/list"), params={"type": 1}, timeout=30).json()


def languages():
    return requests.get(urljoin(AKOOL_V3 + "/", "language/list"), timeout=30).json()


def sessions():
    return requests.get(urljoin(AKOOL_V4_DIR, "liveAvatar/session/list"), timeout=30).json()

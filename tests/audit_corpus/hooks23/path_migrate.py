"""Rewrite old AKOOL paths found in our job table to the documented ones.

Example:
    >>> rewrite("https://openapi.akool.com/api/open/v3/content/video/status/123")
    'https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=123'
"""
import re

OLD_TO_NEW = {
    "/api/open/v3/content/video/status": "/api/open/v3/content/video/infobymodelid",
    "/api/open/v3/photo/talking": "/api/open/v3/content/video/createbytalkingphoto",
    "/api/open/v3/liveAvatar/session/create": "/api/open/v4/liveAvatar/session/create",
}

DEPRECATION = "POST /api/open/v3/content/image/createbyimagine is gone; use createbyprompt"


def rewrite(url: str) -> str:
    for old, new in OLD_TO_NEW.items():
        if old in url:
            m = re.search(r"/(\w+)$", url)
            return url.replace(old + (m.group(0) if m else ""), new) + (f"?video_model_id={m.group(1)}" if m else "")
    return url


def check(url: str) -> None:
    if "/content/video/status" in url:
        raise ValueError(f"{url}: https://openapi.akool.com/api/open/v3/content/video/status does not exist")

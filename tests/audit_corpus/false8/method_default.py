"""A request helper whose method is a parameter with a POST default."""

import os

import requests

BASE = "https://openapi.akool.com"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def req(path, body=None, method="POST"):
    if method == "GET":
        return requests.get(BASE + path, headers=HEADERS, timeout=30)
    return requests.post(BASE + path, json=body, headers=HEADERS, timeout=30)


def main():
    req(
        "/api/open/v3/content/video/createbytalkingphoto",
        {"talking_photo_url": "https://example.com/p.jpg", "audio_url": "https://example.com/a.mp3"},
    )
    req("/api/open/v3/content/video/infobymodelid?video_model_id=1", method="GET")
    req("/api/open/v3/content/video/infobymodelid?video_model_id=2")


if __name__ == "__main__":
    main()

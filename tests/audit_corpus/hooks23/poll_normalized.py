"""A pure helper whose result is sent: the URL it is given is the request's."""
import os

import requests


def normalize(url: str) -> str:
    return url.rstrip("/")


def poll(video_id: str) -> dict:
    headers = {"x-api-key": os.environ["AKOOL_KEY"], "Referer": "https://openapi.akool.com/api/open/v3/content/video/status/"}
    return requests.get(normalize(f"https://openapi.akool.com/api/open/v3/content/video/status/{video_id}"), headers=headers).json()

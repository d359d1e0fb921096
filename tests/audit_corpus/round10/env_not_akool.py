import os

import requests

STORE = os.environ["STORAGE_BASE_URL"]
KEY = os.environ["AKOOL_API_KEY"]


def fetch_video(video_id):
    return requests.get(f"{STORE}/content/video/result/{video_id}").json()


def health():
    return requests.get(os.environ["AKOOL_API_URL"] + "/healthz").status_code

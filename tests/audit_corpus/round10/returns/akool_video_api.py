"""AKOOL's talking-photo results, read through one session."""
import os

import requests


class AkoolVideoApi:
    BASE = "https://openapi.akool.com/api/open/v3"

    def __init__(self):
        self.session = requests.Session()
        self.session.headers["x-api-key"] = os.environ["AKOOL_API_KEY"]

    def video(self, video_id):
        r = self.session.get(f"{self.BASE}/content/video/infobymodelid", params={"video_model_id": video_id})
        return r.json()

    def video_data(self, video_id):
        r = self.session.get(f"{self.BASE}/content/video/infobymodelid", params={"video_model_id": video_id})
        return r.json()["data"]


def fetch_video(video_id):
    return AkoolVideoApi().video(video_id)

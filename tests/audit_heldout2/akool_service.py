"""Thin wrapper around the AKOOL open API used by our video pipeline."""

import logging
import os
import time

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


class AkoolService:
    BASE_URL = os.environ.get("AKOOL_API_BASE", "https://openapi.akool.com/api/open/v3")

    def __init__(self, api_key: str, timeout: int = 30):
        self.session = requests.Session()
        retry = Retry(total=5, backoff_factor=0.5, status_forcelist=[429, 500, 502, 503])
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.headers.update({"x-api-key": api_key, "Content-Type": "application/json"})
        self.timeout = timeout

    def talking_photo(self, photo_url, audio_url, hd=False):
        payload = {
            "talking_photo_url": photo_url,
            "audio_url": audio_url,
            "resolution": "1080p" if hd else "1080",
        }
        r = self.session.post(
            f"{self.BASE_URL}/content/video/createbytalkingphoto", json=payload, timeout=self.timeout
        )
        r.raise_for_status()
        return r.json()["data"]["_id"]

    def video_status(self, video_id):
        r = self.session.get(
            f"{self.BASE_URL}/content/video/infobymodelid",
            params={"video_model_id": video_id},
            timeout=self.timeout,
        )
        r.raise_for_status()
        return r.json()["data"]

    def lipsync(self, video_url, audio_url, callback=None):
        body = {"video_url": video_url, "audio_url": audio_url, "webhook_url": callback}
        r = self.session.post(f"{self.BASE_URL}/content/video/lip-sync", json=body, timeout=self.timeout)
        r.raise_for_status()
        return r.json()["data"]["_id"]

    def credits(self):
        r = self.session.get(f"{self.BASE_URL}/faceswap/quota/info", timeout=self.timeout)
        return r.json()["data"]["credit"]

    def wait(self, video_id, every=10):
        while True:
            data = self.video_status(video_id)
            if data["video_status"] == 3:
                return data["video"]
            if data["video_status"] == 4:
                raise RuntimeError(f"video {video_id} failed")
            log.info("waiting for %s", video_id)
            time.sleep(every)

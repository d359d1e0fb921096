"""A small AKOOL client: the base is kept on the instance, paths are joined per call."""
import os

import requests

DEFAULT_HOST = "https://api.akool.com"


class AkoolClient:
    def __init__(self, key, host=DEFAULT_HOST):
        self.key = key
        self.host = host.rstrip("/")
        self.v3 = f"{self.host}/api/open/v3"

    def _headers(self):
        return {"x-api-key": self.key}

    def status(self, task_id):
        return requests.get(f"{self.host}/status", params={"id": task_id}, headers=self._headers())

    def avatars(self):
        return requests.get(self.v3 + "/avatars", headers=self._headers()).json()

    def voices(self):
        return requests.get(f"{self.v3}/voice/list", headers=self._headers()).json()


class Storage:
    def __init__(self):
        self.base = os.environ.get("STORAGE_URL", "https://files.example.com/v1")

    def status(self):
        return requests.get(f"{self.base}/status").json()

    def videos(self):
        return requests.get(self.base + "/videos").json()

"""AKOOL client used by the dubbing worker."""

import os

import requests


class AkoolClient:
    BASE_URL = "https://openapi.akool.com/api/open"

    def __init__(self, api_key=None):
        self.session = requests.Session()
        self.session.headers["x-api-key"] = api_key or os.environ["AKOOL_API_KEY"]

    def list_voices(self, voice_type=2):
        resp = self.session.get(f"{self.BASE_URL}/v4/voice/list", params={"type": voice_type})
        resp.raise_for_status()
        return resp.json()

    def list_languages(self):
        resp = self.session.get(f"{self.BASE_URL}/v3/language/list")
        return resp.json()["data"]

    def get(self, path, params=None):
        resp = self.session.get(f"{self.BASE_URL}{path}", params=params)
        return resp.json()

"""Clients for the services the media pipeline uses: our asset store and AKOOL."""

import requests


class AssetStore:
    BASE_URL = "https://assets.internal.example/api/v3"

    def __init__(self, token):
        self.headers = {"Authorization": f"Bearer {token}"}

    def upload(self, name, data):
        return requests.post(self.BASE_URL + "/content/upload", files={"file": (name, data)}, headers=self.headers)

    def video_status(self, asset_id):
        return requests.get(self.BASE_URL + f"/content/video/status/{asset_id}", headers=self.headers).json()


class Akool:
    BASE_URL = "https://openapi.akool.com/api/open/v3"

    def __init__(self, key):
        self.headers = {"x-api-key": key}

    def talk(self, photo, audio):
        body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720"}
        return requests.post(self.BASE_URL + "/content/video/createbytalkingphoto", json=body, headers=self.headers).json()

    def status(self, video_id):
        return requests.get(self.BASE_URL + "/content/video/getvideostatus", params={"id": video_id}, headers=self.headers).json()

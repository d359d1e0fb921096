import requests

AKOOL = "https://openapi.akool.com/api/open/v3"


class Api:
    def __init__(self, key, base_url="https://example.invalid", timeout=30):
        self.key = key
        self.base = base_url.rstrip("/")

    def _post(self, path, **payload):
        return requests.post(self.base + path, json=payload, headers={"x-api-key": self.key}).json()


class Akool(Api):
    def __init__(self, key):
        super(Akool, self).__init__(key, base_url=AKOOL)

    def talk(self, video, audio):
        return self._post("/content/video/lipsync", video_url=video, audio=audio)

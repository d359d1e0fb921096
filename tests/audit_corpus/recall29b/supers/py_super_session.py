import httpx


class Base:
    def __init__(self, key, base_url):
        self.client = httpx.Client(base_url=base_url, headers={"x-api-key": key})

    def _post(self, path, body):
        return self.client.post(path, json=body).json()


class Akool(Base):
    def __init__(self, key):
        super().__init__(key, "https://openapi.akool.com/api/open/v3")

    def talk(self, video, audio):
        return self._post("/content/video/lipsync", {"video_url": video, "audio": audio})

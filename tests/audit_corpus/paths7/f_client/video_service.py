"""A service given the shared client by its caller (typed, not made here)."""
from akool_api import AkoolApi


class VideoService:
    def __init__(self, api: AkoolApi):
        self.api = api

    def status(self, vid):
        return self.api.get("/content/video/status", {"id": vid})

    def languages(self):
        return self.api.get("/language/list")

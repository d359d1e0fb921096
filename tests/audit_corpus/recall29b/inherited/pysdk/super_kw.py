from .super_base import Base


class Akool(Base):
    def __init__(self, key):
        super().__init__(key, base_url="https://openapi.akool.com/api/open/v3")

    def talk(self, v, a):
        return self._post("/content/video/lipsync", {"video_url": v, "audio": a})

from .super_base import Base


class Akool(Base):
    base_url = "https://openapi.akool.com/api/open/v3"


class Other(Base):
    def __init__(self, key):
        super().__init__(key, "https://api.example.com")

    def talk(self, v, a):
        return self._post("/content/video/lipsyncc", {"video_url": v, "audio": a})

import os

import httpx
import requests

AKOOL_BASE = "https://openapi.akool.com/api/open"


class AkoolClient:
    def __init__(self, key):
        self.s = requests.Session()
        self.s.headers["x-api-key"] = key

    def voices(self, kind=2):
        r = self.s.get(f"{AKOOL_BASE}/v4/voice/list", params={"type": kind})
        return r.json().get("data", {})

    def voice_items(self, kind=2):
        r = self.s.get(f"{AKOOL_BASE}/v4/voice/list", params={"type": kind})
        return r.json()["data"]["result"]


akool_client = AkoolClient(os.environ.get("AKOOL_API_KEY", ""))


async def list_sessions():
    async with httpx.AsyncClient() as c:
        r = await c.get(f"{AKOOL_BASE}/v4/liveAvatar/session/list", params={"page": 1})
        return r.json()

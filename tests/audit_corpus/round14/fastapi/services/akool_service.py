import os
from typing import Any

import httpx

AKOOL_API_BASE = "https://openapi.akool.com/api/open"


class AkoolService:
    def __init__(self) -> None:
        self._client = httpx.AsyncClient(base_url=AKOOL_API_BASE, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})

    async def _get(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        resp = await self._client.get(path, params=params)
        resp.raise_for_status()
        return resp.json()

    async def list_voices(self, voice_type: int = 2) -> dict[str, Any]:
        return await self._get("/v4/voice/list", {"type": voice_type})

    async def list_resources(self) -> dict[str, Any]:
        return await self._get("/v4/voice/resource/list", {"page": 1})

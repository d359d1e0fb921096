"""Talking photo videos from AKOOL, with aiohttp and yarl."""
from pathlib import Path

import aiohttp
from yarl import URL

BASE = URL("https://openapi.akool.com/api/open/v3")
CACHE = Path("/tmp") / "akool" / "content"
OTHER = URL("https://storage.example.com/api")


async def talk(session: aiohttp.ClientSession, photo: str, audio: str) -> str:
    url = BASE / "content" / "video" / "createbytalkingphoto"
    async with session.post(url, json={"talking_photo_url": photo, "audio_url": audio, "resolution": "720"}) as r:
        body = await r.json()
    return body["data"]["_id"]


async def info(session: aiohttp.ClientSession, vid: str) -> dict:
    url = (BASE / "content/video/infobymodelid").with_query(video_model_id=vid)
    async with session.get(url) as r:
        return await r.json()


async def upload(session: aiohttp.ClientSession, data: bytes) -> dict:
    async with session.put(OTHER / "content" / "video" / "status", data=data) as r:
        return await r.json()

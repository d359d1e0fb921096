"""Talking photo videos from AKOOL, with aiohttp and yarl."""
import aiohttp
from yarl import URL

BASE = URL("https://openapi.akool.com/api/open/v3")


async def talk(session: aiohttp.ClientSession, photo: str, audio: str) -> str:
    url = BASE / "content" / "video" / "createbytalkingphoto"
    async with session.post(url, json={"talking_photo_url": photo, "audio_url": audio, "resolution": "720p"}) as r:
        body = await r.json()
    return body["data"]["task_id"]


async def status(session: aiohttp.ClientSession, vid: str) -> dict:
    url = (BASE / "content/video/status").with_query(id=vid)
    async with session.get(url) as r:
        return await r.json()

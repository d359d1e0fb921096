import aiohttp

API = "https://openapi.akool.com/api/open/v3"


async def talk(s: aiohttp.ClientSession, photo: str, audio: str, hook: str) -> str:
    async with s.post(f"{API}/content/video/createbytalkingphoto",
                      json={"talking_photo_url": photo, "audio_url": audio, "resolution": "1080p", "webhook_url": hook}) as resp:
        j = await resp.json()
    return j["data"]["_id"]


async def gen(s: aiohttp.ClientSession, prompt: str) -> str:
    async with s.post(f"{API}/content/image/createbyprompt", json={"prompt": prompt, "size": "1:1"}) as resp:
        j = await resp.json()
    return j["data"]["_id"]

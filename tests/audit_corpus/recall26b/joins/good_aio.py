import aiohttp

ORIGIN = "https://openapi.akool.com"
V3 = "https://openapi.akool.com/api/open/v3/"


async def credit(key):
    async with aiohttp.ClientSession(base_url=ORIGIN, headers={"x-api-key": key}) as s:
        async with s.get("/api/open/v3/faceswap/quota/info") as r:
            return (await r.json())["data"]["credit"]


async def talk(key, photo, audio):
    async with aiohttp.ClientSession(base_url=V3, headers={"x-api-key": key}) as s:
        async with s.post("content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio}) as r:
            return (await r.json())["data"]["_id"]

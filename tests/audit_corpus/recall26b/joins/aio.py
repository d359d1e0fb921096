import aiohttp

V3 = "https://openapi.akool.com/api/open/v3"


async def credit(key):
    # aiohttp joins as RFC 3986 (yarl URL.join): the leading slash replaces /api/open/v3/
    async with aiohttp.ClientSession(base_url=V3 + "/", headers={"x-api-key": key}) as s:
        async with s.get("/faceswap/quota/info") as r:
            return (await r.json())["data"]["credit"]


async def talk(key, photo, audio):
    async with aiohttp.ClientSession(base_url="https://openapi.akool.com/api/open/v3/", headers={"x-api-key": key}) as s:
        async with s.post("/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio}) as r:
            return (await r.json())["data"]["_id"]


async def ok(key):
    async with aiohttp.ClientSession(base_url=V3 + "/", headers={"x-api-key": key}) as s:
        async with s.get("faceswap/quota/info") as r:
            return (await r.json())["data"]["credit"]

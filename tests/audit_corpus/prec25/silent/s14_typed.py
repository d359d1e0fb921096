import aiohttp

BASE = "https://openapi.akool.com/api/open/v3"


async def img(s: aiohttp.ClientSession, prompt: str) -> str:
    try:
        body = {"prompt": prompt, "scale": "1:1"}
        async with s.post(f"{BASE}/content/image/createbyprompt", json=body) as resp:
            j = await resp.json()
    except aiohttp.ClientError:
        raise
    return j["data"]["_id"]

import httpx

AKOOL_BASE = "https://openapi.akool.com"


async def live_session(source, quality=None):
    payload = {"sourceImage": [{"path": source}]}
    if quality:
        payload["faceswap_quality"] = int(quality)
    async with httpx.AsyncClient() as client:
        return await client.post(f"{AKOOL_BASE}/api/open/v3/faceswap/live/create", json=payload)


async def swap(source, target, hook):
    body = {"sourceImage": [{"path": source}], "targetImage": [{"path": target}], "modifyImage": target}
    body["webhook_url"] = hook
    async with httpx.AsyncClient() as client:
        return await client.post(f"{AKOOL_BASE}/api/open/v3/faceswap/highquality/specifyimage", json=body)

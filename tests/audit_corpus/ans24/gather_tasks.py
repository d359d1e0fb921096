import asyncio
import httpx
B = "https://openapi.akool.com/api/open/v3"
async def both(v, i):
    async with httpx.AsyncClient(base_url=B) as c:
        vt = asyncio.create_task(c.get("/content/video/infobymodelid", params={"video_model_id": v}))
        it = asyncio.create_task(c.get("/content/image/infobymodelid", params={"image_model_id": i}))
        video, image = await asyncio.gather(vt, it)
    return video.json()["data"]["video_status"], image.json()["data"]["status"]

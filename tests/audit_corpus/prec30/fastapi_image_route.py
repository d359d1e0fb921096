import os

import httpx
from fastapi import APIRouter

router = APIRouter()
AKOOL = "https://openapi.akool.com/api/open/v3"


@router.get("/images/{image_id}")
async def image_status(image_id: str):
    async with httpx.AsyncClient(timeout=20.0) as client:
        r = await client.get(f"{AKOOL}/content/image/infobymodelid", params={"video_model_id": image_id}, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()["data"]

"""FastAPI routes that call AKOOL with the base from the app's settings."""

import httpx
from fastapi import APIRouter

from app.config import settings

router = APIRouter()


@router.post("/videos")
async def create_video(photo: str, audio: str) -> dict:
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{settings.akool_base_url}/content/video/createbytalkingphoto",
                              json={"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"},
                              headers={"x-api-key": settings.akool_api_key})
    return r.json()


@router.get("/videos/{video_id}")
async def video(video_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        r = await client.get(f"{settings.akool_base_url}/content/video/detail", params={"video_model_id": video_id},
                             headers={"x-api-key": settings.akool_api_key})
    return r.json()

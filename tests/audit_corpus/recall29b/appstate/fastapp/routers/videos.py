from fastapi import APIRouter, Request
router = APIRouter()

@router.post("/lipsync")
async def lipsync(request: Request, v: str, a: str):
    r = await request.app.state.akool.post("/content/video/lipsync", json={"video_url": v, "audio": a, "webhookUrl": ""})
    return r.json()["data"]

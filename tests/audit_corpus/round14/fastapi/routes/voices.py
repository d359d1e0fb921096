from fastapi import APIRouter

from ..services.akool_service import AkoolService

router = APIRouter()
service = AkoolService()


@router.get("/voices")
async def voices():
    payload = await service.list_voices()
    return [{"id": v["voice_id"], "lang": v["lang"]} for v in payload["data"]]


@router.get("/voices/first")
async def first_voice():
    payload = await service.list_voices()
    return payload["data"]["result"][0]["accent"]


# Right: as the docs give them.
@router.get("/voices/right")
async def voices_right():
    payload = await service.list_voices()
    return [{"id": v["voice_id"], "lang": v["language"]} for v in payload["data"]["result"]]

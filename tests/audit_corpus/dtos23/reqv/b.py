import httpx
from dataclasses import dataclass, asdict

@dataclass
class TalkReq:
    talking_photo_url: str
    audio_url: str
    webhook_url: str = ""

async def create(client: httpx.AsyncClient, req: TalkReq):
    return await client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=asdict(req))

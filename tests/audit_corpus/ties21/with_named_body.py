import requests
BASE = "https://openapi.akool.com/api/open/v3"


async def talk_async(session, photo, audio):
    payload = {"talking_photo_url": photo, "audio_url": audio}
    async with session.post(f"{BASE}/content/video/createbytalkingphoto", json=payload) as resp:
        out = await resp.json()
        return out["data"]["task_id"]


async def talk_async_ok(session, photo, audio):
    payload = {"talking_photo_url": photo, "audio_url": audio}
    async with session.post(f"{BASE}/content/video/createbytalkingphoto", json=payload) as resp:
        out = await resp.json()
        return out["data"]["_id"]


def talk(photo, audio):
    payload = {"talking_photo_url": photo, "audio_url": audio}
    with requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload) as resp:
        return resp.json()["data"]["task_id"]


def talk_ok(photo, audio):
    payload = {"talking_photo_url": photo, "audio_url": audio}
    with requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload) as resp:
        return resp.json()["data"]["_id"]

import httpx

ENDPOINTS = {
    "talk": "/content/video/createbytalkingphoto",
    "info": "/content/video/infobymodelid",
}
client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")


def talk(p, a):
    return client.post(ENDPOINTS["talk"], json={"talking_photo_url": p, "audio_url": a, "resolution": "720"}).json()


def status(i):
    return client.get(ENDPOINTS['info'], params={'video_model_id': i}).json()

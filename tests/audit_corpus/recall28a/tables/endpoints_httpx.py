import httpx

ENDPOINTS = {
    "talk": "/content/video/createbytalkingphoto",
    "status": "/content/video/status",
}
client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")


def talk(p, a):
    return client.post(ENDPOINTS["talk"], json={"talking_photo_url": p, "audio_url": a, "resolution": "4k"}).json()


def status(i):
    return client.get(f"{ENDPOINTS['status']}/{i}").json()

import requests
BASE = "https://openapi.akool.com/api/open/v3"
def talk(p, a):
    body = {  # request body
        "talking_photo_url": p,
        "audio_url": a,
        "resolution": "720",
    }
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body)
def talk2(p, a):
    return requests.post(  # create the video
        f"{BASE}/content/video/createbytalkingphoto",
        json={  # body
            "talking_photo_url": p,
            "audio_url": a,
            "resolution": "1080",
        },
    )

import requests

API = "https://openapi.akool.com/api/open/v3"
RES = {"sd": "720p", "hd": "1080"}


def talk(photo, audio, quality="sd"):
    return requests.post(f"{API}/content/video/createbytalkingphoto",
                         json={"talking_photo_url": photo, "audio_url": audio, "resolution": RES[quality]})

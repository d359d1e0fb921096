from enum import Enum
import requests
class Res(str, Enum):
    HD = "720p"
    FHD = "1080p"
def talk(photo, audio, key):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                         json={"talking_photo_url": photo, "audio_url": audio, "resolution": Res.FHD}, headers={"x-api-key": key}).json()

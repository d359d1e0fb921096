import requests

URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def talk(photo):
    payload = f'{{"talking_photo_url": "{photo}", "resolution": "720"}}'
    return requests.post(URL, data=payload, headers={"Content-Type": "application/json"})

import requests


def talk(p):
    """Start a render (the audio is added by the proxy)."""
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                         json={"talking_photo_url": p})

import requests


def talk(p, a):
    """Start a render.

    Equivalent to::

        requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                      json={"talking_photo_url": p})
    """
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                         json={"talking_photo_url": p, "audio_url": a})

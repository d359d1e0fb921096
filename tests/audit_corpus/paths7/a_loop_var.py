"""A module-level URL and a loop variable of the same name in another function."""
import requests
API = "https://openapi.akool.com/api/open/v3"
url = f"{API}/content/video/createbytalkingphoto"
def create():
    return requests.post(url, json={"talking_photo_url": "a", "audio_url": "b"})
def download_all(urls):
    for url in urls:
        requests.get(url)

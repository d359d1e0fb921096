import requests
BASE = "https://openapi.akool.com"
OPS = [
    ("POST", "/api/open/v3/content/video/createbytalkingphoto"),
    ("GET", "/api/open/v3/content/video/infobymodelid"),
]
def run():
    for m, p in OPS:
        requests.request(m, BASE + p)

import requests
BASE = "https://openapi.akool.com"
OPS = [
    ("GET", "/api/open/v3/content/video/createbytalkingphoto"),
    ("POST", "/api/open/v3/content/video/infobymodelid"),
]
def run():
    for method, path in OPS:
        requests.request(method, BASE + path)

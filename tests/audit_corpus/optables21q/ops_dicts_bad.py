import requests
BASE = "https://openapi.akool.com"
OPS = [
    {"method": "GET", "path": "/api/open/v3/content/video/createbytalkingphoto"},
    {"method": "POST", "path": "/api/open/v3/content/video/infobymodelid"},
]
for op in OPS:
    requests.request(op["method"], BASE + op["path"])

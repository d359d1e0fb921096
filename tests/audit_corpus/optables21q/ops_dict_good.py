import requests
BASE = "https://openapi.akool.com"
OPS = {
    "create": ("POST", "/api/open/v3/content/video/createbytalkingphoto"),
    "info": ("GET", "/api/open/v3/content/video/infobymodelid"),
}
for name, (m, p) in OPS.items():
    requests.request(m, BASE + p)
for op in OPS.values():
    requests.request(op[0], BASE + op[1])

import requests
URLS = ["https://api.akool.com/api/open/v3/faceswap/quota/info", "https://openapi.akool.com/api/open/v3/content/video/x"]
for u in URLS:
    requests.get(u)

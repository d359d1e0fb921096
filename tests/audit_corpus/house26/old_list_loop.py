import requests
LEGACY = ["https://api.akool.com/api/open/v3/faceswap/quota/info"]
for u in LEGACY:
    requests.get(u)

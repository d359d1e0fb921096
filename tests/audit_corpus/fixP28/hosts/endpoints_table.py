import requests

# WRONG: each URL here is requested (must be found)
ENDPOINTS = {
    "https://api.akool.com/api/open/v3/faceswap/quota/info": "credit left on the account",
}

for url, what in ENDPOINTS.items():
    print(what, requests.get(url, headers={"x-api-key": "k"}).json())

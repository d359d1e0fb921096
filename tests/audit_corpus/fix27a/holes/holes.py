import requests
BASE = "https://openapi.akool.com/api/open/v3"
def swap(kind, body, key):
    return requests.post(f"{BASE}/faceswap/highquality/specify{kind}", json=body, headers={"x-api-key": key}).json()
def reage(short, body, key):
    return requests.post(f"{BASE}/faceswap/highquality/{short}reage", json=body, headers={"x-api-key": key}).json()
def create(mode, body, key):
    return requests.post(f"{BASE}/content/video/createby{mode}", json=body, headers={"x-api-key": key}).json()
def info(kind, qs, key):
    return requests.get(f"{BASE}/content/{kind}/infobymodelid{qs}", headers={"x-api-key": key}).json()
def wrong(kind, body, key):
    return requests.post(f"{BASE}/faceswap/highquality/specifyx{kind}", json=body, headers={"x-api-key": key}).json()
def create2(mode, body, key):
    return requests.post(BASE + "/content/video/createby" + mode, json=body, headers={"x-api-key": key}).json()
def wrong2(mode, body, key):
    return requests.post(BASE + "/content/video/makeby" + mode, json=body, headers={"x-api-key": key}).json()

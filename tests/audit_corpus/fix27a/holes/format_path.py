import requests
BASE = "https://openapi.akool.com/api/open/v3"
def info(mid, key):
    return requests.get(BASE + "/content/video/{}".format("infobymodelid"), params={"video_model_id": mid}, headers={"x-api-key": key}).json()
def info2(kind, mid, key):
    return requests.get("{}/content/{}/infobymodelid".format(BASE, kind), params={kind + "_model_id": mid}, headers={"x-api-key": key}).json()
def wrong(m, k):
    return requests.get(BASE + "/content/video/{}".format("infobymodelids"), params={"video_model_id": m}, headers={"x-api-key": k}).json()

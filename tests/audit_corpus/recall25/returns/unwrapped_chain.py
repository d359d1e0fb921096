import requests
BASE = "https://openapi.akool.com/api/open/v3"


def image_info(iid):
    return requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": iid}).json()["data"]


def done(iid):
    return image_info(iid)["status"] == 3

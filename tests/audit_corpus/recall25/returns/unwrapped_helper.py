import requests
BASE = "https://openapi.akool.com/api/open/v3"


def _get(path, **params):
    return requests.get(BASE + path, params=params).json()


def image_info(iid):
    return _get("/content/image/infobymodelid", image_model_id=iid)["data"]


def done(iid):
    return image_info(iid)["status"] == 3


def done2(iid):
    return _get("/content/image/infobymodelid", image_model_id=iid)["data"]["status"] == 3

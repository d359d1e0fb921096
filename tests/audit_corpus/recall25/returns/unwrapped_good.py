import requests
BASE = "https://openapi.akool.com/api/open/v3"


class C:
    def _get(self, path, **params):
        return requests.get(BASE + path, params=params).json()

    def image_info(self, iid):
        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]

    def done(self, iid):
        return self.image_info(iid)["image_status"] == 3

    def url(self, iid):
        info = self.image_info(iid)
        return info.get("image") if info.get("image_status") == 3 else None


def image_info(iid):
    return requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": iid}).json()["data"]


def done(iid):
    return image_info(iid)["image_status"] == 3 and image_info(iid).get("image")

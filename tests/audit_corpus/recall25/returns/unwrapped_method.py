import requests
BASE = "https://openapi.akool.com/api/open/v3"


class C:
    def _get(self, path, **params):
        return requests.get(BASE + path, params=params).json()

    def image_info(self, iid):
        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]

    def done(self, iid):
        return self.image_info(iid)["status"] == 3

    def done2(self, iid):
        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]["status"] == 3

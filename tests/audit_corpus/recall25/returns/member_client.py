import requests
BASE = "https://openapi.akool.com/api/open/v3"


class Akool:
    def _get(self, path, **params):
        return requests.get(BASE + path, params=params).json()

    def image_info(self, iid):
        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]


class Jobs:
    def __init__(self):
        self.client = Akool()

    def done(self, iid):
        return self.client.image_info(iid)["status"] == 3

    def ok(self, iid):
        return self.client.image_info(iid)["image_status"] == 3

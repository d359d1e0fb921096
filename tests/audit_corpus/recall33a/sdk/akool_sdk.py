import requests


class Akool:
    def __init__(self, key):
        self.s = requests.Session()
        self.s.headers["x-api-key"] = key

    def _request(self, method, path, **kw):
        j = self.s.request(method, "https://openapi.akool.com" + path, **kw).json()
        return j["data"]

    def image_info(self, image_id):
        return self._request("GET", "/api/open/v3/content/image/infobymodelid", params={"image_model_id": image_id})

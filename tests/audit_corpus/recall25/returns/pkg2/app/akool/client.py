import requests

BASE = "https://openapi.akool.com/api/open/v3"


class AkoolClient:
    def __init__(self, key: str) -> None:
        self.s = requests.Session()
        self.s.headers.update({"x-api-key": key})

    def _get(self, path: str, **params: str) -> dict:
        r = self.s.get(f"{BASE}{path}", params=params, timeout=60)
        r.raise_for_status()
        return r.json()

    def image_info(self, iid: str) -> dict:
        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]

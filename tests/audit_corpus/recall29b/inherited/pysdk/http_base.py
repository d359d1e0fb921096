import requests


class BaseClient:
    base_url = ""

    def __init__(self, key: str):
        self.session = requests.Session()
        self.session.headers.update({"x-api-key": key, "Content-Type": "application/json"})

    def _post(self, path: str, body: dict) -> dict:
        return self.session.post(self.base_url + path, json=body, timeout=30).json()

    def _get(self, path: str, **params) -> dict:
        return self.session.get(self.base_url + path, params=params, timeout=30).json()

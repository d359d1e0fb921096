import requests

DEFAULT_BASE = "https://openapi.akool.com"


class Transport:
    def __init__(self, api_key: str, base: str = DEFAULT_BASE):
        self.base = base
        self.s = requests.Session()
        self.s.headers.update({"x-api-key": api_key, "Content-Type": "application/json"})

    def post(self, path: str, body: dict) -> dict:
        return self.s.post(self.base + path, json=body, timeout=60).json()

    def get(self, path: str, **params) -> dict:
        return self.s.get(self.base + path, params=params, timeout=30).json()

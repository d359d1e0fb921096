"""A thin AKOOL client: the verbs join their path to the v3 base."""
import requests


class AkoolApi:
    def __init__(self, key, base="https://openapi.akool.com/api/open/v3"):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"x-api-key": key})

    def get(self, path, params=None):
        return self.session.get(f"{self.base}{path}", params=params, timeout=30).json()

    def post(self, path, body):
        return self.session.post(self.base + path, json=body, timeout=30).json()

import requests


class Base:
    def __init__(self, key, base_url):
        self.key = key
        self.root = base_url

    def _post(self, path, body):
        return requests.post(self.root + path, json=body).json()

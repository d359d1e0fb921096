import requests


class Api:
    def __init__(self, key, base_url):
        self.key = key
        self.base_url = base_url

    def _post(self, path, body):
        return requests.post(self.base_url + path, json=body).json()


class Akool(Api):
    def __init__(self, key):
        super().__init__(key, "https://openapi.akool.com/api/open/v3")


class Other(Api):
    def __init__(self, key):
        super().__init__(key, "https://api.example.com/v1")

    def chat(self):
        return self._post("/content/video/lipsyncc", {"audio": 1})

import requests

BASE_URL = "https://openapi.akool.com/api/open/v3"


class Client:
    def __init__(self, api_key, base_url=BASE_URL):
        self.base_url = base_url
        self.headers = {"x-api-key": api_key}

    def _post(self, path, payload):
        return requests.post(self.base_url + path, json=payload, headers=self.headers).json()

    def image(self, prompt, scale="1:1"):
        return self._post("/content/image/createbyprompt", {"prompt": prompt, "scale": scale})

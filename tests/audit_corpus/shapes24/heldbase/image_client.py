import requests


class AkoolImage:
    def __init__(self, key):
        self.key = key
        self.api_url = "https://openapi.akool.com/api/open/v3/content/image"

    def create(self, prompt):
        return requests.post(self.api_url, json={"prompt": prompt, "scale": "1:1"}, headers={"x-api-key": self.key}).json()

    def info(self, i):
        return requests.get(f"{self.api_url}/infobymodelid", params={"image_model_id": i}, headers={"x-api-key": self.key}).json()

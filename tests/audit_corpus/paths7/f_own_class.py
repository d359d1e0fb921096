"""A client class with a get(path) wrapper: its objects' calls are AKOOL calls, another object's get is not."""
import requests
BASE = "https://openapi.akool.com/api/open/v3"
class A:
    def get(self, path):
        return requests.get(BASE + path).json()
    def run(self, cache):
        self.get("/avatars")
        cache.get("/avatars")
client = A()
client.get("/videos")

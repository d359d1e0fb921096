import requests
class Akool:
    BASE = "https://openapi.akool.com/api/open/v3"
    def __init__(self, key):
        self.s = requests.Session()
        self.s.headers["x-api-key"] = key
    def status(self, vid):
        return self.s.get(f"{type(self).BASE}/content/video/status/{vid}").json()
    def status2(self, vid):
        return self.s.get(f"{Akool.BASE}/content/video/status/{vid}").json()

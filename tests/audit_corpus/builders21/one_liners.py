"""A client written with one-line functions and methods."""
import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}
url = BASE + "/content/video/createbytalkingphoto"


def download(url): return requests.get(url).content
def create(u, a): return requests.post(BASE + "/content/video/createbytalkingphoto", headers=H, json={"talking_photo_url": u, "audio_url": a}).json()
def poll(vid): return requests.get(BASE + "/content/video/infobymodelid", headers=H, params={"video_model_id": vid}).json()


class Api:
    base = "https://openapi.akool.com/api/open/v3"
    def _post(self, path, body): return requests.post(self.base + path, headers=H, json=body).json()
    def talk(self, u): return self._post("/content/video/createbytalkingphoto", {"talking_photo_url": u, "audio_url": "a", "resolution": "720p"})
    def info(self, v): return self._post("/content/video/infobymodelid", {"video_model_id": v})
    def hd(self, u): return self._post("/content/video/createbytalkingphoto", {"talking_photo_url": u, "audio_url": "a", "resolution": "1080"})


job = create("u", "a")
print(job["data"]["_id"], job["data"]["task_id"])
info = poll(job["data"]["_id"])
print(info["data"]["video_status"], info["data"]["video"])

import requests

from . import DEFAULT_BASE_URL


class Client:
    def __init__(self, api_key: str, base_url: str = DEFAULT_BASE_URL):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["x-api-key"] = api_key

    def video_result(self, video_id: str) -> dict:
        return self.session.get(self.base_url + "/content/video/result", params={"video_model_id": video_id}).json()

    def quota(self) -> float:
        return self.session.get(self.base_url + "/faceswap/quota/info").json()["data"]["credit"]

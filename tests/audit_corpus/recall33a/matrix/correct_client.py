import requests


class Akool:
    BASE = "https://openapi.akool.com/api/open/v3"

    def __init__(self, key: str):
        self.s = requests.Session()
        self.s.headers["x-api-key"] = key

    def credit(self) -> float:
        return self.s.get(f"{self.BASE}/faceswap/quota/info").json()["data"]["credit"]

    def image(self, prompt: str) -> str:
        j = self.s.post(f"{self.BASE}/content/image/createbyprompt", json={"prompt": prompt, "scale": "16:9"}).json()
        return j["data"]["_id"]

    def image_done(self, image_id: str) -> bool:
        d = self.s.get(f"{self.BASE}/content/image/infobymodelid", params={"image_model_id": image_id}).json()["data"]
        return d["image_status"] == 3

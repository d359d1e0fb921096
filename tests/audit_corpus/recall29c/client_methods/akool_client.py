import os

import requests
from flask import Flask, jsonify


class Akool:
    def __init__(self, base_url="https://openapi.akool.com/api/open/v3"):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["x-api-key"] = os.environ["AKOOL_API_KEY"]

    def _request(self, method, path, **kwargs):
        return self.session.request(method, f"{self.base_url}{path}", **kwargs).json()

    def video_info(self, video_id):
        return self._request("GET", "/content/video/infobymodelid", params={"video_model_id": video_id})


client = Akool()
app = Flask(__name__)


@app.get("/videos/<vid>")
def video(vid):
    info = client.video_info(vid)["data"]
    if info["video_status"] == 3:
        return jsonify(url=info["video"])
    return jsonify(state=info["video_status"])


@app.get("/videos/<vid>/state")
def state(vid):
    data = client.video_info(vid).get("data", {})
    return jsonify(state=data.get("video_status"), url=data.get("video_url"))

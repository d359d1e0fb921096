"""Flask backend for the face swap web app: our own routes, which call AKOOL."""

import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
AKOOL_BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
HEADERS = {"x-api-key": os.getenv("AKOOL_API_KEY", "")}


@app.route("/api/v1/faceswap/image", methods=["POST"])
def swap_image():
    data = request.get_json()
    resp = requests.post(
        AKOOL_BASE + "/faceswap/highquality/specifyimage",
        json={
            "sourceImage": [{"path": data["source"], "opts": ""}],
            "targetImage": [{"path": data["target"], "opts": ""}],
            "modifyImage": data["target"],
            "face_enhance": 0,
        },
        headers=HEADERS,
        timeout=60,
    )
    return jsonify(resp.json()), resp.status_code


@app.get("/api/v1/faceswap/status/<job_id>")
def swap_status(job_id):
    resp = requests.get(
        AKOOL_BASE + "/faceswap/result/listbyids", params={"ids": job_id}, headers=HEADERS, timeout=30
    )
    return jsonify(resp.json())


@app.post("/api/v1/content/video/talking")
def talking():
    body = request.get_json()
    resp = requests.post(
        AKOOL_BASE + "/content/video/createbytalkingphoto",
        json={"talking_photo_url": body["photo"], "audio_url": body["audio"], "resolution": "1080"},
        headers=HEADERS,
        timeout=60,
    )
    return jsonify(resp.json())


if __name__ == "__main__":
    app.run(port=int(os.getenv("PORT", "8080")))

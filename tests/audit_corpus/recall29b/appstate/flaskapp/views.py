from flask import Blueprint, current_app, request

bp = Blueprint("videos", __name__)


@bp.post("/lipsync")
def lipsync():
    r = current_app.extensions["akool"].post("/content/video/lipsync", json={"video_url": request.json["v"], "audio": request.json["a"]})
    return r.json()["data"]

"""A compatibility proxy: old clients still POST to AKOOL's retired paths; we move them on."""
import logging
import sqlite3

import requests
from flask import Flask, request

BASE = "https://openapi.akool.com"
log = logging.getLogger(__name__)
app = Flask(__name__)

# old path -> documented path
MIGRATIONS = {
    "/api/open/v3/photo/talking": "/api/open/v3/content/video/createbytalkingphoto",
    "/api/open/v3/content/video/status": "/api/open/v3/content/video/infobymodelid",
}
RENAMED = [
    ("/api/open/v3/faceswap/highquality/image", "/api/open/v3/faceswap/highquality/specifyimage"),
]
ENDPOINTS = {
    "talk": "/api/open/v3/content/video/createbytalkingphoto",
    "voices": "/api/open/v3/voice/lists",
}


def route_of(path):
    if path == "/api/open/v3/photo/talking":
        log.info("legacy client on /api/open/v3/photo/talking")
    elif path.startswith("/api/open/v3/content/video/status"):
        raise ValueError("no such endpoint: /api/open/v3/content/video/status")
    elif path in ("/api/open/v2/faceswap", "/api/open/v1/faceswap"):
        print(f"old faceswap path {path}, see /api/open/v3/faceswap/highquality/specifyimage")
    match path:
        case "/api/open/v3/photo/talking/result":
            return None
    for old, new in RENAMED:
        path = path.replace(old, new)
    return MIGRATIONS.get(path, path)


@app.post("/api/open/v3/photo/talking")
def legacy_talking():
    return forward(request.path)


def forward(path):
    db = sqlite3.connect("proxy.db")
    db.execute("INSERT INTO hits(path) VALUES ('/api/open/v3/photo/talking')")
    headers = {"x-api-key": request.headers["x-api-key"]}
    return requests.post(BASE + route_of(path), json=request.json, headers=headers).json()


def talk(key, body):
    return requests.post(BASE + ENDPOINTS["talk"], json=body, headers={"x-api-key": key})


def status(key, video_id):
    # a real call, still judged: AKOOL documents no such path
    return requests.get(f"{BASE}/api/open/v3/content/video/status/{video_id}", headers={"x-api-key": key})

import os
import requests

AKOOL_BASE = os.getenv("AKOOL_PROXY_URL", "/api/akool")
AKOOL_API = os.environ.get("AKOOL_API_URL", "http://localhost:3000/api/akool")


def talking_photo(image, audio):
    return requests.post(f"{AKOOL_BASE}/talking-photo/create", json={"image": image, "audio": audio}).json()


def status(task_id):
    return requests.get(f"{AKOOL_API}/faceswap/status", params={"id": task_id}).json()


def faceswap(src, dst):
    return requests.post(AKOOL_API + "/faceswap/create", json={"src": src, "dst": dst}).json()

import requests

KEY = "set-me"


def upload_face(path):
    with open(path, "rb") as fh:
        r = requests.post("https://api.akool.com/api/v1/upload", files={"file": fh}, headers={"x-api-key": KEY})
    return r.json()["data"]["url"]


def swap(src, dst):
    r = requests.post("https://api.akool.com/api/v1/faceswap/create", json={"source": src, "target": dst}, headers={"x-api-key": KEY})
    return r.json()


def swap_status(job):
    return requests.post("https://api.akool.com/api/v1/faceswap/status", json={"id": job}, headers={"x-api-key": KEY}).json()

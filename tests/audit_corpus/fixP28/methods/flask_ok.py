import requests
from flask import Flask

AKOOL = "https://openapi.akool.com/api/open/v3"
app = Flask(__name__)


def akool(path):
    return requests.request("GET", AKOOL + path, headers={"x-api-key": "k"}).json()


@app.post("/webhook")
def hook():
    return "", 204


@app.get("/jobs/<jid>")
def job(jid):
    return akool(f"/faceswap/result/listbyids?_ids={jid}")

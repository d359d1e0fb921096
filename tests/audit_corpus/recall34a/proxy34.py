import os
import requests
from flask import Flask, request, abort

app = Flask(__name__)
AKOOL_KEY = os.environ["AKOOL_API_KEY"]


@app.post("/generate")
def generate():
    r = requests.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info", headers={"x-api-key": AKOOL_KEY})
    return r.json()


def test_generate(client):
    resp = client.post("/generate", headers={"api-key": os.environ["INTERNAL_KEY"]})
    assert resp.status_code == 200
    resp = client.post("/generate", headers={"Authorization": INTERNAL_KEY})

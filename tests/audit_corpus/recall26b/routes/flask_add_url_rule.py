import requests
from flask import Flask, request

AKOOL = "https://openapi.akool.com/api/open/v3"
app = Flask(__name__)


def talk():
    return requests.post(f"{AKOOL}/content/video/createbytalkingphoto", json=request.json, headers={"x-api-key": "k"}).json()


app.add_url_rule(
    "/api/open/v3/photo/talking",
    view_func=talk,
    methods=["POST"],
)

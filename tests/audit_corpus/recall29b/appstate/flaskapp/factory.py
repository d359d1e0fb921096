import httpx
from flask import Flask


def create_app():
    app = Flask(__name__)
    app.extensions["akool"] = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")
    app.extensions["search"] = httpx.Client(base_url="https://api.example.com/v1")
    return app

"""Receives AKOOL's job callbacks and marks renders done."""
import json
import os

from flask import Flask, request

from .crypto import generate_aes_decrypt

app = Flask(__name__)
CLIENT_ID = os.environ["AKOOL_CLIENT_ID"]
SECRET = os.environ["AKOOL_API_KEY"]


@app.post("/callbacks/akool")
def akool_callback():
    body = request.get_json()
    payload = json.loads(generate_aes_decrypt(body["dataEncrypt"], CLIENT_ID, SECRET))
    if payload["status"] == "completed":
        mark_done(payload["_id"], payload["video_url"])
    return "", 200


def mark_done(job_id, url):
    print(job_id, url)

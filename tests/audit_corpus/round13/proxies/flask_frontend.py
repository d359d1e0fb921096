import os

import requests

AKOOL_SERVICE_URL = os.environ["AKOOL_SERVICE_URL"] if "AKOOL_SERVICE_URL" in os.environ else "/api/akool"
AKOOL_API_BASE = os.getenv("AKOOL_API_BASE") or "./api/akool"


def talking_photo(body):
    return requests.post(f"{AKOOL_SERVICE_URL}/talking-photo/create", json=body).json()


def swap(body):
    return requests.post(AKOOL_API_BASE + "/faceswap/create", json=body).json()

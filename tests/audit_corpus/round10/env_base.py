import os

import requests

BASE = os.environ["AKOOL_BASE_URL"]
API = os.getenv("AKOOL_API")
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def video_result(video_id):
    return requests.get(f"{BASE}/content/video/result/{video_id}", headers=HEADERS).json()


def swap(body):
    return requests.post(API + "/faceswap/create", json=body, headers=HEADERS).json()


def image_info(image_id):
    url = f"{BASE}/content/image/infobymodelid"
    return requests.get(url, params={"image_model_id": image_id}, headers=HEADERS).json()


def voices():
    return requests.get(f"{os.environ['AKOOL_BASE_URL']}/voice/lists", headers=HEADERS).json()

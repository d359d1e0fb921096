"""Image worker: prompts in, images out."""
import requests

from endpoints import CREATE_IMAGE, IMAGE_STATUS

BASE = "https://openapi.akool.com/api/open/v3"


def akool_post(path, body):
    return requests.post(f"{BASE}{path}", json=body, timeout=30).json()


def create(prompt):
    return akool_post(CREATE_IMAGE, {"prompt": prompt, "scale": "16:9", "webhook_url": ""})


def status(image_id):
    return akool_post(IMAGE_STATUS, {"_id": image_id})

"""Image generation and polling, every path overridable by an environment variable."""
import os

import requests

API = os.environ.get("AKOOL_API", "https://openapi.akool.com/api/open/v3")
IMAGE_PATH = "/content/image/createbyprompt"


def env_or(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return value


image_path = env_or("AKOOL_IMAGE_PATH", IMAGE_PATH)
status_path = os.getenv("AKOOL_STATUS_PATH", "/content/video/status")
voices_path = os.environ.get("AKOOL_VOICES_PATH", "/voice/list")


def generate(prompt):
    r = requests.post(f"{API}{image_path}", json={"prompt": prompt, "size": "1:1"})
    return r.json()["data"]["_id"]


def status(job):
    return requests.get(API + status_path, params={"id": job}).json()


def voices():
    return requests.get(f"{API}{voices_path}", params={"page": 1}).json()

"""A path from os.getenv joined into a URL name that the call sends."""
import os, requests
BASE = "https://openapi.akool.com/api/open/v3"
IMAGE_PATH = os.getenv("IMAGE_PATH", "/content/image/createbyprompt")
def gen(prompt):
    url = f"{BASE}{IMAGE_PATH}"
    return requests.post(url, json={"prompt": prompt, "size": "1:1"})

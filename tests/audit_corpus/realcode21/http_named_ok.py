"""Image generation through an httpx client held in a name `http`, as the docs say."""
import os

import httpx

http = httpx.Client(
    base_url="https://openapi.akool.com/api/open/v3",
    headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
)


def generate(prompt):
    r = http.post("/content/image/createbyprompt", json={"prompt": prompt, "scale": "1:1"})
    return r.json()["data"]["_id"]

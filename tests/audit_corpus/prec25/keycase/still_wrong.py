import humps
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def image(prompt):
    body = humps.decamelize({"prompt": prompt, "aspectSize": "1:1"})
    return requests.post(f"{BASE}/content/image/createbyprompt", json=body).json()

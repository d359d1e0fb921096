import requests

BASE = "https://openapi.akool.com/api/open/v3"


def generate(prompt, key):
    try:
        body = {"prompt": prompt, "size": "16:9"}
        r = requests.post(f"{BASE}/content/image/createbyprompt", json=body, headers={"x-api-key": key})
    except requests.RequestException:
        raise
    return r.json()["data"]["_id"]

import requests

BASE = "https://openapi.akool.com/api/open/v3"

def generate3(prompt, key) -> str:
    body = {"prompt": prompt, "size": "16:9"}
    r = requests.post(f"{BASE}/content/image/createbyprompt", json=body, headers={"x-api-key": key})
    return r.json()["data"]["_id"]

from urllib.parse import urlunparse
import requests


def create(key, prompt):
    url = urlunparse(("https", "api.akool.com", "/api/open/v3/content/image/createbyprompt", "", "", ""))
    return requests.post(url, json={"prompt": prompt, "scale": "1:1"}, headers={"x-api-key": key}).json()

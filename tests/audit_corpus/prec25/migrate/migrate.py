import requests

OLD_HOST = "https://api.akool.com"
NEW_HOST = "https://openapi.akool.com"


def fix_url(url: str) -> str:
    """Old saved URLs point at the retired host."""
    if url.startswith(OLD_HOST):
        return NEW_HOST + url[len(OLD_HOST):]
    return url


def fetch(url, key):
    return requests.get(fix_url(url), headers={"x-api-key": key}).json()

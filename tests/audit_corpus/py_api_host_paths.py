"""Old snippets: an OAuth token and v1 paths on AKOOL's API host (see
https://docs.akool.com/authentication/usage and https://akool.com/pricing for the current ones)."""
import requests

TOKEN_URL = "https://openapi.akool.com/oauth2/token"
HOST = "https://openapi.akool.com"


def token(cid, secret):
    r = requests.post(TOKEN_URL, json={"clientId": cid, "clientSecret": secret})
    return r.json()


def legacy_result(key):
    return requests.get("https://openapi.akool.com/api/v1/faceswap/result", headers={"x-api-key": key})


def swap(key, payload):
    return requests.post(f"{HOST}/api/open/faceswap/highquality/specifyimage", json=payload, headers={"x-api-key": key})


def docs():
    print("docs: https://docs.akool.com/ai-tools-suite/faceswap/image-faceswap")

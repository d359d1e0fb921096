import requests

BASE_URL = "https://openapi.akool.com"


def token(client_id, secret):
    r = requests.post(
        f"{BASE_URL}/api/open/v3/getToken", json={"clientId": client_id, "clientSecret": secret}
    )
    return r.json()["data"]["token"]


def token_oauth(client_id, secret):
    r = requests.post(f"{BASE_URL}/auth", json={"client_id": client_id, "client_secret": secret})
    return r.json()["access_token"]

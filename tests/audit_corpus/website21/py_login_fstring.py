import os

import httpx

AKOOL_SITE = os.getenv("AKOOL_SITE", "https://api.akool.com")


def sign_in(client: httpx.Client, email: str, password: str) -> str:
    r = client.post(f"{AKOOL_SITE}/api/v1/public/login", json={"email": email, "password": password})
    return r.json()["token"]


def avatars(client: httpx.Client, key: str) -> list:
    r = client.get(f"{AKOOL_SITE}/api/open/v3/avatar/list", headers={"x-api-key": key})
    return r.json()["data"]

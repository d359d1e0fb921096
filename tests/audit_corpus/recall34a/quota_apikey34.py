"""Check the AKOOL credit balance before a batch run."""
import os

import requests

QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"


def credits() -> float:
    r = requests.get(QUOTA, headers={"api-key": os.environ["AKOOL_API_KEY"]}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]["credit"]


def credits_with_token(token: str) -> float:
    r = requests.get(QUOTA, headers={"Authorization": token}, timeout=30)
    return r.json()["data"]["credit"]


if __name__ == "__main__":
    print(credits())

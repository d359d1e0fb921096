"""The old face swap API on api.akool.com: its upload beside it is a call of the same API."""
import requests

SWAP_HOST = "https://api.akool.com"


def upload(path):
    with open(path, "rb") as fh:
        return requests.post(SWAP_HOST + "/api/v1/upload", files={"file": fh}).json()


def swap(source, target):
    return requests.post(SWAP_HOST + "/api/v1/faceswap/create", json={"source": source, "target": target}).json()

"""Only AKOOL's website: its sign-in and its upload, through a base on api.akool.com."""
import requests

SITE_API = "https://api.akool.com"


def login(email, pw):
    return requests.post(SITE_API + "/api/v1/public/login", json={"email": email, "password": pw}).json()


def upload(path, token):
    with open(path, "rb") as fh:
        return requests.post(f"{SITE_API}/api/v1/upload", files={"file": fh}, headers={"Authorization": token}).json()

"""A website clone's sign-in and a talking photo through one base on api.akool.com."""
import requests

BASE = "https://api.akool.com"


def login(email, pw):
    return requests.post(BASE + "/api/v1/public/login", json={"email": email, "password": pw}).json()


def talk(photo, audio, key):
    headers = {"x-api-key": key}
    body = {"talking_photo_url": photo, "audio_url": audio}
    return requests.post(BASE + "/api/open/v3/content/video/createbytalkingphoto", json=body, headers=headers).json()

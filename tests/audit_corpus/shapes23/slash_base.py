import requests

BASE = "https://openapi.akool.com/api/open/v3/"


def status(video_id):
    return requests.get(f"{BASE}content/video/status/{video_id}").json()


def voices():
    return requests.get(f"{BASE}voice/list").json()

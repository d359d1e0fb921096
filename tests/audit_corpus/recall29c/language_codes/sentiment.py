import os

import requests

URL = "https://openapi.akool.com/api/open/v3/content/analysis/sentiment"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
LANGUAGE = "German"


def analyse(video_url: str) -> str:
    r = requests.post(URL, headers=HEADERS, json={"url": video_url, "type": 2, "language": LANGUAGE})
    return r.json()["data"]["_id"]

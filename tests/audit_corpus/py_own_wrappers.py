"""A Flask app that calls AKOOL directly and its own job service through a wrapper; neither the
job service's wrapper nor the file writer is an AKOOL call, whatever paths they are given."""
import os

import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
JOBS = os.environ.get("JOBS_URL", "http://localhost:3007/api")
RESULTS = "/content/video/infobymodelid"


def jobs_post(path, payload):
    url = JOBS + path
    return requests.post(url, json=payload, timeout=10).json()


def save(name, data):
    target = AKOOL + RESULTS
    with open(name, "w") as fh:
        fh.write(f"{target}: {data}")


def start(photo, audio):
    jobs_post("/content/video/createbytalkingphoto", {"resolution": "720p"})
    jobs_post("/content/video/status/1", {})
    save("content/video/result.json", {})
    r = requests.post(
        f"{AKOOL}/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "audio_url": audio, "resolution": "1080"},
        headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
    )
    return r.json()["data"]["_id"]

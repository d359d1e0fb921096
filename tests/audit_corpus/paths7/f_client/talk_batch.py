"""Talking photos for a list of portraits, through the shared client."""
import sys

import requests

from akool_api import AkoolApi


def main(key, photos, audio):
    api = AkoolApi(key)
    for photo in photos:
        job = api.post("/content/video/createbytalkingphoto", {"talking_photo_url": photo, "audio_url": audio, "resolution": "1080p"})
        info = api.post("/content/video/infobymodelid", {"video_model_id": job["data"]["_id"]})
        print(info)
    print(api.get("/avatars"))
    print(api.get("/voice/list", {"from": 3}))
    requests.post("https://hooks.example.com/done", json={"ok": True})


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:-1], sys.argv[-1])

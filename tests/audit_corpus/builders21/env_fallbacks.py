"""A talking-photo batch configured from the environment and the command line."""
import argparse
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
RESOLUTION = os.getenv("AKOOL_RESOLUTION", "720p")
HD_RESOLUTION = os.environ.get("AKOOL_HD_RESOLUTION") or "1080"
KEY = os.getenv("AKOOL_API_KEY", "")

parser = argparse.ArgumentParser()
parser.add_argument("--photo", required=True)
parser.add_argument("--audio", required=True)
parser.add_argument("-r", "--resolution", default="1080p", choices=["720", "1080p"])
args = parser.parse_args()


def talk():
    body = {"talking_photo_url": args.photo, "audio_url": args.audio, "resolution": RESOLUTION}
    return requests.post(BASE + "/content/video/createbytalkingphoto", json=body, headers={"x-api-key": KEY}).json()


talk()
requests.post(BASE + "/content/video/createbytalkingphoto", headers={"x-api-key": KEY},
              json={"talking_photo_url": args.photo, "audio_url": args.audio, "resolution": HD_RESOLUTION})
requests.post(BASE + "/content/video/createbytalkingphoto", headers={"x-api-key": KEY},
              json={"talking_photo_url": args.photo, "audio_url": args.audio, "resolution": args.resolution})
requests.post(BASE + "/content/video/createbytalkingphoto", headers={"x-api-key": KEY},
              json={"talking_photo_url": args.photo, "audio_url": args.audio, "resolution": os.getenv("AKOOL_RES")})

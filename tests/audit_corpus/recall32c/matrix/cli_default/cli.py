"""Command line: make a talking-photo video."""

import argparse
import os

import requests

API = "https://openapi.akool.com/api/open/v3"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("photo")
    p.add_argument("audio")
    p.add_argument("--resolution", default="480", help="video resolution")
    p.add_argument("--scale", choices=["1:1", "16:9", "9:16"], default="1:1")
    args = p.parse_args()
    r = requests.post(f"{API}/content/video/createbytalkingphoto",
                      json={"talking_photo_url": args.photo, "audio_url": args.audio, "resolution": args.resolution},
                      headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    print(r.json()["data"]["_id"])


if __name__ == "__main__":
    main()

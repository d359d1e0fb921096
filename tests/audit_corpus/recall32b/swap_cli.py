"""Swap a face in an image from the command line."""

import argparse
import os

import requests

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("source")
parser.add_argument("target")
parser.add_argument("--enhance", action="store_true", help="sharpen the swapped face")
args = parser.parse_args()

resp = requests.post(
    "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage",
    headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
    json={
        "sourceImage": [{"path": args.source, "opts": ""}],
        "targetImage": [{"path": args.target, "opts": ""}],
        "modifyImage": args.target,
        "face_enhance": args.enhance,
    },
    timeout=30,
)
print(resp.json()["data"]["_id"])

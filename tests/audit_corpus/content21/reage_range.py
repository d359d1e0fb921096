"""Age a portrait with AKOOL's reage API and keep the job ids."""
import os

import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def older(image_url: str, face: str, opts: str) -> str:
    body = {
        "targetImage": [{"path": face, "opts": opts}],
        "face_reage": 80,
        "modifyImage": image_url,
    }
    r = requests.post(f"{AKOOL}/faceswap/highquality/imgreage", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]


def younger(video_url: str, face: str, opts: str, years: int = -20) -> str:
    body = {
        "targetImage": [{"path": face, "opts": opts}],
        "face_reage": years,
        "modifyVideo": video_url,
    }
    r = requests.post(f"{AKOOL}/faceswap/highquality/vidreage", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]


def much_younger(video_url: str, face: str, opts: str, years: int = -45) -> str:
    r = requests.post(
        f"{AKOOL}/faceswap/highquality/vidreage",
        json={"targetImage": [{"path": face, "opts": opts}], "face_reage": years,
              "modifyVideo": video_url},
        headers=HEADERS,
    )
    return r.json()["data"]["_id"]

"""AKOOL client built on the endpoint constants."""

import os

import requests

from .endpoints import BASE_URL, FACESWAP_RESULTS, IMAGE_CREATE, TALKING_PHOTO, VIDEO_INFO

H = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def talk(photo: str, audio: str) -> str:
    return requests.post(BASE_URL + TALKING_PHOTO, json={"talking_photo_url": photo, "audio_url": audio}, headers=H).json()["data"]["_id"]


def info(video_id: str) -> dict:
    return requests.get(BASE_URL + VIDEO_INFO, params={"video_id": video_id}, headers=H).json()["data"]


def draw(prompt: str) -> str:
    return requests.post(BASE_URL + IMAGE_CREATE, json={"prompt": prompt, "scale": "1:1"}, headers=H).json()["data"]["_id"]


def swaps(ids: str) -> list:
    return requests.get(BASE_URL + FACESWAP_RESULTS, params={"_ids": ids}, headers=H).json()["data"]["result"]

"""Reads AKOOL's answers defensively with .get chains."""

import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def video_url(video_id: str) -> str | None:
    body = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": video_id}, headers=H).json()
    if body.get("data", {}).get("video_status") == 3:
        return body.get("data", {}).get("video")
    return None


def swap_urls(ids: str) -> list[str]:
    body = requests.get(f"{BASE}/faceswap/result/listbyids", params={"_ids": ids}, headers=H).json()
    return [r.get("result_url") for r in body.get("data", {}).get("result", [])]

"""AKOOL videos through an httpx client made by a factory."""
import os

import httpx


def akool_client() -> httpx.Client:
    return httpx.Client(
        base_url=os.getenv("AKOOL_URL", "https://openapi.akool.com/v1"),
        headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
    )


def video(video_id: str) -> dict:
    return akool_client().get(f"/content/video/{video_id}").json()


def delete_video(video_id: str) -> None:
    api = akool_client()
    api.delete(f"/content/video/{video_id}")

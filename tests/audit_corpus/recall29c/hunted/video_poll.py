"""Poll a talking-photo render from a Celery task."""
import os

import requests

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def check(video_model_id: str) -> str | None:
    r = requests.get(f"{API}/content/video/infobymodelid", headers=HEADERS, params={"video_model_id": video_model_id})
    status = r.json().get("data", {}).get("video_status")
    if status == "completed":
        return r.json()["data"]["video"]
    return None

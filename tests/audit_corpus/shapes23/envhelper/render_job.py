import requests

from settings_util import env_fallback

API_BASE = env_fallback("AKOOL_API_BASE", "https://openapi.akool.com/api/open/v3")
CREATE_PATH = env_fallback("AKOOL_CREATE_PATH", "/content/video/createbytalkingphoto")
DETAIL_PATH = env_fallback("AKOOL_DETAIL_PATH", "/content/video/detail")


def create(photo, audio):
    payload = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720p"}
    resp = requests.post(f"{API_BASE}{CREATE_PATH}", json=payload, timeout=60)
    return resp.json()["data"]["videoUrl"]


def detail(video_id):
    return requests.get(f"{API_BASE}{DETAIL_PATH}", params={"video_model_id": video_id}).json()

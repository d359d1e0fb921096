import requests

AKOOL = {
    "base": "https://openapi.akool.com/api/open/v3",
    "paths": {"talk": "/content/video/createbytalkingphoto", "info": "/content/video/infobymodelid"},
}


def talk(photo: str, audio: str) -> str:
    body = {"talking_photo_url": photo, "audio": audio}
    return requests.post(AKOOL["base"] + AKOOL["paths"]["talk"], json=body).json()["data"]["_id"]


def info(video_id: str) -> dict:
    r = requests.get(AKOOL["base"] + AKOOL["paths"]["info"], params={"video_model_id": video_id})
    return r.json()["data"]

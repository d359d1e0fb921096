"""Poll AKOOL jobs with plain requests (written for the audit's corpus: answer reads)."""

import os
import time

import requests

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def speak(text, voice):
    r = requests.post(f"{API}/audio/create", json={"input_text": text, "voice_id": voice}, headers=HEADERS)
    answer = r.json()
    return answer["data"]["_id"], answer["data"]["status"]  # both documented (TTS answer)


def video_url(video_id):
    return requests.get(f"{API}/content/video/infobymodelid?video_model_id={video_id}", headers=HEADERS).json()["data"]["video_url"]


def wait_video(video_id):
    while True:
        info = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": video_id}, headers=HEADERS).json()
        if info["data"]["status"] == 3:
            return info["data"]["video"]
        time.sleep(5)


def image_result(image_id):
    res = requests.get(f"{API}/content/image/infobymodelid?image_model_id={image_id}", headers=HEADERS)
    body = res.json()
    if not body["success"]:
        raise RuntimeError(body["msg"])
    data = body["data"]
    return data.get("image_url") or data.get("url")


def video_status(video_id):
    res = requests.get(f"{API}/content/video/infobymodelid", headers=HEADERS)
    return res.json()["data"].get("video_status")

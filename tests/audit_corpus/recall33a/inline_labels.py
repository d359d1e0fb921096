import requests

API = "https://openapi.akool.com/api/open/v3"


def video_state(vid):
    d = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    return {1: "queued", 2: "done", 3: "failed"}[d["video_status"]]


def image_result(image_id):
    d = requests.get(f"{API}/content/image/infobymodelid", params={"image_model_id": image_id}).json()["data"]
    return {"done": d["image_status"] == 3, "url": d.get("image")}

import requests

API = "https://openapi.akool.com/api/open/v3"


def notify_when_done(video_id, key):
    d = requests.get(f"{API}/content/video/infobymodelid",
                     params={"video_model_id": video_id},
                     headers={"x-api-key": key}).json()["data"]
    if d["video_status"] == "3":
        print(d["video"])
    if d["video_status"] == 3:
        print("ready")

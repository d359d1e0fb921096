import requests

API = "https://openapi.akool.com/api/open/v3"


def poll(key, task_id):
    data = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": task_id},
                        headers={"x-api-key": key}).json()["data"]
    if data["video_status"] == 5:
        return "done"
    rows = [data]
    if rows[0]["video_status"] == 5:
        return "done"

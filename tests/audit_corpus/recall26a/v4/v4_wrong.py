import requests

V4 = "https://openapi.akool.com/api/open/v4"
H = {"x-api-key": "k"}


def headswap_video(task_id):
    j = requests.get(f"{V4}/headswap/task/detail", params={"_id": task_id}, headers=H).json()
    if j["data"]["status"] == 2:
        return j["data"]["video_url"]
    return None


def image_videos(ids):
    j = requests.post(f"{V4}/image2Video/resultsByIds", json={"_ids": ",".join(ids)}, headers=H).json()
    for r in j["data"]["result"]:
        if r["status"] == 2:
            yield r["video_url"]


def speech(resource_id):
    d = requests.get(f"{V4}/voice/resource/detail/{resource_id}", headers=H).json()["data"]
    if d["result"]["status"] == 2:
        return d["result"]["preview"]
    return None

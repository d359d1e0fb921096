import requests

BASE = "https://openapi.akool.com/api/open/v3"


def export_label(row):
    labels = {1: "new", 2: "done", 3: "archived"}
    return labels[row.state]


def render_label(vid, key):
    labels = {1: "queued", 2: "processing", 3: "done", 4: "failed"}
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": key}).json()["data"]
    return labels[d["video_status"]]

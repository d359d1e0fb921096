import requests
BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}

def status(kind, job):
    if kind == "image":
        r = requests.get(f"{BASE}/content/image/infobymodelid", headers=H, params={"image_model_id": job})
        print("image", r.json()["data"]["status"])
    else:
        r = requests.get(f"{BASE}/content/video/infobymodelid", headers=H, params={"video_model_id": job})
        print("video", r.json()["data"]["status"])
    d = r.json()["data"]
    if kind == "image":
        return d["image_status"], d.get("image")
    return d["video_status"], d.get("video")

def create(body):
    try:
        r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body, timeout=5)
    except requests.Timeout:
        r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body, timeout=5)
    return r.json()["data"]["task_id"]

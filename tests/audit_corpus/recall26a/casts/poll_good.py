import requests

BASE = "https://openapi.akool.com/api/open/v3"


def swap_state(job_id):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": job_id}).json()
    state = (j.get("data") or {}).get("video_status")
    if state == 4:
        raise RuntimeError("cancelled")
    return state

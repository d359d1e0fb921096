from dataclasses import dataclass
import requests
BASE = "https://openapi.akool.com/api/open/v3"
@dataclass
class Info:
    video_status: int = 0
    video: str = ""
def f(vid):
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    info = Info(**{k: d[k] for k in ("video_status", "video") if k in d})
    if info.video_status == 0:
        return None
    return info.video

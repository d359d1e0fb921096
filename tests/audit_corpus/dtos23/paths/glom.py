import jmespath
import requests
from glom import glom

BASE = "https://openapi.akool.com/api/open/v3"


def status(vid):
    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": "k"})
    j = r.json()
    return glom(j, "data.status"), jmespath.search("data.video_url", j), glom(j, "data.video")

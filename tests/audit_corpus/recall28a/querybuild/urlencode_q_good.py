from urllib.parse import urlencode

import requests

BASE = "https://openapi.akool.com/api/open/v3"


def info(vid: str) -> dict:
    return requests.get(f"{BASE}/content/video/infobymodelid?{urlencode({'video_model_id': vid})}", headers={"x-api-key": "k"}).json()

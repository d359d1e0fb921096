import requests
from enum import IntEnum, auto
class S(IntEnum):
    QUEUED = auto()
    DONE = auto()
    PROCESSING = auto()
d = requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", params={"video_model_id": "x"}).json()["data"]
if d["video_status"] == S.DONE:
    print(d["video"])

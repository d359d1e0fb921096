"""Face swap, with the request kept commented out for the dry run."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def swap(source, target):
    # r = requests.request("POST", f"{BASE}/faceswap/highquality/specifyimage", headers=H, json={
    #     "sourceImage": [{"path": source}],
    #     "targetImage": [{"path": target}],
    #     "face_enhance": 1,
    # })
    # job_id = r.json()["data"]["_id"]
    # s = requests.request("GET", f"{BASE}/faceswap/result/listbyids?_ids={job_id}", headers=H)
    return None

"""Looks up talking-photo videos and the voice list; queries built as pairs, dict() and urlencode."""

import os
import sys
from urllib.parse import urlencode

import httpx
import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
vid = sys.argv[1]

a = requests.get(f"{BASE}/content/video/infobymodelid", params=[("video_id", vid)], headers=HEADERS)
b = requests.get(f"{BASE}/content/video/infobymodelid?" + urlencode({"videoModelId": vid}), headers=HEADERS)
c = httpx.get(f"{BASE}/content/video/infobymodelid", params=httpx.QueryParams(model_id=vid), headers=HEADERS)
d = requests.get(f"{BASE}/content/video/infobymodelid", params=dict(video_model_id=vid), headers=HEADERS)
e = httpx.get(f"{BASE}/voice/list", params=httpx.QueryParams({"page": 1, "size": 20}), headers=HEADERS)
for r in (a, b, c, d):
    print(r.json()["data"]["video_status"])

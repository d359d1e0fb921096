import os

import requests

session = requests.Session()
session.headers["x-api-key"] = os.environ["AKOOL_API_KEY"]
STATUS_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
res = session.request(method="GET", url=STATUS_URL, params={"video_model_id": "abc"})
print(res.json()["data"]["state"])

import os

import requests

H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def avatars():
    r = requests.get("https://openapi.akool.com/api/open/v3/avatar/list", headers=H, params={"from": 2})
    body = r.json()
    items = body["data"]["result"]
    total = body["data"]["count"]
    print(len(body["data"]), body["data"][0]["avatar_id"])
    return items, total

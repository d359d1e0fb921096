import requests
BASE = "https://openapi.akool.com/api/open/v3"
def first():
    j = requests.get(f"{BASE}/avatar/list", params={"page": 1}).json()
    d = j["data"][0]
    items = j["data"]
    first = items[0]
    for a in j["data"]:
        print(a["avatar_id"])
    return d["avatar_id"], first["avatar_id"], [x["url"] for x in items]

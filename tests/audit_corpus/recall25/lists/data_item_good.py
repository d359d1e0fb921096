import requests
BASE = "https://openapi.akool.com/api/open/v3"
def first():
    j = requests.get(f"{BASE}/avatar/list", params={"page": 1}).json()
    for data in j["data"]:
        print(data["avatar_id"])
    data = j["data"][0]
    return data["avatar_id"]

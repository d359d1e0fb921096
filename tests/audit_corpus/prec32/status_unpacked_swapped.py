import requests

DONE, FAILED = 3, 4
QUEUED, PROCESSING = (1, 2)


def poll(ids, key):
    j = requests.get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids",
                     params={"_ids": ids}, headers={"x-api-key": key}).json()
    out = []
    for row in j["data"]["result"]:
        if row["faceswap_status"] == DONE:
            out.append(row["url"])
        elif row["faceswap_status"] == FAILED:
            out.append(None)
    return out

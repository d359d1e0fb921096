import json

import urllib3

http = urllib3.PoolManager()


def voices(key):
    r = http.request("GET", "https://openapi.akool.com/api/open/v4/voice/list", fields={"type": "2", "page": "1"}, headers={"x-api-key": key})
    return json.loads(r.data)["data"]


def voices_all(key):
    r = http.request("GET", "https://openapi.akool.com/api/open/v4/voice/list", fields={"type": "1"}, headers={"x-api-key": key})
    return json.loads(r.data)["data"]


def video(key, vid):
    r = http.request("GET", "https://openapi.akool.com/api/open/v3/content/video/infobymodelid", fields={"video_model_id": vid}, headers={"x-api-key": key})
    return json.loads(r.data)["data"]


def video_misnamed(key, vid):
    r = http.request("GET", "https://openapi.akool.com/api/open/v3/content/video/infobymodelid", fields={"videoModelId": vid})
    return json.loads(r.data)["data"]

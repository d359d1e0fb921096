import requests

BASE = "https://openapi.akool.com"


def get(path, **params):
    return requests.get(BASE + path, params=params, headers={"x-api-key": "k"}).json()


def voices():
    return get("/api/open/v4/voice/list", page=1, size=100)


def info(x):
    return get("/api/open/v3/content/video/infobymodelid", videoModelId=x)


def info_ok(x):
    return get("/api/open/v3/content/video/infobymodelid", video_model_id=x)

import requests

BASE = "https://openapi.akool.com"


def get(path, **params):
    params.setdefault("type", 1)
    return requests.get(BASE + path, params=params).json()


def get2(path, **params):
    return requests.get(BASE + path, params=params).json()


def voices():
    return get("/api/open/v4/voice/list", page=1, size=100)


def voices2(extra):
    return get2("/api/open/v4/voice/list", page=1, **extra)


def voices3():
    return get2("/api/open/v4/voice/list", type=1, page=1)

import requests

from app.akool_client import akool_get


def effect_names():
    body = akool_get("/v4/image2Video/effects")
    return [e["name"] for e in body["data"]]


def effect_count():
    body = akool_get("/v4/image2Video/effects")
    return len(body["data"])


def languages():
    body = requests.get("https://openapi.akool.com/api/open/v3/language/list", headers={"x-api-key": "k"}).json()
    for lang in body["data"]:
        print(lang)

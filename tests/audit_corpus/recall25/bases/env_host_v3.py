import os
import requests

HOST = os.environ["AKOOL_BASE_URL"]
V3 = HOST + "/api/open/v3"
V4 = f"{HOST}/api/open/v4"


def knowledge(name, key):
    return requests.post(f"{V3}/knowledge/create", json={"name": name}, headers={"x-api-key": key}).json()


def knowledge_good(name, key):
    return requests.post(f"{V4}/knowledge/create", json={"name": name}, headers={"x-api-key": key}).json()

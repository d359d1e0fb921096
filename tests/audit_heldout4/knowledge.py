"""Create the support bot's knowledge base on AKOOL from our docs URLs."""
import os

import httpx

client = httpx.Client(base_url="https://openapi.akool.com/api/open/v4", headers={"x-api-key": os.environ["AKOOL_API_KEY"]}, timeout=30)


def create_kb(name, urls):
    r = client.post("/knowledge/create", json={"name": name, "urls": urls, "prologue": "Hi! Ask me anything.", "description": "support docs"})
    r.raise_for_status()
    return r.json()["data"]["_id"]


def list_kb():
    return client.get("/knowledge/list", params={"page": 1, "size": 20}).json()["data"]


def delete_kb(kb_id):
    return client.post("/knowledge/delete", json={"id": kb_id}).json()

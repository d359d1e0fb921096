"""Face-swap results read defensively, and one chain that reads a guess first."""

import os

import requests

BASE = "https://openapi.akool.com"
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def results(ids: list[str]) -> list[tuple[str, str, str]]:
    r = requests.get(
        f"{BASE}/api/open/v3/faceswap/result/listbyids",
        params={"_ids": ",".join(ids)},
        headers=HEADERS,
        timeout=30,
    )
    body = r.json()
    out = []
    for item in body["data"]["result"]:
        why = item.get("alg_msg") or item.get("faceswap_status")
        url = item.get("url") or item.get("output_url")
        out.append((item["_id"], str(why), url))
    first = body["data"]["result"][0].get("url") or body["data"]["result"][0].get("result_url")
    print(first)
    return out


def image(image_id: str) -> str:
    r = requests.get(
        f"{BASE}/api/open/v3/content/image/infobymodelid",
        params={"image_model_id": image_id},
        headers=HEADERS,
        timeout=30,
    )
    d = r.json()["data"]
    if d.get("image_status") == 4:
        raise RuntimeError(str(d.get("error_reasons")))
    return d.get("image") or d.get("image_url")

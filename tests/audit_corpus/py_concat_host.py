import requests

HOST = "https://openapi.akool.com"


def swap(src, dst):
    url = HOST + "/api/open/v4/faceswap/faceswapByImage"
    payload = {
        "sourceImage": [{"path": src}],
        "targetImage": [{"path": dst}],
        "face_enhance": True,
        "webhook_url": "https://example.com/hook",
    }
    return requests.post(url, json=payload, headers={"x-api-key": "KEY"}).json()


def credit():
    return requests.get(
        HOST + "/api/open/v3/faceswap/quota/info", headers={"x-api-key": "KEY"}
    ).json()

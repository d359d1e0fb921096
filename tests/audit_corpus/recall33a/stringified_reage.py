import requests

API = "https://openapi.akool.com/api/open/v3"


def reage(face, video, years):
    body = {"targetImage": [{"path": face, "opts": ""}], "face_reage": str(years), "modifyImage": video}
    return requests.post(f"{API}/faceswap/highquality/imgreage", json=body)

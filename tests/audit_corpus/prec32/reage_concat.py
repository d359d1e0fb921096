import requests

URL = "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage"


def reage(img: str, years: int) -> dict:
    body = '{"targetImage":[{"path":"' + img + '","opts":""}],"face_reage":' + str(years) + ',"modifyImage":"' + img + '"}'
    return requests.post(URL, data=body, headers={"Content-Type": "application/json"}).json()

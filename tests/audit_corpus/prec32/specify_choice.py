import requests

URL = "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage"


def swap(src: str, dst: str, enhance: bool) -> dict:
    body = (
        '{"sourceImage":[{"path":"' + src + '","opts":""}],'
        '"targetImage":[{"path":"' + dst + '","opts":""}],'
        '"face_enhance":' + ("1" if enhance else "0") + ','
        '"modifyImage":"' + dst + '"}'
    )
    return requests.post(URL, data=body, headers={"Content-Type": "application/json"}).json()

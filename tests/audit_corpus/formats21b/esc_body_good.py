import os

import requests

API = "https://openapi.akool.com/api/open/v3"
HEAD = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}

requests.post(
    API + "/content/video/createbytalkingphoto",
    headers=HEAD,
    data="{\"talking_photo_url\": \"https://x/p.jpg\", \"audio_url\": \"https://x/a.mp3\", \"resolution\": \"1080\"}",
)
requests.post(
    API + "/faceswap/highquality/specifyimage",
    headers=HEAD,
    data="{\"sourceImage\": [{\"path\": \"s\", \"opts\": \"\"}], \"targetImage\": [{\"path\": \"t\", \"opts\": \"\"}], \"modifyImage\": \"t\", \"face_enhance\": 1}",
)

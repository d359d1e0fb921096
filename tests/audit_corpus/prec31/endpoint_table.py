"""An endpoint table whose {_id} paths are prefixes the id is appended to."""
import requests
BASE = "https://openapi.akool.com"
ENDPOINTS = {
    "voice_result": "/api/open/v4/voice/resource/detail",
    "talk": "/api/open/v3/content/video/createbytalkingphoto",
}
def result(rid):
    return requests.get(BASE + ENDPOINTS["voice_result"] + "/" + rid, headers=H).json()
def talk(b):
    return requests.post(BASE + ENDPOINTS["talk"], json=b, headers=H).json()

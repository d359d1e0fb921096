import requests
SETTINGS = {"akool": {"base": "https://openapi.akool.com/api/open/v3"}, "store": {"base": "https://files.example.com"}}
def status(key, vid):
    return requests.get(SETTINGS["akool"]["base"] + "/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": key}).json()
def upload(path):
    return requests.put(SETTINGS["store"]["base"] + "/uploads/content/video/status", data=open(path, "rb"))

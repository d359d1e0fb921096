import requests
BASE = "https://openapi.akool.com/api/open/v3"


def video(vid):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()
    if j["code"] != 1000:
        raise RuntimeError(j["msg"])
    return j["data"]


def weather(city):
    j = requests.get("https://api.example-weather.com/v1/now", params={"city": city}).json()
    if j["code"] != 0:
        raise RuntimeError(j["message"])
    return j["result"]

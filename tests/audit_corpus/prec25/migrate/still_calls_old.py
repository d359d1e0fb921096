import requests

OLD_HOST = "https://api.akool.com"


def legacy_status(vid, key):
    if not OLD_HOST.startswith("https://"):
        raise ValueError(OLD_HOST)
    return requests.get(f"{OLD_HOST}/api/open/v3/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": key}).json()

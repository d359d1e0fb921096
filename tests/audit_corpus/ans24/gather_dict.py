import requests
B = "https://openapi.akool.com/api/open/v3"
def both(v, i):
    answers = {
        "video": requests.get(f"{B}/content/video/infobymodelid", params={"video_model_id": v}).json(),
        "image": requests.get(f"{B}/content/image/infobymodelid", params={"image_model_id": i}).json(),
    }
    return answers["video"]["data"]["video_status"], answers["image"]["data"]["status"]

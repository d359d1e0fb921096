import requests
B = "https://openapi.akool.com/api/open/v3"
def both(v, i):
    image, video = requests.get(f"{B}/content/image/infobymodelid", params={"image_model_id": i}).json(), requests.get(f"{B}/content/video/infobymodelid", params={"video_model_id": v}).json()
    return video["data"]["video_status"], image["data"]["image_status"]

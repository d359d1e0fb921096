import requests
B = "https://openapi.akool.com/api/open/v3"
def get_status(i):
    return requests.get(f"{B}/content/video/infobymodelid", params={"video_model_id": i}).json()["data"]

import requests
def f(key, vid):
    j = requests.get(f"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={vid}", headers={"x-api-key": key}).json()
    return DotMap(j).data.video_status

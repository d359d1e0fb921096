import requests

API = "https://openapi.akool.com/api/open/v3"


def handle(answer):
    if answer["data"]["video_status"] == 5:
        print("done")


def poll(token, vid):
    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid},
                     headers={"Authorization": f"Bearer {token}"})
    handle(r.json())

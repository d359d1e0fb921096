import requests

API = "https://openapi.akool.com/api/open/v3"

# our own jobs table: 5 = delivered to the customer
def notify_customer(job):
    if job["video_status"] == 5:
        send_email(job["email"])


def create(token, payload):
    r = requests.post(f"{API}/content/video/createbytalkingphoto", json=payload,
                      headers={"Authorization": f"Bearer {token}"})
    return r.json()["data"]["_id"]


def poll(token, vid):
    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid},
                     headers={"Authorization": f"Bearer {token}"})
    return r.json()["data"]["video_status"] == 3

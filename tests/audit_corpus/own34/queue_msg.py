import requests

BASE = "https://openapi.akool.com/api/open/v3"


def on_message(msg):
    # our worker's own states: 7 = archived
    if msg["data"]["image_status"] == 7:
        archive(msg)


def make_image(token, prompt):
    r = requests.post(BASE + "/content/image/createbyprompt",
                      json={"prompt": prompt, "scale": "1:1"},
                      headers={"Authorization": "Bearer " + token})
    data = r.json()["data"]
    return data["_id"]

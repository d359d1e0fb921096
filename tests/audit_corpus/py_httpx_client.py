import os

import httpx

client = httpx.Client(
    base_url=os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open/v3"),
    headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
)


def image(prompt):
    return client.post(
        "/content/image/createbyprompt", json={"prompt": prompt, "size": "16:9"}
    ).json()


def upscale(image_id):
    return client.post(
        "/content/image/createbybutton", json={"_id": image_id, "button": "U1"}
    ).json()


def lipsync(video, audio):
    return client.post(
        "/content/video/lipSync", json={"video_url": video, "audio_url": audio}
    ).json()

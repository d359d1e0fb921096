from clients26b import client, make_client


def status(vid):
    return client.get(f"/content/video/status/{vid}").json()


def info(vid):
    return client.get("/content/video/infobymodelid", params={"video_model_id": vid}).json()


def talk(key, photo, audio):
    akool = make_client(key)
    return akool.post("/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio, "resolution": "1080p"}).json()

from akool_video_api import AkoolVideoApi, fetch_video

api = AkoolVideoApi()


def done(video_id):
    info = api.video(video_id)
    return info["data"]["status"] == 3


def result(video_id):
    data = api.video_data(video_id)
    return data["result_url"]


def error(video_id):
    info = fetch_video(video_id)
    return info["data"]["error_msg"]


def fine(video_id):
    info = api.video(video_id)
    return info["data"]["video"], info["data"]["video_status"]

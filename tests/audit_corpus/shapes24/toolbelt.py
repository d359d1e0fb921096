from requests_toolbelt import sessions
s = sessions.BaseUrlSession(base_url="https://openapi.akool.com/api/open/v3")
def info(i):
    return s.get("content/video/infobymodelid", params={"video_model_id": i})

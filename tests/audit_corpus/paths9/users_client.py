"""User and export endpoints of our own backend, through the shared session."""

from app.net.request_utils import get, post

STATUS_PATHS = {
    "export": "/v2/content/export/info",
    "import": "/v2/content/import/status",
}


def user_info(user_id):
    return get("/v3/users/info", params={"id": user_id})


def voice_settings(user_id):
    return get("/v1/voice/settings", params={"user": user_id})


def job_status(kind, job_id):
    return get(STATUS_PATHS[kind], params={"id": job_id})


def create_video(title):
    return post("/v3/content/video/create", json={"title": title, "size": "1:1"})

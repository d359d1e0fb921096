from app.akool_client import akool_get


def voice_resources(page=1):
    return akool_get(f"/v4/voice/resource/list?page={page}&size=20")


def clone_resources(page=1):
    return akool_get(f"/v4/voice/resource/list?type=1&page={page}")

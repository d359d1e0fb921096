import requests
BASE = "https://openapi.akool.com/api/open/v3"
STATUS_PATHS = {  # job kind -> status path
    "talk": "/content/video/infobymodelid",
    "image": "/content/image/status",
}
def poll(kind, i):
    return requests.get(BASE + STATUS_PATHS[kind], params={"_id": i})

"""Poll AKOOL jobs of any kind through one table of status paths."""
import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": "..."}
STATUS_PATHS = {
    "talking_photo": "/content/video/infobymodelid",
    "faceswap": "/faceswap/result/status",
    "image": "/content/image/infoByModelId",
}
RESULT_PATHS = {"video": "/content/video/infobymodelid", "audio": "/audio/result"}


def status(kind, job_id):
    return requests.get(BASE + STATUS_PATHS[kind], params={"_id": job_id}, headers=HEADERS).json()


def result(kind, job_id):
    path = RESULT_PATHS.get(kind)
    return requests.get(f"{BASE}{path}", params={"_id": job_id}, headers=HEADERS).json()

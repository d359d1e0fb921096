"""AKOOL client wrapper around the platform's ApiClient."""
import enum
from platform_sdk.client import ApiClient


class JobKind(enum.Enum):
    HEADSWAP = "headswap"
    LIPSYNC = "lipsync"


AKOOL_STATUS = {
    JobKind.HEADSWAP: "/v4/headswap/task/info",
    "talking-photo": "/v3/content/video/infobymodelid",
}


class AkoolService:
    def __init__(self, key):
        self.client = ApiClient(base_url_env="AKOOL_BASE_URL", key=key)

    def akool_status(self, kind, job_id):
        return self.client.get(AKOOL_STATUS.get(kind), params={"id": job_id})

    def akool_avatar_list(self):
        return self.client.get("/v3/avatar/lists")

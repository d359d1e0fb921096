import requests

from app.settings import settings


class AkoolFaceSwap:
    def status(self, job_id):
        url = f"{settings.base_url}/api/open/v3/faceswap/task/{job_id}"
        return requests.get(url, headers={"x-api-key": settings.key}).json()

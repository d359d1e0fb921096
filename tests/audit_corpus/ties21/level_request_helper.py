import requests
BASE = "https://openapi.akool.com/api/open/v3"

class A:
    def _request(self, method, path, **kw):
        resp = requests.request(method, f"{BASE}{path}", **kw)
        body = resp.json()
        return body

    def _get(self, path, **kw):
        resp = requests.get(f"{BASE}{path}", **kw)
        return resp.json()

    def v1(self, job_id):
        data = self._request("GET", "/content/video/infobymodelid", params={"video_model_id": job_id})["data"]
        return data["video_status"]

    def v2(self, job_id):
        data = self._get("/content/video/infobymodelid", params={"video_model_id": job_id})["data"]
        return data["video_status"]

    def v3(self, job_id):
        body = self._get("/content/video/infobymodelid", params={"video_model_id": job_id})
        return body["data"]["video_status"]

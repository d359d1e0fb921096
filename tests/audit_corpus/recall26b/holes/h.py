from urllib.parse import quote
import httpx

client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")

def status(vid):
    return client.get(f"/content/video/status/{quote(vid)}").json()

def ok(vid):
    return client.get(f"/content/video/infobymodelid?video_model_id={quote(vid)}").json()

def ok2(vid):
    return client.get("/content/video/infobymodelid", params={"video_model_id": str(vid)}).json()

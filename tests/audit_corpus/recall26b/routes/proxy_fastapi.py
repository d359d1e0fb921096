import httpx
from fastapi import FastAPI

app = FastAPI()
AKOOL = "https://openapi.akool.com/api/open/v3"
client = httpx.AsyncClient(base_url=AKOOL, headers={"x-api-key": "k"})


@app.get("/api/open/v3/content/video/status/{vid}")
async def status(vid: str):
    r = await client.get("/content/video/infobymodelid", params={"video_model_id": vid})
    return r.json()


@app.post(
    "/api/open/v3/photo/talking",
)
async def talk(body: dict):
    r = await client.post("/content/video/createbytalkingphoto", json=body)
    return r.json()

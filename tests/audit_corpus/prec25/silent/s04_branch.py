import httpx

BASE = "https://openapi.akool.com/api/open/v3"


async def result(client: httpx.AsyncClient, kind: str, i: str) -> str | None:
    path = "/content/video/infobymodelid" if kind == "video" else "/content/image/infobymodelid"
    url = f"{BASE}{path}"
    r = await client.get(url, params={f"{kind}_model_id": i})
    d = r.json()["data"]
    return d.get("video") if kind == "video" else d.get("image")

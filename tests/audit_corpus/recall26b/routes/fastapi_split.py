import requests
AK = "https://openapi.akool.com/api/open/v3"
def fwd(b): return requests.post(f"{AK}/content/video/createbytalkingphoto", json=b, headers={"x-api-key": "k"}).json()

@app.post(
    "/api/open/v3/photo/talking",
    status_code=201,
)
async def talk(b: dict):
    return fwd(b)

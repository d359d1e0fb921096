import requests
AK = "https://openapi.akool.com/api/open/v3"
def fwd(b): return requests.post(f"{AK}/content/video/createbytalkingphoto", json=b, headers={"x-api-key": "k"}).json()

@bp.route(
    "/api/open/v3/photo/talking", methods=["POST"]
)
def talk():
    return fwd(request.json)

import httpx

client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": "k"})
app = httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": "k"})


def status(vid):
    return client.get(
        "/content/video/status/1"
    ).json()


def status2(vid):
    r = app.get(
        "/content/video/status/2"
    )
    return r.json()

import httpx

client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": "k"})


def make_client(key):
    return httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": key})

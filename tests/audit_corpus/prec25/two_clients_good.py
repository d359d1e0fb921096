import httpx


class Akool:
    """AKOOL's v3 and v4 bases, and a storage service, in one class."""

    def __init__(self, key: str) -> None:
        headers = {"x-api-key": key}
        self.v3 = httpx.Client(base_url="https://openapi.akool.com/api/open/v3", headers=headers)
        self.v4 = httpx.Client(base_url="https://openapi.akool.com/api/open/v4", headers=headers)
        self.store = httpx.Client(base_url="https://storage.example.com")

    def faces(self) -> dict:
        return self.v3.get("/faceswap/result/listbyids", params={"_ids": "a"}).json()

    def voices(self) -> dict:
        return self.v4.get("/voice/list", params={"type": 1}).json()

    def files(self) -> dict:
        return self.store.get("/files/list").json()


def listing(client: httpx.Client) -> dict:
    return client.get("/voice/list", params={"type": 1}).json()

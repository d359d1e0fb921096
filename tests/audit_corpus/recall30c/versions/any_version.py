import requests


class Voices:
    """A client whose base (and so its API version) its caller gives."""

    def __init__(self, base_url: str, key: str):
        self.base_url = base_url
        self.headers = {"x-api-key": key}

    def names(self) -> list[str]:
        r = requests.get(f"{self.base_url}/voice/list", params={"type": 1}, headers=self.headers)
        return [v["name"] for v in r.json()["data"]["result"]]
